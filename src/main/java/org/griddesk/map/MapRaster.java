package org.griddesk.map;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.MapModel.Shape;
import org.griddesk.map.ProjectedShape.Ring;
import org.griddesk.map.TicketMarker.Urgency;
import org.locationtech.jts.geom.Envelope;

/// Draws the map into a raster on a background thread (Java2D): fills, outlines, cameras, labels
/// and ticket markers for one view, with a margin round it so that a pan shows drawn map at once.
/// The FX thread only shows the finished raster, moved and scaled to the current view, so a frame
/// costs one image whatever the district holds.
///
/// Tickets sit around their grid's label point. Zoomed out they are gathered into clusters of
/// nearby tickets on a screen grid, each with its count and the colour of its most pressing
/// ticket; zoomed in every ticket is its own marker with its channel's character.
final class MapRaster {
    /// community outlines from this zoom
    static final double COMMUNITY_ZOOM = 11.6;
    /// grid outlines from this zoom
    static final double GRID_ZOOM = 12.4;
    /// community names from this zoom
    static final double COMMUNITY_LABEL_ZOOM = 13.2;
    /// grid codes from this zoom (and only where the grid is wide enough on screen)
    static final double GRID_LABEL_ZOOM = 14.6;
    /// every ticket its own marker from this zoom
    static final double SPREAD_ZOOM = 14.8;
    /// cameras from this zoom (or always, when asked for)
    static final double CAMERA_ZOOM = 14.0;
    /// share of the view drawn beyond each edge
    static final double MARGIN = 0.2;

    private static final double CLUSTER_CELL = 46;
    private static final double MARKER_RADIUS = 9;
    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    /// pixels between a grid's code and the top of its markers
    private static final double LABEL_CLEARANCE = 8;

    static final Map<Urgency, Color> URGENCY_COLOURS = new EnumMap<>(Map.of(
            Urgency.OVERDUE, Color.web("#d73027"), Urgency.AT_RISK, Color.web("#fc8d59"),
            Urgency.URGENT, Color.web("#fee090"), Urgency.NORMAL, Color.web("#4575b4")));
    private static final Map<Camera.Kind, Color> CAMERA_COLOURS = new EnumMap<>(Map.of(
            Camera.Kind.HD, Color.web("#9aa4af"), Camera.Kind.CHECKPOINT, Color.web("#00bcd4"),
            Camera.Kind.HIGH_POINT, Color.web("#c77dff"), Camera.Kind.FACE, Color.web("#26a69a")));
    /// patrol tracks: a blue that stands out on the coverage's pinks and on the dark wall
    private static final java.awt.Color PATROL_TRACK = new java.awt.Color(0x00, 0x7A, 0xCC, 230);
    private static final Map<Channel, String> CHANNEL_MARKS = new EnumMap<>(Map.of(
            Channel.HOTLINE_8890, "热", Channel.GOVERNANCE_PLATFORM, "津", Channel.GRID_APP, "格", Channel.VIDEO, "视",
            Channel.SMART_PUSH, "智", Channel.DEPARTMENT_PUSH, "部", Channel.DESK, "席"));

    /// What one raster shows. `resolution` is 1 for a sharp raster, less for a quick one drawn
    /// while the view moves (shown scaled up until the sharp one replaces it). Over base map tiles
    /// the raster has no background of its own.
    record Request(MapModel model, Viewport view, ColourMode mode, Choropleth choropleth, MapStyle style, boolean allCameras,
                   long selectedTicket, double resolution, boolean overTiles) {
    }

    /// A marker or cluster as drawn, in the raster's pixels.
    record Drawn(double x, double y, double radius, List<TicketMarker> tickets) {
    }

    /// A finished raster: premultiplied ARGB pixels of the request's view grown by the margin.
    /// `view` is the grown view the pixels show.
    record Raster(Request request, Viewport view, int[] pixels, int width, int height, List<Drawn> markers) {
    }

    private final String fontFamily;

    MapRaster(String fontFamily) {
        this.fontFamily = fontFamily;
    }

