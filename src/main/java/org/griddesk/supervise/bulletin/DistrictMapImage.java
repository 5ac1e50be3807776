package org.griddesk.supervise.bulletin;

import java.awt.Color;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.griddesk.geo.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/// The district's towns as a map image (Java2D, headless), each filled by a rate of its centre: red for
/// the worst, through amber, to green for the best; grey where there was nothing to rate. Shapes are the
/// store's region polygons (longitude/latitude), drawn with the latitude's cosine so they keep their form.
public final class DistrictMapImage {
    static final Color NO_DATA = new Color(0xCC, 0xCC, 0xCC);
    private static final int LEGEND = 24;

    private DistrictMapImage() {
    }

    /// @param values the rate of each area's centre (by area code = centre id), 0..1
    public static BufferedImage render(List<Region> areas, Map<String, OptionalDouble> values, String legend, int width, int height) {
        BulletinCharts.Canvas c = new BulletinCharts.Canvas(width, height);
        if (areas.isEmpty()) {
            c.g.setColor(BulletinCharts.INK);
            c.size(12);
            c.centredText("没有区划图形", width / 2, height / 2);
            return c.done();
        }
        Envelope box = new Envelope();
        areas.forEach(a -> box.expandToInclude(a.shape().getEnvelopeInternal()));
        double cos = Math.cos(Math.toRadians(box.centre().y));
        double scale = Math.min((width - 8) / (box.getWidth() * cos), (height - LEGEND - 8) / box.getHeight());
        double offX = (width - box.getWidth() * cos * scale) / 2;
        double offY = (height - LEGEND - box.getHeight() * scale) / 2;
        double[] range = range(values);
        c.size(8);
        for (Region area : areas) {
            Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (int i = 0; i < area.shape().getNumGeometries(); i++) {
                Geometry part = area.shape().getGeometryN(i);
                if (part instanceof Polygon p) {
                    ring(path, p.getExteriorRing().getCoordinates(), box, cos, scale, offX, offY);
                    for (int h = 0; h < p.getNumInteriorRing(); h++) {
                        ring(path, p.getInteriorRingN(h).getCoordinates(), box, cos, scale, offX, offY);
                    }
                }
            }
            OptionalDouble v = values.getOrDefault(area.code(), OptionalDouble.empty());
            c.g.setColor(v.isPresent() ? colour(v.getAsDouble(), range) : NO_DATA);
            c.g.fill(path);
            c.g.setColor(Color.WHITE);
            c.g.draw(path);
        }
        c.g.setColor(BulletinCharts.INK);
        for (Region area : areas) {
            Point inside = area.shape().getInteriorPoint();
            OptionalDouble v = values.getOrDefault(area.code(), OptionalDouble.empty());
            int x = (int) (offX + (inside.getX() - box.getMinX()) * cos * scale);
            int y = (int) (offY + (box.getMaxY() - inside.getY()) * scale);
            c.centredText(BulletinCharts.shortName(area.name()), x, y);
            c.centredText(v.isPresent() ? String.format(Locale.ROOT, "%.1f%%", v.getAsDouble() * 100) : "—", x, y + 10);
        }
        legend(c, legend, range, width, height);
        return c.done();
    }

    private static void ring(Path2D.Double path, Coordinate[] ring, Envelope box, double cos, double scale, double offX, double offY) {
        for (int i = 0; i < ring.length; i++) {
            double x = offX + (ring[i].x - box.getMinX()) * cos * scale;
            double y = offY + (box.getMaxY() - ring[i].y) * scale;
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
    }

    private static void legend(BulletinCharts.Canvas c, String legend, double[] range, int width, int height) {
        int y = height - LEGEND + 6;
        int x = 8;
        c.g.setColor(BulletinCharts.INK);
        c.text(legend, x, y + 9);
        x += c.width(legend) + 8;
        c.text(String.format(Locale.ROOT, "%.1f%%", range[0] * 100), x, y + 9);
        x += 34;
        for (int i = 0; i < 60; i++) {
            c.g.setColor(colour(range[0] + (range[1] - range[0]) * i / 59.0, range));
            c.g.fillRect(x + i, y, 1, 12);
        }
        c.g.setColor(BulletinCharts.INK);
        c.text(String.format(Locale.ROOT, "%.1f%%", range[1] * 100), x + 64, y + 9);
        c.g.setColor(NO_DATA);
        c.g.fillRect(x + 110, y, 12, 12);
        c.g.setColor(BulletinCharts.INK);
        c.text("无数据", x + 126, y + 9);
    }

    /// the lowest and highest value shown (a span of at least one point, so equal towns are not all red)
    private static double[] range(Map<String, OptionalDouble> values) {
        double lo = values.values().stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min().orElse(0);
        double hi = values.values().stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).max().orElse(1);
        return hi - lo < 0.01 ? new double[] {Math.max(0, hi - 0.01), hi} : new double[] {lo, hi};
    }

    /// red (worst) → amber → green (best)
    static Color colour(double v, double[] range) {
        double t = Math.clamp((v - range[0]) / (range[1] - range[0]), 0, 1);
        Color low = new Color(0xD7, 0x30, 0x27);
        Color mid = new Color(0xFE, 0xE0, 0x8B);
        Color high = new Color(0x1A, 0x98, 0x50);
        return t < 0.5 ? mix(low, mid, t * 2) : mix(mid, high, (t - 0.5) * 2);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
