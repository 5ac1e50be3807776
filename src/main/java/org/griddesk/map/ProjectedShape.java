package org.griddesk.map;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/// A region's outline ready to draw: every ring (outer rings and holes of every piece) in world
/// units, simplified for a few zoom levels so that a district-wide view draws a few points per
/// pixel, not thousands.
final class ProjectedShape {
    /// simplified version `i` serves zooms below `DETAIL_ZOOMS[i]` (and from the level before);
    /// from the last level up the full geometry is drawn
    static final double[] DETAIL_ZOOMS = {10, 12, 14, 16};
    /// half a pixel at the level a version serves: no visible difference
    private static final double TOLERANCE_PIXELS = 0.5;

    /// One ring in world units.
    record Ring(double[] x, double[] y) {
        int size() {
            return x.length;
        }
    }

    private final Ring[][] versions;
    private final Envelope box;

    private ProjectedShape(Ring[][] versions, Envelope box) {
        this.versions = versions;
        this.box = box;
    }

    /// Projects a Polygon or MultiPolygon given in longitude/latitude.
    static ProjectedShape of(Geometry lonLat) {
        Geometry world = lonLat.copy();
        world.apply(new ToWorld());
        world.geometryChanged();
        Ring[][] versions = new Ring[DETAIL_ZOOMS.length + 1][];
        for (int i = 0; i < DETAIL_ZOOMS.length; i++) {
            double tolerance = TOLERANCE_PIXELS / WebMercator.scale(DETAIL_ZOOMS[i]);
            versions[i] = rings(TopologyPreservingSimplifier.simplify(world, tolerance));
        }
        versions[DETAIL_ZOOMS.length] = rings(world);
        return new ProjectedShape(versions, world.getEnvelopeInternal());
    }

    /// The rings to draw at `zoom`.
    Ring[] rings(double zoom) {
        for (int i = 0; i < DETAIL_ZOOMS.length; i++) {
            if (zoom < DETAIL_ZOOMS[i]) {
                return versions[i];
            }
        }
        return versions[DETAIL_ZOOMS.length];
    }

    /// Points drawn at `zoom`, summed over the rings.
    int points(double zoom) {
        int n = 0;
        for (Ring r : rings(zoom)) {
            n += r.size();
        }
        return n;
    }

    /// The bounding box in world units.
    Envelope box() {
        return box;
    }

    private static Ring[] rings(Geometry g) {
        List<Ring> rings = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                rings.add(ring(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    rings.add(ring(p.getInteriorRingN(h).getCoordinates()));
                }
            }
        }
        return rings.toArray(Ring[]::new);
    }

    private static Ring ring(Coordinate[] coordinates) {
        int n = coordinates.length - 1; // the closing point repeats the first: drawing closes the path itself
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = coordinates[i].x;
            y[i] = coordinates[i].y;
        }
        return new Ring(x, y);
    }

    /// Longitude/latitude to world units, in place.
    private static final class ToWorld implements CoordinateSequenceFilter {
        @Override
        public void filter(CoordinateSequence seq, int i) {
            seq.setOrdinate(i, 0, WebMercator.x(seq.getX(i)));
            seq.setOrdinate(i, 1, WebMercator.y(seq.getY(i)));
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
