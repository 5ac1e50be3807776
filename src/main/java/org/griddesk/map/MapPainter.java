package org.griddesk.map;

import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineJoin;
import org.griddesk.map.MapModel.Shape;
import org.griddesk.map.ProjectedShape.Ring;

/// Draws one frame on the FX thread: the latest raster moved and scaled to the view (blurred for
/// a moment while a zoom's new raster is on its way), and the hovered and selected grids' outlines.
final class MapPainter {

    /// A raster ready to show.
    record Shown(MapRaster.Raster raster, Image image) {
    }

    void paint(GraphicsContext gc, Viewport view, MapStyle style, TileLayer tiles, Shown shown, MapModel model, String hovered,
               String selected) {
        gc.setFill(style.background());
        gc.fillRect(0, 0, view.width(), view.height());
        if (tiles != null) {
            tiles.paint(gc, view);
        }
        if (shown != null) {
            // only the part of the raster that falls in the view: a frame moves no more pixels than the screen has
            Viewport drawn = shown.raster().view();
            double k = view.scale() / drawn.scale();
            double ox = view.screenX(drawn.worldX(0));
            double oy = view.screenY(drawn.worldY(0));
            double sx = Math.max(0, -ox / k);
            double sy = Math.max(0, -oy / k);
            double sw = Math.min(shown.raster().width(), (view.width() - ox) / k) - sx;
            double sh = Math.min(shown.raster().height(), (view.height() - oy) / k) - sy;
            if (sw > 0 && sh > 0) {
                // a raster shown at its own size needs no smoothing; a scaled one is a stop-gap that
                // nearest-neighbour scaling shows at a fraction of the cost in the software pipeline
                gc.setImageSmoothing(false);
                gc.drawImage(shown.image(), sx, sy, sw, sh, ox + sx * k, oy + sy * k, sw * k, sh * k);
            }
        }
        if (model != null) {
            gc.setLineJoin(StrokeLineJoin.ROUND);
            gc.setFillRule(FillRule.EVEN_ODD);
            highlight(gc, model, view, hovered, style.hover(), 2.0);
            highlight(gc, model, view, selected, style.selection(), 3.0);
        }
    }

    private static void highlight(GraphicsContext gc, MapModel model, Viewport view, String code, Color colour, double width) {
        Shape s = code == null ? null : model.shape(code);
        if (s == null) {
            return;
        }
        gc.setStroke(colour);
        gc.setLineWidth(width);
        double scale = view.scale();
        double ox = view.width() / 2 - view.centreX() * scale;
        double oy = view.height() / 2 - view.centreY() * scale;
        gc.beginPath();
        for (Ring ring : s.outline().rings(view.zoom())) {
            double[] x = ring.x();
            double[] y = ring.y();
            gc.moveTo(x[0] * scale + ox, y[0] * scale + oy);
            for (int i = 1; i < x.length; i++) {
                gc.lineTo(x[i] * scale + ox, y[i] * scale + oy);
            }
            gc.closePath();
        }
        gc.stroke();
    }

    /// The marker or cluster under a point of the view in the shown raster, if any (the top one).
    static Optional<MapRaster.Drawn> markerAt(Shown shown, Viewport view, double x, double y) {
        if (shown == null) {
            return Optional.empty();
        }
        Viewport drawn = shown.raster().view();
        double k = view.scale() / drawn.scale();
        double rx = (x - view.screenX(drawn.worldX(0))) / k;
        double ry = (y - view.screenY(drawn.worldY(0))) / k;
        var markers = shown.raster().markers();
        for (int i = markers.size() - 1; i >= 0; i--) {
            MapRaster.Drawn d = markers.get(i);
            double dx = rx - d.x();
            double dy = ry - d.y();
            if (dx * dx + dy * dy <= d.radius() * d.radius()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
