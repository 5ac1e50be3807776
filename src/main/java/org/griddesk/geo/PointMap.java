package org.griddesk.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/// A map of the plane point by point (a projection, a conversion between coordinate systems), and
/// how a whole geometry goes through it.
@FunctionalInterface
interface PointMap {
    Coordinate apply(double x, double y);

    /// A copy of `geometry` with every vertex mapped.
    default Geometry applyTo(Geometry geometry) {
        Geometry copy = geometry.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                Coordinate c = PointMap.this.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, 0, c.x);
                seq.setOrdinate(i, 1, c.y);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
