package org.griddesk.geo;

/// China's coordinate systems. WGS-84 and CGCS2000 agree to well under a metre (Tianditu's tiles
/// use CGCS2000); GCJ-02 (AMap and other Chinese web maps) is WGS-84 shifted by a published
/// non-linear offset of a few hundred metres, undone here by fixed-point iteration; BD-09 (Baidu)
/// is GCJ-02 turned and shifted once more by Baidu's published formula, undone the same way.
public final class ChinaCoordinates {
    private static final double A = 6378245.0;
    private static final double EE = 0.00669342162296594323;
    private static final double BAIDU_PI = Math.PI * 3000.0 / 180.0;

    private ChinaCoordinates() {
    }

    /// Roughly mainland China and its seas: where a district's coordinates must lie.
    public static boolean inChina(double lon, double lat) {
        return lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54;
    }

    /// WGS-84 → GCJ-02, as the Chinese web maps display.
    public static double[] wgsToGcj(double lon, double lat) {
        double dLat = offsetLat(lon - 105.0, lat - 35.0);
        double dLon = offsetLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
        double sqrtMagic = Math.sqrt(magic);
        dLat = dLat * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lon + dLon, lat + dLat};
    }

    /// GCJ-02 → WGS-84: the WGS-84 point whose GCJ-02 image is the given one, to about a millimetre.
    public static double[] gcjToWgs(double lon, double lat) {
        return inverse(ChinaCoordinates::wgsToGcj, lon, lat, lon, lat);
    }

    /// GCJ-02 → BD-09, Baidu's published formula.
    public static double[] gcjToBd(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BAIDU_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BAIDU_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /// BD-09 → GCJ-02: the GCJ-02 point whose BD-09 image is the given one, to about a millimetre
    /// (Baidu's own inverse formula is off by up to a metre).
    public static double[] bdToGcj(double lon, double lat) {
        return inverse(ChinaCoordinates::gcjToBd, lon, lat, lon - 0.0065, lat - 0.006);
    }

    /// A shift of the plane, as the formulas above are.
    private interface Shift {
        double[] apply(double lon, double lat);
    }

    /// The point `shift` takes to (`lon`, `lat`), by fixed-point iteration from a first guess: the
    /// shifts are small and smooth, so each step takes off nearly all of the error left.
    private static double[] inverse(Shift shift, double lon, double lat, double guessLon, double guessLat) {
        double x = guessLon;
        double y = guessLat;
        for (int i = 0; i < 30; i++) {
            double[] image = shift.apply(x, y);
            double errorLon = image[0] - lon;
            double errorLat = image[1] - lat;
            x -= errorLon;
            y -= errorLat;
            if (Math.abs(errorLon) < 1e-9 && Math.abs(errorLat) < 1e-9) {
                break;
            }
        }
        return new double[] {x, y};
    }

    private static double offsetLat(double x, double y) {
        double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return r;
    }

    private static double offsetLon(double x, double y) {
        double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return r;
    }
}
