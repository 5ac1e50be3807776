package org.griddesk.map;

/// Web Mercator (EPSG:3857) as web map tiles use it, in "world" units: the whole world is the unit
/// square, x growing east from 180° W, y growing south from about 85.05° N. At zoom `z` the world
/// is `256 · 2^z` pixels wide, which is what XYZ tile servers (Tianditu, AMap, OSM) expect.
public final class WebMercator {
    public static final double TILE_SIZE = 256;
    /// the latitude where the square world ends
    public static final double MAX_LATITUDE = 85.05112878;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180) / 360;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360 - 180;
    }

    public static double lat(double y) {
        double n = Math.PI - 2 * Math.PI * y;
        return Math.toDegrees(Math.atan(Math.sinh(n)));
    }

    /// Pixels per world unit at `zoom`.
    public static double scale(double zoom) {
        return TILE_SIZE * Math.pow(2, zoom);
    }
}
