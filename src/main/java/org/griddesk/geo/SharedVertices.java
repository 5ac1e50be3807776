package org.griddesk.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/// Makes neighbouring regions share their vertices: where one region's vertex lies on another's
/// edge (a grid's corner on its neighbour's long side, a grid's vertex on its community's outline),
/// the vertex is put into that edge too. Then any conversion done point by point (GCJ-02 to WGS-84,
/// or a GIS reading the export) moves both sides alike, and no sliver opens between them.
/// `toleranceMetres` is how far off an edge a vertex may lie and still be on it.
public final class SharedVertices {
    private SharedVertices() {
    }

    /// The shapes (longitude/latitude degrees) with every vertex of any of them that lies on an edge
    /// of another put into that edge.
    public static List<Geometry> node(List<Geometry> shapes, double toleranceMetres) {
        return node(shapes, toleranceMetres, CoordinateSystem.WGS84);
    }

    /// The same for shapes in `system`'s coordinates (degrees or EPSG:3857 metres).
    static List<Geometry> node(List<Geometry> shapes, double toleranceMetres, CoordinateSystem system) {
        if (shapes.isEmpty()) {
            return shapes;
        }
        Set<Coordinate> vertices = new LinkedHashSet<>();
        Envelope all = new Envelope();
        for (Geometry shape : shapes) {
            for (Coordinate c : shape.getCoordinates()) {
                vertices.add(new Coordinate(c.x, c.y));
            }
            all.expandToInclude(shape.getEnvelopeInternal());
        }
        STRtree index = new STRtree();
        vertices.forEach(v -> index.insert(new Envelope(v), v));
        Noder noder = new Noder(index, FileFrame.of(all, system), toleranceMetres, shapes.getFirst().getFactory());
        return shapes.stream().map(noder::node).toList();
    }

    private record Noder(STRtree index, FileFrame frame, double tolerance, GeometryFactory factory) {
        Geometry node(Geometry shape) {
            List<Polygon> polygons = new ArrayList<>();
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                Polygon p = (Polygon) shape.getGeometryN(i);
                LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
                for (int h = 0; h < holes.length; h++) {
                    holes[h] = ring(p.getInteriorRingN(h).getCoordinates());
                }
                polygons.add(factory.createPolygon(ring(p.getExteriorRing().getCoordinates()), holes));
            }
            return shape instanceof Polygon ? polygons.getFirst() : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
        }

        private LinearRing ring(Coordinate[] ring) {
            Set<Coordinate> own = new HashSet<>(Arrays.asList(ring));
            List<Coordinate> out = new ArrayList<>(ring.length);
            for (int i = 0; i + 1 < ring.length; i++) {
                out.add(ring[i]);
                out.addAll(onEdge(ring[i], ring[i + 1], own));
            }
            out.add(ring[ring.length - 1]);
            return factory.createLinearRing(out.toArray(Coordinate[]::new));
        }

        /// The vertices of other shapes lying on the edge from `a` to `b`, in order from `a`. One within
        /// the tolerance of an end is that end, as far as anyone can tell: it is left out.
        private List<Coordinate> onEdge(Coordinate a, Coordinate b, Set<Coordinate> own) {
            Envelope around = new Envelope(a, b);
            around.expandBy(tolerance / frame.metresPerUnitX(), tolerance / frame.metresPerUnitY());
            @SuppressWarnings("unchecked")
            List<Coordinate> near = index.query(around);
            if (near.size() <= 2) {
                return List.of();
            }
            // in metres, where the tolerance is
            Coordinate ma = frame.toMetres(a.x, a.y);
            Coordinate mb = frame.toMetres(b.x, b.y);
            LineSegment edge = new LineSegment(ma, mb);
            List<Coordinate> on = new ArrayList<>();
            for (Coordinate v : near) {
                if (own.contains(v)) {
                    continue;
                }
                Coordinate m = frame.toMetres(v.x, v.y);
                double along = edge.projectionFactor(m);
                if (along > 0 && along < 1 && edge.distance(m) <= tolerance && m.distance(ma) > tolerance && m.distance(mb) > tolerance) {
                    on.add(v);
                }
            }
            on.sort(Comparator.comparingDouble(v -> edge.projectionFactor(frame.toMetres(v.x, v.y))));
            return on;
        }
    }
}