    Raster render(Request request) {
        Viewport asked = request.view();
        double res = request.resolution();
        // drawn at full size in a view with the margin, onto pixels `res` times as many per side
        Viewport full = new Viewport(asked.centreX(), asked.centreY(), asked.zoom(), Math.ceil(asked.width() * (1 + 2 * MARGIN)),
                Math.ceil(asked.height() * (1 + 2 * MARGIN)));
        int width = (int) Math.ceil(full.width() * res);
        int height = (int) Math.ceil(full.height() * res);
        Viewport view = new Viewport(asked.centreX(), asked.centreY(), asked.zoom() + Math.log(res) / Math.log(2), width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(res, res);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
            List<Drawn> markers = paint(g, pixels, request, full).stream()
                    .map(d -> new Drawn(d.x() * res, d.y() * res, d.radius() * res, d.tickets())).toList();
            return new Raster(request, view, pixels, width, height, markers);
        } finally {
            g.dispose();
        }
    }

    /// Paints `view` on `g`, whose image has `pixels`: the fills by Java2D on this thread while the
    /// lines (outlines, tracks) are drawn beside it ([LineDrawing]), then the lines laid on, then
    /// cameras, labels and markers on top.
    private List<Drawn> paint(Graphics2D g, int[] pixels, Request r, Viewport view) {
        MapStyle style = r.style();
        MapModel model = r.model();
        Envelope visible = view.visibleWorld();
        double res = g.getTransform().getScaleX();
        LineDrawing.Frame frame = new LineDrawing.Frame(view.scale() * res, (view.width() / 2 - view.centreX() * view.scale()) * res,
                (view.height() / 2 - view.centreY() * view.scale()) * res, (int) Math.ceil(view.width() * res),
                (int) Math.ceil(view.height() * res));
        LineDrawing grids = view.zoom() >= GRID_ZOOM ? outlines(model.grids(), visible, view, frame, 0.6 * res) : null;
        LineDrawing communities = view.zoom() >= COMMUNITY_ZOOM ? outlines(model.communities(), visible, view, frame, 1.0 * res) : null;
        LineDrawing areas = outlines(model.areas(), visible, view, frame, 1.8 * res);
        // each track a line of its own, thin when zoomed out to a town and wider at street level
        LineDrawing tracks = r.mode() == ColourMode.PATROLS && r.choropleth() == null
                ? LineDrawing.tracks(model.patrols(), frame, visible, (view.zoom() >= GRID_ZOOM ? 2.2 : 1.2) * res) : null;
        if (!r.overTiles()) {
            g.setColor(awt(style.background()));
            g.fillRect(0, 0, (int) view.width(), (int) view.height());
        }
        if (r.choropleth() != null) {
            choropleth(g, model, r.choropleth(), view, visible, style);
        } else if (r.mode() == ColourMode.AREA) {
            for (Shape area : model.areas()) {
                if (area.outline().box().intersects(visible)) {
                    g.setColor(awt(ColourMode.areaColour(area.areaIndex()), style.fillOpacity()));
                    g.fill(path(area.outline(), view));
                }
            }
        } else {
            for (Shape grid : model.grids()) {
                Color c = r.mode().colourOf(r.mode().valueOf(model, grid.region().code()));
                if (c.getOpacity() > 0 && grid.outline().box().intersects(visible)) {
                    g.setColor(awt(c, Math.min(1, style.fillOpacity() + 0.3)));
                    g.fill(path(grid.outline(), view));
                }
            }
        }
        if (grids != null) {
            grids.paintOver(pixels, awt(style.gridLine()));
        }
        if (communities != null) {
            communities.paintOver(pixels, awt(style.communityLine()));
        }
        areas.paintOver(pixels, awt(style.areaLine()));
        if (tracks != null) {
            tracks.paintOver(pixels, PATROL_TRACK);
        }
        cameras(g, model, view, visible, r.allCameras());
        labels(g, model, view, visible, style);
        return tickets(g, model, view, visible, r.selectedTicket());
    }

    /// every region the figure names, whatever its level (areas first, so communities and grids lie on top)
    private static void choropleth(Graphics2D g, MapModel model, Choropleth figure, Viewport view, Envelope visible, MapStyle style) {
        for (List<Shape> level : List.of(model.areas(), model.communities(), model.grids())) {
            for (Shape s : level) {
                Color c = figure.colourOf(s.region().code());
                if (c.getOpacity() > 0 && s.outline().box().intersects(visible)) {
                    g.setColor(awt(c, Math.min(1, style.fillOpacity() + 0.3)));
                    g.fill(path(s.outline(), view));
                }
            }
        }
    }

