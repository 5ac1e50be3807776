package org.griddesk.map;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.MapModel.Shape;
import org.griddesk.map.TicketMarker.Urgency;
import org.locationtech.jts.geom.Envelope;

/// Draws cameras and ticket markers, and remembers where it drew the markers for hit tests.
///
/// Tickets sit around their grid's label point. Zoomed out they are gathered into clusters of
/// nearby tickets on a screen grid, each with its count and the colour of its most pressing
/// ticket; zoomed in every ticket is its own marker with its channel's character.
final class MarkerPainter {
    /// every ticket its own marker from this zoom
    static final double SPREAD_ZOOM = 14.8;
    /// cameras from this zoom (or always, when asked for)
    static final double CAMERA_ZOOM = 14.0;
    private static final double CLUSTER_CELL = 46;
    private static final double MARKER_RADIUS = 9;
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

    static final Map<Urgency, Color> URGENCY_COLOURS = new EnumMap<>(Map.of(
            Urgency.OVERDUE, Color.web("#d73027"), Urgency.AT_RISK, Color.web("#fc8d59"),
            Urgency.URGENT, Color.web("#fee090"), Urgency.NORMAL, Color.web("#4575b4")));
    private static final Map<Camera.Kind, Color> CAMERA_COLOURS = new EnumMap<>(Map.of(
            Camera.Kind.HD, Color.web("#9aa4af"), Camera.Kind.CHECKPOINT, Color.web("#00bcd4"),
            Camera.Kind.HIGH_POINT, Color.web("#c77dff"), Camera.Kind.FACE, Color.web("#26a69a")));
    private static final Map<Channel, String> CHANNEL_MARKS = new EnumMap<>(Map.of(
            Channel.HOTLINE_8890, "热", Channel.GOVERNANCE_PLATFORM, "津", Channel.GRID_APP, "格", Channel.VIDEO, "视",
            Channel.SMART_PUSH, "智", Channel.DEPARTMENT_PUSH, "部", Channel.DESK, "席"));

    /// Where a marker or cluster was drawn in the last frame.
    record Drawn(double x, double y, double radius, List<TicketMarker> tickets) {
    }

    private final String fontFamily;
    private List<Drawn> drawn = List.of();

    MarkerPainter(String fontFamily) {
        this.fontFamily = fontFamily;
    }

    void paintCameras(GraphicsContext gc, MapModel model, Viewport view, Envelope visible, boolean always) {
        if (view.zoom() < CAMERA_ZOOM && !always) {
            return;
        }
        CameraLayer cameras = model.cameras();
        double size = view.zoom() >= 16 ? 6 : view.zoom() >= CAMERA_ZOOM ? 4 : 2.5;
        Camera.Kind current = null;
        for (int i = cameras.firstFrom(visible.getMinX()); i < cameras.size() && cameras.x(i) <= visible.getMaxX(); i++) {
            double y = cameras.y(i);
            if (y < visible.getMinY() || y > visible.getMaxY()) {
                continue;
            }
            if (cameras.kind(i) != current) {
                current = cameras.kind(i);
                gc.setFill(CAMERA_COLOURS.get(current));
            }
            double s = current == Camera.Kind.HD ? size : size * 1.5;
            gc.fillRect(view.screenX(cameras.x(i)) - s / 2, view.screenY(y) - s / 2, s, s);
        }
    }

    void paintTickets(GraphicsContext gc, MapModel model, Viewport view, Envelope visible, long selectedTicket) {
        List<Drawn> frame = new ArrayList<>();
        Map<String, Integer> placedInGrid = new HashMap<>();
        boolean spread = view.zoom() >= SPREAD_ZOOM;
        Map<Long, List<TicketMarker>> cells = new HashMap<>();
        Map<Long, double[]> cellCentre = new HashMap<>();
        double margin = 2 * CLUSTER_CELL / view.scale();
        for (TicketMarker m : model.markers()) {
            Shape grid = m.gridCode() == null ? null : model.shape(m.gridCode());
            if (grid == null || grid.labelX() < visible.getMinX() - margin || grid.labelX() > visible.getMaxX() + margin
                    || grid.labelY() < visible.getMinY() - margin || grid.labelY() > visible.getMaxY() + margin) {
                continue;
            }
            double x = view.screenX(grid.labelX());
            double y = view.screenY(grid.labelY());
            if (spread) {
                int n = placedInGrid.merge(m.gridCode(), 1, Integer::sum) - 1;
                double r = n == 0 ? 0 : 2.4 * MARKER_RADIUS * Math.sqrt(n) * 0.55;
                frame.add(new Drawn(x + r * Math.cos(n * GOLDEN_ANGLE), y + r * Math.sin(n * GOLDEN_ANGLE), MARKER_RADIUS,
                        List.of(m)));
            } else {
                long key = ((long) Math.floor(x / CLUSTER_CELL) << 32) ^ (Math.floorMod((long) Math.floor(y / CLUSTER_CELL), 1L << 32));
                cells.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                double[] c = cellCentre.computeIfAbsent(key, k -> new double[3]);
                c[0] += x;
                c[1] += y;
                c[2]++;
            }
        }
        cells.forEach((key, tickets) -> {
            double[] c = cellCentre.get(key);
            double radius = Math.min(24, 8 + 4 * Math.log(tickets.size()));
            frame.add(new Drawn(c[0] / c[2], c[1] / c[2], radius, tickets));
        });
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        Font small = Font.font(fontFamily, FontWeight.BOLD, 10);
        Font count = Font.font(fontFamily, FontWeight.BOLD, 11);
        for (Drawn d : frame) {
            TicketMarker worst = mostPressing(d.tickets());
            Color colour = URGENCY_COLOURS.get(worst.urgency());
            gc.setFill(colour);
            gc.fillOval(d.x() - d.radius(), d.y() - d.radius(), 2 * d.radius(), 2 * d.radius());
            boolean selected = d.tickets().stream().anyMatch(t -> t.ticketId() == selectedTicket);
            gc.setStroke(selected ? Color.WHITE : Color.web("#0d1117"));
            gc.setLineWidth(selected ? 3 : 1.2);
            gc.strokeOval(d.x() - d.radius(), d.y() - d.radius(), 2 * d.radius(), 2 * d.radius());
            gc.setFill(colour.getBrightness() > 0.8 && colour.getSaturation() < 0.5 ? Color.BLACK : textOn(colour));
            if (d.tickets().size() == 1) {
                gc.setFont(small);
                gc.fillText(CHANNEL_MARKS.getOrDefault(worst.channel(), "?"), d.x(), d.y());
            } else {
                gc.setFont(count);
                gc.fillText(Integer.toString(d.tickets().size()), d.x(), d.y());
            }
        }
        drawn = frame;
    }

    /// The marker or cluster drawn under a point in the last frame, if any (the top one).
    java.util.Optional<Drawn> at(double x, double y) {
        for (int i = drawn.size() - 1; i >= 0; i--) {
            Drawn d = drawn.get(i);
            double dx = x - d.x();
            double dy = y - d.y();
            if (dx * dx + dy * dy <= d.radius() * d.radius()) {
                return java.util.Optional.of(d);
            }
        }
        return java.util.Optional.empty();
    }

    private static TicketMarker mostPressing(List<TicketMarker> tickets) {
        TicketMarker worst = tickets.getFirst();
        for (TicketMarker t : tickets) {
            if (t.urgency().ordinal() < worst.urgency().ordinal()) {
                worst = t;
            }
        }
        return worst;
    }

    private static Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.55 ? Color.BLACK : Color.WHITE;
    }
}
