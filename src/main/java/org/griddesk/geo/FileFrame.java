package org.griddesk.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/// Metres east and north of a file's middle, from the file's own coordinates by an affine map:
/// degrees scaled by the length of a degree there, or EPSG:3857 metres scaled by the mercator's
/// stretch there. Affine, so an edge straight in the file is straight here and a vertex on it stays
/// on it: checks and tolerances in metres see the file as it was drawn.
record FileFrame(double originX, double originY, double metresPerUnitX, double metresPerUnitY) {
    private static final double METRES_PER_DEGREE_LAT = 110_574;
    private static final double METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320;

    /// The frame of coordinates in `system` spread over `extent` (in the same coordinates).
    static FileFrame of(Envelope extent, CoordinateSystem system) {
        Coordinate middle = extent.centre();
        if (system.metres()) {
            double lat = system.toWgs(middle.x, middle.y)[1];
            double stretch = Math.cos(Math.toRadians(lat));
            return new FileFrame(middle.x, middle.y, stretch, stretch);
        }
        return new FileFrame(middle.x, middle.y, METRES_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(middle.y)),
                METRES_PER_DEGREE_LAT);
    }

    Coordinate toMetres(double x, double y) {
        return new Coordinate((x - originX) * metresPerUnitX, (y - originY) * metresPerUnitY);
    }

    /// A point in metres back in the file's coordinates.
    Coordinate toFile(double xMetres, double yMetres) {
        return new Coordinate(originX + xMetres / metresPerUnitX, originY + yMetres / metresPerUnitY);
    }

    /// A copy of a geometry in the file's coordinates, in metres.
    Geometry toMetres(Geometry file) {
        return ((PointMap) this::toMetres).applyTo(file);
    }
}