    /// Starts drawing the outlines of the shapes in view, each ring a closed line.
    private static LineDrawing outlines(List<Shape> shapes, Envelope visible, Viewport view, LineDrawing.Frame frame, double width) {
        List<TrackLine> rings = new ArrayList<>();
        for (Shape s : shapes) {
            if (s.outline().box().intersects(visible)) {
                for (Ring ring : s.outline().rings(view.zoom())) {
                    rings.add(TrackLine.closed(ring.x(), ring.y()));
                }
            }
        }
        return LineDrawing.lines(rings, frame, width);
    }

    private static void cameras(Graphics2D g, MapModel model, Viewport view, Envelope visible, boolean always) {
        if (view.zoom() < CAMERA_ZOOM && !always) {
            return;
        }
        CameraLayer cameras = model.cameras();
        double size = view.zoom() >= 16 ? 6 : view.zoom() >= CAMERA_ZOOM ? 4 : 2.5;
        Camera.Kind current = null;
        var box = new Rectangle2D.Double();
        for (int i = cameras.firstFrom(visible.getMinX()); i < cameras.size() && cameras.x(i) <= visible.getMaxX(); i++) {
            double y = cameras.y(i);
            if (y < visible.getMinY() || y > visible.getMaxY()) {
                continue;
            }
            if (cameras.kind(i) != current) {
                current = cameras.kind(i);
                g.setColor(awt(CAMERA_COLOURS.get(current)));
            }
            double s = current == Camera.Kind.HD ? size : size * 1.5;
            box.setRect(view.screenX(cameras.x(i)) - s / 2, view.screenY(y) - s / 2, s, s);
            g.fill(box);
        }
    }

    private void labels(Graphics2D g, MapModel model, Viewport view, Envelope visible, MapStyle style) {
        if (view.zoom() < COMMUNITY_LABEL_ZOOM) {
            label(g, model.areas(), view, visible, style, new Font(fontFamily, Font.BOLD, 15), false, 0);
        } else if (view.zoom() < GRID_LABEL_ZOOM) {
            label(g, model.communities(), view, visible, style, new Font(fontFamily, Font.PLAIN, 12), false, 0);
        } else {
            label(g, model.communities(), view, visible, style, new Font(fontFamily, Font.BOLD, 13), false, 0);
            label(g, model.grids(), view, visible, style, new Font(fontFamily, Font.PLAIN, 11), true, 70);
        }
    }

