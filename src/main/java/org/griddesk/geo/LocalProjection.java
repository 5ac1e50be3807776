package org.griddesk.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/// Kilometres east and north of an origin, and back to longitude and latitude (WGS-84/CGCS2000):
/// an equirectangular projection, exact enough for a district of 25 km across and cheap to invert.
/// The demo geography is built in kilometres and converted once, the same way for every vertex,
/// so shared edges stay shared.
public record LocalProjection(double originLon, double originLat) {
    private static final double KM_PER_DEGREE_LAT = 110.574;
    private static final double KM_PER_DEGREE_LON_AT_EQUATOR = 111.320;

    double kmPerDegreeLon() {
        return KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos(Math.toRadians(originLat));
    }

    public Coordinate toLonLat(double xKm, double yKm) {
        return new Coordinate(originLon + xKm / kmPerDegreeLon(), originLat + yKm / KM_PER_DEGREE_LAT);
    }

    public Coordinate toKm(double lon, double lat) {
        return new Coordinate((lon - originLon) * kmPerDegreeLon(), (lat - originLat) * KM_PER_DEGREE_LAT);
    }

    /// A copy of a kilometre geometry in longitude and latitude.
    public Geometry toLonLat(Geometry km) {
        return ((PointMap) this::toLonLat).applyTo(km);
    }

    /// Area of a longitude/latitude geometry in square kilometres (small areas).
    public double areaKm2(Geometry lonLat) {
        return lonLat.getArea() * kmPerDegreeLon() * KM_PER_DEGREE_LAT;
    }
}
