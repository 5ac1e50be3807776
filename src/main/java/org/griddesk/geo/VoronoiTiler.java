package org.griddesk.geo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/// Cuts a polygon into one cell per seed point (Voronoi cells clipped to the polygon), so that the
/// cells cover the polygon with no gap and no overlap. Overlay runs on a fixed precision grid, so
/// a vertex two cells share is the same coordinate in both. A cell the polygon's shape cuts in two
/// keeps its largest piece; the other pieces join the neighbour they share the longest edge with.
final class VoronoiTiler {
    private final GeometryFactory factory;
    private final PrecisionModel precision;

    VoronoiTiler(PrecisionModel precision) {
        this.precision = precision;
        this.factory = new GeometryFactory(precision);
    }

    GeometryFactory factory() {
        return factory;
    }

    /// One polygon per seed, in seed order. Seeds must lie inside `parent` and be distinct.
    List<Polygon> tile(Polygon parent, List<Coordinate> seeds) {
        if (seeds.size() == 1) {
            return List.of((Polygon) parent.copy());
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(seeds);
        Envelope clip = new Envelope(parent.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()));
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(new GeometryFactory());
        Map<Coordinate, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            indexOf.put(seeds.get(i), i);
        }
        Geometry[] cells = new Geometry[seeds.size()];
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Integer index = indexOf.get((Coordinate) cell.getUserData());
            if (index != null) {
                cells[index] = OverlayNG.overlay(cell, parent, OverlayNG.INTERSECTION, precision);
            }
        }
        return mergeFragments(cells);
    }

    private List<Polygon> mergeFragments(Geometry[] cells) {
        List<Geometry> orphans = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            Geometry cell = cells[i];
            if (cell == null || cell.isEmpty()) {
                throw new IllegalStateException("seed " + i + " got no cell: seeds must lie inside the polygon");
            }
            if (cell.getNumGeometries() > 1) {
                Polygon largest = null;
                for (int k = 0; k < cell.getNumGeometries(); k++) {
                    Geometry part = cell.getGeometryN(k);
                    if (part instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                        largest = p;
                    }
                }
                for (int k = 0; k < cell.getNumGeometries(); k++) {
                    Geometry part = cell.getGeometryN(k);
                    if (part != largest && part instanceof Polygon) {
                        orphans.add(part);
                    }
                }
                cells[i] = largest;
            }
        }
        for (Geometry orphan : orphans) {
            int best = -1;
            double bestShared = 0;
            for (int i = 0; i < cells.length; i++) {
                if (!cells[i].getEnvelopeInternal().intersects(orphan.getEnvelopeInternal())) {
                    continue;
                }
                double shared = OverlayNG.overlay(cells[i].getBoundary(), orphan.getBoundary(), OverlayNG.INTERSECTION, precision)
                        .getLength();
                if (shared > bestShared) {
                    bestShared = shared;
                    best = i;
                }
            }
            if (best >= 0) {
                cells[best] = OverlayNG.overlay(cells[best], orphan, OverlayNG.UNION, precision);
            }
        }
        List<Polygon> result = new ArrayList<>(cells.length);
        for (Geometry cell : cells) {
            result.add(largestPolygon(cell));
        }
        return result;
    }

    private static Polygon largestPolygon(Geometry g) {
        if (g instanceof Polygon p) {
            return p;
        }
        Polygon largest = null;
        for (int k = 0; k < g.getNumGeometries(); k++) {
            if (g.getGeometryN(k) instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        return largest;
    }
}