    /// Names at each shape's label point, on a halo; grids show their code, and only when `minWidth` pixels wide.
    private static void label(Graphics2D g, List<Shape> shapes, Viewport view, Envelope visible, MapStyle style, Font font,
                              boolean code, double minWidth) {
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        java.awt.Color halo = awt(style.labelHalo());
        java.awt.Color text = awt(style.label());
        double scale = view.scale();
        for (Shape s : shapes) {
            if (!visible.contains(s.labelX(), s.labelY()) || s.outline().box().getWidth() * scale < minWidth) {
                continue;
            }
            String name = code ? s.region().code() : s.region().name();
            float x = (float) (view.screenX(s.labelX()) - metrics.stringWidth(name) / 2.0);
            float y = (float) (view.screenY(s.labelY()) + (metrics.getAscent() - metrics.getDescent()) / 2.0);
            g.setColor(halo);
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    if (dx != 0 || dy != 0) {
                        g.drawString(name, x + dx, y + dy);
                    }
                }
            }
            g.setColor(text);
            g.drawString(name, x, y);
        }
    }

    private List<Drawn> tickets(Graphics2D g, MapModel model, Viewport view, Envelope visible, long selectedTicket) {
        List<Drawn> frame = new ArrayList<>();
        Map<String, Integer> placedInGrid = new HashMap<>();
        boolean spread = view.zoom() >= SPREAD_ZOOM;
        Map<Long, List<TicketMarker>> cells = new HashMap<>();
        Map<Long, double[]> cellCentre = new HashMap<>();
        for (TicketMarker m : model.markers()) {
            Shape grid = m.gridCode() == null ? null : model.shape(m.gridCode());
            if (grid == null || !visible.contains(grid.labelX(), grid.labelY())) {
                continue;
            }
            double x = view.screenX(grid.labelX());
            double y = view.screenY(grid.labelY());
            if (spread) {
                // a sunflower of markers just below the grid's code, which stays readable
                int n = placedInGrid.merge(m.gridCode(), 1, Integer::sum) - 1;
                double r = n == 0 ? 0 : 1.3 * MARKER_RADIUS * Math.sqrt(n);
                double below = LABEL_CLEARANCE + 1.3 * MARKER_RADIUS * Math.sqrt(placedInGridTotal(model, m.gridCode()));
                frame.add(new Drawn(x + r * Math.cos(n * GOLDEN_ANGLE), y + below + r * Math.sin(n * GOLDEN_ANGLE),
                        MARKER_RADIUS, List.of(m)));
            } else {
                long key = ((long) Math.floor(x / CLUSTER_CELL) << 32) ^ Math.floorMod((long) Math.floor(y / CLUSTER_CELL), 1L << 32);
                cells.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                double[] c = cellCentre.computeIfAbsent(key, k -> new double[3]);
                c[0] += x;
                c[1] += y;
                c[2]++;
            }
        }
        cells.forEach((key, tickets) -> {
            double[] c = cellCentre.get(key);
            frame.add(new Drawn(c[0] / c[2], c[1] / c[2], Math.min(24, 8 + 4 * Math.log(tickets.size())), tickets));
        });
        Font small = new Font(fontFamily, Font.BOLD, 10);
        Font count = new Font(fontFamily, Font.BOLD, 11);
        java.awt.Color edge = awt(Color.web("#0d1117"));
        BasicStroke thin = new BasicStroke(1.2f);
        BasicStroke thick = new BasicStroke(3f);
        Ellipse2D.Double circle = new Ellipse2D.Double();
        for (Drawn d : frame) {
            TicketMarker worst = mostPressing(d.tickets());
            Color colour = URGENCY_COLOURS.get(worst.urgency());
            circle.setFrame(d.x() - d.radius(), d.y() - d.radius(), 2 * d.radius(), 2 * d.radius());
            g.setColor(awt(colour));
            g.fill(circle);
            boolean selected = d.tickets().stream().anyMatch(t -> t.ticketId() == selectedTicket);
            g.setColor(selected ? java.awt.Color.WHITE : edge);
            g.setStroke(selected ? thick : thin);
            g.draw(circle);
            g.setColor(textOn(colour));
            String text = d.tickets().size() == 1 ? CHANNEL_MARKS.getOrDefault(worst.channel(), "?")
                    : Integer.toString(d.tickets().size());
            g.setFont(d.tickets().size() == 1 ? small : count);
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(text, (float) (d.x() - metrics.stringWidth(text) / 2.0),
                    (float) (d.y() + (metrics.getAscent() - metrics.getDescent()) / 2.0));
        }
        return List.copyOf(frame);
    }

    /// How many markers a grid has (the sunflower's size).
    private static int placedInGridTotal(MapModel model, String gridCode) {
        return model.markerCount(gridCode);
    }

    /// The shape's rings as one path in the view's pixels (holes by the even-odd rule).
    static Path2D.Double path(ProjectedShape shape, Viewport view) {
        double scale = view.scale();
        double ox = view.width() / 2 - view.centreX() * scale;
        double oy = view.height() / 2 - view.centreY() * scale;
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (Ring ring : shape.rings(view.zoom())) {
            double[] x = ring.x();
            double[] y = ring.y();
            path.moveTo(x[0] * scale + ox, y[0] * scale + oy);
            for (int i = 1; i < x.length; i++) {
                path.lineTo(x[i] * scale + ox, y[i] * scale + oy);
            }
            path.closePath();
        }
        return path;
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

    private static java.awt.Color textOn(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.55 ? java.awt.Color.BLACK : java.awt.Color.WHITE;
    }

    static java.awt.Color awt(Color c) {
        return awt(c, 1);
    }

    static java.awt.Color awt(Color c, double opacity) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) (c.getOpacity() * opacity));
    }
}
