package org.griddesk.desk.visit;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.griddesk.geo.Region;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.store.visit.WorkerDayRecords.DayCheck;
import org.griddesk.store.visit.WorkerDayRecords.DayVisit;
import org.griddesk.visit.WorkerDay;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/// The grid's outline with the day's patrol tracks (start green, end red), the visits (orange) and
/// the checks (blue) where the phone placed them: a sketch that fills its pane and draws again when
/// resized. North is up; the grid's extent is fitted with equal metres on both axes.
final class TrackSketch extends Pane {
    private static final double MARGIN = 14;
    private static final Color OUTLINE = Color.web("#5b6b7f");
    private static final Color FILL = Color.web("#5b6b7f", 0.08);
    private static final Color TRACK = Color.web("#1f6feb");
    private static final Color VISIT = Color.web("#e8860c");
    private static final Color CHECK = Color.web("#0a7f8f");

    private final Canvas canvas = new Canvas();
    private final Region grid;
    private WorkerDay day;

    TrackSketch(Region grid) {
        this.grid = grid;
        getStyleClass().add("worker-day-track");
        canvas.setManaged(false); // sized by the pane, never sizing it
        getChildren().add(canvas);
    }

    void show(WorkerDay shown) {
        this.day = shown;
        draw();
    }

    /// The canvas takes the pane's size (the pane's own size comes from its parent) and draws anew.
    @Override
    protected void layoutChildren() {
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            draw();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 360;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (getWidth() < 2 * MARGIN || getHeight() < 2 * MARGIN) {
            return;
        }
        Envelope extent = new Envelope(grid.shape().getEnvelopeInternal());
        if (day != null) {
            day.tracks().forEach(t -> t.points().forEach(p -> extent.expandToInclude(p.lon(), p.lat())));
        }
        Projection at = new Projection(extent, getWidth(), getHeight());
        outline(g, at, grid.shape());
        if (day == null) {
            return;
        }
        for (PatrolTrack track : day.tracks()) {
            track(g, at, track.points());
        }
        g.setFill(VISIT);
        for (DayVisit v : day.visits()) {
            if (v.lon() != null && v.lat() != null) {
                g.fillOval(at.x(v.lon()) - 4, at.y(v.lat()) - 4, 8, 8);
            }
        }
        g.setFill(CHECK);
        for (DayCheck c : day.checks()) {
            if (c.lon() != null && c.lat() != null) {
                g.fillRect(at.x(c.lon()) - 4, at.y(c.lat()) - 4, 8, 8);
            }
        }
    }

    private static void outline(GraphicsContext g, Projection at, Geometry shape) {
        g.setStroke(OUTLINE);
        g.setFill(FILL);
        g.setLineWidth(1.5);
        for (int i = 0; i < shape.getNumGeometries(); i++) {
            if (shape.getGeometryN(i) instanceof Polygon polygon) {
                Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
                double[] xs = new double[ring.length];
                double[] ys = new double[ring.length];
                for (int k = 0; k < ring.length; k++) {
                    xs[k] = at.x(ring[k].x);
                    ys[k] = at.y(ring[k].y);
                }
                g.fillPolygon(xs, ys, ring.length);
                g.strokePolygon(xs, ys, ring.length);
            }
        }
    }

    private static void track(GraphicsContext g, Projection at, List<PatrolPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        g.setStroke(TRACK);
        g.setLineWidth(2);
        g.beginPath();
        g.moveTo(at.x(points.getFirst().lon()), at.y(points.getFirst().lat()));
        for (PatrolPoint p : points) {
            g.lineTo(at.x(p.lon()), at.y(p.lat()));
        }
        g.stroke();
        g.setFill(Color.web("#1a7f37"));
        g.fillOval(at.x(points.getFirst().lon()) - 5, at.y(points.getFirst().lat()) - 5, 10, 10);
        g.setFill(Color.web("#cf222e"));
        g.fillOval(at.x(points.getLast().lon()) - 5, at.y(points.getLast().lat()) - 5, 10, 10);
    }

    /// Longitude and latitude to the pane's pixels: equal metres on both axes (a degree of longitude
    /// is shorter by the cosine of the latitude), the extent centred with a margin.
    private record Projection(double minLon, double maxLat, double scaleX, double scaleY, double offsetX, double offsetY) {
        Projection(Envelope e, double width, double height) {
            this(e, width, height, Math.cos(Math.toRadians((e.getMinY() + e.getMaxY()) / 2)));
        }

        private Projection(Envelope e, double width, double height, double shrink) {
            this(e, width, height, shrink, Math.min((width - 2 * MARGIN) / Math.max(e.getWidth() * shrink, 1e-9),
                    (height - 2 * MARGIN) / Math.max(e.getHeight(), 1e-9)));
        }

        private Projection(Envelope e, double width, double height, double shrink, double scale) {
            this(e.getMinX(), e.getMaxY(), scale * shrink, scale, (width - e.getWidth() * shrink * scale) / 2,
                    (height - e.getHeight() * scale) / 2);
        }

        double x(double lon) {
            return offsetX + (lon - minLon) * scaleX;
        }

        double y(double lat) {
            return offsetY + (maxLat - lat) * scaleY;
        }
    }
}
