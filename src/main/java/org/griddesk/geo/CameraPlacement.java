package org.griddesk.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/// Where a camera may stand for its grid: inside it, or within [#NEAR_METRES] of its edge (a
/// camera on the road along the grid) — an alarm from the camera is placed in that grid. The
/// cameras file and the administrator's camera screen hold cameras to the same rule.
public final class CameraPlacement {
    /// How far outside its grid a camera may stand.
    public static final double NEAR_METRES = 100;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private CameraPlacement() {
    }

    /// Metres from the WGS-84 point to the grid's shape (0 inside it), on the local flat earth.
    public static double metresOutside(Region grid, double lon, double lat) {
        Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
        Coordinate[] nearest = DistanceOp.nearestPoints(grid.shape(), p);
        double dx = (nearest[0].x - nearest[1].x) * 111_320 * Math.cos(Math.toRadians(lat));
        double dy = (nearest[0].y - nearest[1].y) * 110_574;
        return Math.hypot(dx, dy);
    }

    /// Whether a camera that far outside its grid may still belong to it.
    public static boolean near(double metresOutside) {
        return metresOutside <= NEAR_METRES;
    }
}
