package org.griddesk.map;

/// Web Mercator's y ([WebMercator#y]) for latitudes near one another, as a track's are: the series
/// of y about the last latitude it was anchored at, to the third power, anchored again when a
/// latitude is more than [#REACH] from it. Within the reach it differs from [WebMercator#y] by less
/// than 1e-13 of the world's height (a thousandth of a pixel at zoom 19), at a fraction of the cost
/// of a sine and a logarithm a point. For latitudes inside the square world (a district's, not the poles').
final class MercatorNear {
    /// degrees of latitude about the anchor the series is used for
    static final double REACH = 0.05;
    private static final double RADIANS = Math.PI / 180;

    private double anchor = Double.NaN;
    private double y0;
    private double first;
    private double second;
    private double third;

    double y(double lat) {
        double d = lat - anchor;
        if (!(Math.abs(d) <= REACH)) { // NaN before the first anchor
            anchorAt(lat);
            d = 0;
        }
        return y0 + d * (first + d * (second + d * third));
    }

    /// y = 1/2 − ln(tan(π/4 + φ/2)) / 2π, whose derivatives in φ are sec φ, sec φ tan φ and
    /// sec φ (tan² φ + sec² φ), taken to degrees and divided by the factorials.
    private void anchorAt(double lat) {
        double phi = lat * RADIANS;
        double sec = 1 / Math.cos(phi);
        double tan = Math.tan(phi);
        double toWorld = -1 / (2 * Math.PI);
        anchor = lat;
        y0 = WebMercator.y(lat);
        first = toWorld * sec * RADIANS;
        second = toWorld * sec * tan * RADIANS * RADIANS / 2;
        third = toWorld * sec * (tan * tan + sec * sec) * RADIANS * RADIANS * RADIANS / 6;
    }
}
