package org.griddesk.geo;

import java.util.Locale;
import java.util.Optional;

/// The coordinate systems people in China actually have, and how each becomes WGS-84, the system
/// GridDesk stores. A file or a request names one in any of its usual spellings: `WGS-84`,
/// `EPSG:4326`, the GeoJSON `urn:ogc:def:crs:OGC:1.3:CRS84`, `CGCS2000` or `EPSG:4490` (Tianditu),
/// `GCJ-02` (AMap, Tencent, the DataV files), `BD-09` (Baidu), `EPSG:3857` (web-mercator metres).
public enum CoordinateSystem {
    WGS84("WGS-84", false),
    /// China's geodetic system: agrees with WGS-84 to well under a metre, taken as it is
    CGCS2000("CGCS2000", false),
    GCJ02("GCJ-02", false),
    BD09("BD-09", false),
    /// web-mercator metres on WGS-84: converted to degrees
    WEB_MERCATOR("EPSG:3857", true);

    private static final double EARTH_RADIUS = 6378137.0;

    private final String label;
    private final boolean metres;

    CoordinateSystem(String label, boolean metres) {
        this.label = label;
        this.metres = metres;
    }

    /// The usual name: `WGS-84`, `CGCS2000`, `GCJ-02`, `BD-09`, `EPSG:3857`.
    public String label() {
        return label;
    }

    /// Whether its coordinates are metres (EPSG:3857), not degrees.
    public boolean metres() {
        return metres;
    }

    /// The system a name means, in any usual spelling (case, `-`, `_` and spaces aside); empty for a
    /// name it does not know.
    public static Optional<CoordinateSystem> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_-]", "");
        n = n.replace("URN:OGC:DEF:CRS:", "").replace("HTTP://WWW.OPENGIS.NET/DEF/CRS/", "").replace("::", ":");
        return Optional.ofNullable(switch (n) {
            case "WGS84", "EPSG:4326", "EPSG/0/4326", "OGC:1.3:CRS84", "OGC/1.3/CRS84", "CRS84", "4326" -> WGS84;
            case "CGCS2000", "EPSG:4490", "EPSG/0/4490", "4490", "CGCS" -> CGCS2000;
            case "GCJ02", "GCJ", "MARS", "AMAP", "GAODE" -> GCJ02;
            case "BD09", "BD09LL", "BAIDU" -> BD09;
            case "EPSG:3857", "EPSG/0/3857", "3857", "EPSG:900913", "WEBMERCATOR", "PSEUDOMERCATOR" -> WEB_MERCATOR;
            default -> null;
        });
    }

    /// The WGS-84 longitude and latitude of a point given in this system.
    public double[] toWgs(double x, double y) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {x, y};
            case GCJ02 -> ChinaCoordinates.gcjToWgs(x, y);
            case BD09 -> {
                double[] gcj = ChinaCoordinates.bdToGcj(x, y);
                yield ChinaCoordinates.gcjToWgs(gcj[0], gcj[1]);
            }
            case WEB_MERCATOR -> new double[] {Math.toDegrees(x / EARTH_RADIUS),
                Math.toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2)};
        };
    }

    /// A WGS-84 point in this system (the inverse of [#toWgs]).
    public double[] fromWgs(double lon, double lat) {
        return switch (this) {
            case WGS84, CGCS2000 -> new double[] {lon, lat};
            case GCJ02 -> ChinaCoordinates.wgsToGcj(lon, lat);
            case BD09 -> {
                double[] gcj = ChinaCoordinates.wgsToGcj(lon, lat);
                yield ChinaCoordinates.gcjToBd(gcj[0], gcj[1]);
            }
            case WEB_MERCATOR -> new double[] {Math.toRadians(lon) * EARTH_RADIUS,
                Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * EARTH_RADIUS};
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
