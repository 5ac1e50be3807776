package org.griddesk.map;

import org.locationtech.jts.geom.Envelope;

/// For the patrol benchmark (another package): one raster of the patrol mode, as the map's
/// background thread draws it, of a view fitted to `lonLatBox`.
public final class PatrolRasterProbe {
    private PatrolRasterProbe() {
    }

    /// Draws once; returns how many pixels are not transparent (so the work cannot be skipped).
    public static int render(MapModel model, Envelope lonLatBox, int width, int height) {
        Viewport view = Viewport.fitting(lonLatBox, width, height, 24);
        MapRaster.Raster r = new MapRaster("SansSerif").render(new MapRaster.Request(model, view, ColourMode.PATROLS, null,
                MapStyle.DARK, false, MapView.NO_TICKET, 1, false));
        int drawn = 0;
        for (int p : r.pixels()) {
            if (p != 0) {
                drawn++;
            }
        }
        return drawn;
    }
}
