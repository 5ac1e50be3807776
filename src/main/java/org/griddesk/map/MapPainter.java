package org.griddesk.map;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.griddesk.map.MapModel.Shape;
import org.griddesk.map.ProjectedShape.Ring;
import org.locationtech.jts.geom.Envelope;

/// Draws one frame of the map on a canvas, layer by layer: fills, grid outlines, community
/// outlines, area outlines, highlights, labels. Only what is in view is drawn; outlines and labels
/// appear as the zoom makes room for them.
final class MapPainter {
    /// community outlines from this zoom
    static final double COMMUNITY_ZOOM = 11.6;
    /// grid outlines from this zoom
    static final double GRID_ZOOM = 12.4;
    /// community names from this zoom
    static final double COMMUNITY_LABEL_ZOOM = 13.2;
    /// grid codes from this zoom (and only where the grid is wide enough on screen)
    static final double GRID_LABEL_ZOOM = 14.6;

    private final String fontFamily;
    private final MarkerPainter markers;

    MapPainter(String fontFamily) {
        this.fontFamily = fontFamily;
        this.markers = new MarkerPainter(fontFamily);
    }

    /// What the last frame drew where, for hit tests on markers.
    MarkerPainter markers() {
        return markers;
    }

    /// What a frame shows besides the regions: the highlighted grids and ticket, and whether
    /// cameras show at every zoom.
    record Overlay(String hoveredGrid, String selectedGrid, long selectedTicket, boolean allCameras) {
    }

    void paint(GraphicsContext gc, MapModel model, Viewport view, ColourMode mode, MapStyle style, Overlay overlay) {
        gc.setFill(style.background());
        gc.fillRect(0, 0, view.width(), view.height());
        if (model == null) {
            return;
        }
        Envelope visible = view.visibleWorld();
        gc.setLineJoin(StrokeLineJoin.ROUND);
        gc.setFillRule(FillRule.EVEN_ODD);
        if (mode == ColourMode.AREA) {
            for (Shape area : model.areas()) {
                if (area.outline().box().intersects(visible)) {
                    gc.setFill(withOpacity(ColourMode.areaColour(area.areaIndex()), style.fillOpacity()));
                    trace(gc, area.outline(), view);
                    gc.fill();
                }
            }
        } else {
            for (Shape grid : model.grids()) {
                Color c = mode.colourOf(mode.valueOf(model.facts(grid.region().code())));
                if (c.getOpacity() > 0 && grid.outline().box().intersects(visible)) {
                    gc.setFill(withOpacity(c, Math.min(1, style.fillOpacity() + 0.3)));
                    trace(gc, grid.outline(), view);
                    gc.fill();
                }
            }
        }
        if (view.zoom() >= GRID_ZOOM) {
            outline(gc, model.grids(), view, visible, style.gridLine(), 0.6);
        }
        if (view.zoom() >= COMMUNITY_ZOOM) {
            outline(gc, model.communities(), view, visible, style.communityLine(), 1.0);
        }
        outline(gc, model.areas(), view, visible, style.areaLine(), 1.8);
        highlight(gc, model, view, overlay.hoveredGrid(), style.hover(), 2.0);
        highlight(gc, model, view, overlay.selectedGrid(), style.selection(), 3.0);
        markers.paintCameras(gc, model, view, visible, overlay.allCameras());
        labels(gc, model, view, visible, style);
        markers.paintTickets(gc, model, view, visible, overlay.selectedTicket());
    }

    private void outline(GraphicsContext gc, List<Shape> shapes, Viewport view, Envelope visible, Color colour, double width) {
        gc.setStroke(colour);
        gc.setLineWidth(width);
        for (Shape s : shapes) {
            if (s.outline().box().intersects(visible)) {
                trace(gc, s.outline(), view);
                gc.stroke();
            }
        }
    }

    private void highlight(GraphicsContext gc, MapModel model, Viewport view, String code, Color colour, double width) {
        Shape s = code == null ? null : model.shape(code);
        if (s != null) {
            gc.setStroke(colour);
            gc.setLineWidth(width);
            trace(gc, s.outline(), view);
            gc.stroke();
        }
    }

    private void labels(GraphicsContext gc, MapModel model, Viewport view, Envelope visible, MapStyle style) {
        gc.setTextAlign(TextAlignment.CENTER);
        gc.setTextBaseline(VPos.CENTER);
        if (view.zoom() < COMMUNITY_LABEL_ZOOM) {
            label(gc, model.areas(), view, visible, style, Font.font(fontFamily, FontWeight.BOLD, 15), false, 0);
        } else if (view.zoom() < GRID_LABEL_ZOOM) {
            label(gc, model.communities(), view, visible, style, Font.font(fontFamily, 12), false, 0);
        } else {
            label(gc, model.communities(), view, visible, style, Font.font(fontFamily, FontWeight.BOLD, 13), false, 0);
            label(gc, model.grids(), view, visible, style, Font.font(fontFamily, 11), true, 70);
        }
    }

    /// Names at each shape's label point; grids show their code, and only when `minWidth` pixels wide.
    private void label(GraphicsContext gc, List<Shape> shapes, Viewport view, Envelope visible, MapStyle style, Font font,
                       boolean code, double minWidth) {
        gc.setFont(font);
        double scale = view.scale();
        for (Shape s : shapes) {
            if (!visible.contains(s.labelX(), s.labelY()) || s.outline().box().getWidth() * scale < minWidth) {
                continue;
            }
            String text = code ? s.region().code() : s.region().name();
            double x = view.screenX(s.labelX());
            double y = view.screenY(s.labelY());
            gc.setStroke(style.labelHalo());
            gc.setLineWidth(3);
            gc.strokeText(text, x, y);
            gc.setFill(style.label());
            gc.fillText(text, x, y);
        }
    }

    /// Adds the shape's rings to a new path in screen coordinates.
    private static void trace(GraphicsContext gc, ProjectedShape shape, Viewport view) {
        double scale = view.scale();
        double ox = view.width() / 2 - view.centreX() * scale;
        double oy = view.height() / 2 - view.centreY() * scale;
        gc.beginPath();
        for (Ring ring : shape.rings(view.zoom())) {
            double[] x = ring.x();
            double[] y = ring.y();
            gc.moveTo(x[0] * scale + ox, y[0] * scale + oy);
            for (int i = 1; i < x.length; i++) {
                gc.lineTo(x[i] * scale + ox, y[i] * scale + oy);
            }
            gc.closePath();
        }
    }

    private static Color withOpacity(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
    }
}
