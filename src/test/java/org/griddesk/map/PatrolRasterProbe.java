package org.griddesk.map;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Hashtable;
import org.locationtech.jts.geom.Envelope;

/// For the patrol benchmark (another package) and the tests: rasters of the patrol mode as the
/// map's background thread draws them, and the baseline they are
/// measured against: the same raster without tracks, the tracks then stroked on it by Java2D as the
/// map did before (one path, a vertex at least a pixel from the last one drawn).
public final class PatrolRasterProbe {
    /// the colour the map drew tracks in before
    private static final java.awt.Color STROKED_TRACK = new java.awt.Color(0x00, 0x7A, 0xCC, 230);

    private PatrolRasterProbe() {
    }

    /// Draws `view` once as the desk does; returns how many pixels are not transparent (so the work
    /// cannot be skipped).
    public static int render(MapModel model, Viewport view) {
        return drawnPixels(raster(model, view));
    }

    /// Draws `view` once the baseline way: the raster without tracks, the tracks stroked on it.
    public static int renderStroked(MapModel model, Viewport view) {
        return drawnPixels(stroked(model, view));
    }

    static MapRaster.Raster raster(MapModel model, Viewport view) {
        return new MapRaster("SansSerif").render(new MapRaster.Request(model, view, ColourMode.PATROLS, null, MapStyle.DARK, false,
                MapView.NO_TICKET, 1, false));
    }

    /// The raster of `model` without its tracks, and its tracks stroked on it by Java2D.
    static MapRaster.Raster stroked(MapModel model, Viewport view) {
        MapRaster.Raster bare = raster(model.withPatrols(PatrolLayer.NONE), view);
        Graphics2D g = imageOf(bare).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            stroke(g, model.patrols(), bare.view());
        } finally {
            g.dispose();
        }
        return bare;
    }

    /// The map's patrol drawing before the stroke mask, kept here as the baseline.
    private static void stroke(Graphics2D g, PatrolLayer layer, Viewport view) {
        Envelope visible = view.visibleWorld();
        g.setColor(STROKED_TRACK);
        g.setStroke(new BasicStroke(view.zoom() >= MapRaster.GRID_ZOOM ? 2.2f : 1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double scale = view.scale();
        double ox = view.width() / 2 - view.centreX() * scale;
        double oy = view.height() / 2 - view.centreY() * scale;
        Path2D.Double path = new Path2D.Double();
        for (TrackLine line : layer.lines()) {
            if (!line.box().intersects(visible)) {
                continue;
            }
            double[] x = line.x();
            double[] y = line.y();
            double lastX = x[0] * scale + ox;
            double lastY = y[0] * scale + oy;
            path.moveTo(lastX, lastY);
            for (int i = 1; i < x.length; i++) {
                double sx = x[i] * scale + ox;
                double sy = y[i] * scale + oy;
                if (Math.abs(sx - lastX) >= 1 || Math.abs(sy - lastY) >= 1 || i == x.length - 1) {
                    path.lineTo(sx, sy);
                    lastX = sx;
                    lastY = sy;
                }
            }
            if (x.length == 1) {
                path.lineTo(x[0] * scale + ox + 0.1, y[0] * scale + oy);
            }
        }
        g.draw(path);
    }

    /// The raster's pixels as an image to draw on (drawing changes the raster).
    private static BufferedImage imageOf(MapRaster.Raster r) {
        DirectColorModel argbPre = new DirectColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), 32, 0xFF0000, 0xFF00, 0xFF,
                0xFF000000, true, DataBuffer.TYPE_INT);
        DataBufferInt buffer = new DataBufferInt(r.pixels(), r.pixels().length);
        WritableRaster pixels = Raster.createPackedRaster(buffer, r.width(), r.height(), r.width(), argbPre.getMasks(), null);
        return new BufferedImage(argbPre, pixels, true, new Hashtable<>());
    }

    private static int drawnPixels(MapRaster.Raster r) {
        int drawn = 0;
        for (int p : r.pixels()) {
            if (p != 0) {
                drawn++;
            }
        }
        return drawn;
    }
}
