package org.griddesk.map;

import java.awt.Color;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/// The day's patrol tracks drawn into a [StrokeMask] beside the map's own drawing: [#start] sets
/// the common pool's threads on them while the map's thread paints the fills and outlines that lie
/// under the tracks, and [#finish] has the map's thread join in and wait for the rest. First the
/// lines in view are simplified for the scale (kept by the layer, see [PatrolLayer#linesAt]),
/// some lines a part, then the mask is drawn a band of rows a part.
///
/// On two cores a town's day costs about what the fills and outlines under it cost, so the map's
/// thread and one other are both busy until both are done, instead of one after the other.
final class TrackDrawing {
    /// lines simplified a part
    private static final int LINES_A_PART = 16;

    private final StrokeMask mask;
    private final double scale;
    private final double ox;
    private final double oy;
    /// the lines in view of each part of the first phase, as drawn
    private final List<TrackLine>[] shown;
    private final SharedWork work;

    @SuppressWarnings("unchecked")
    private TrackDrawing(PatrolLayer layer, double scale, double ox, double oy, Envelope visible, int width, int height,
                         double lineWidth) {
        this.mask = new StrokeMask(width, height, lineWidth);
        this.scale = scale;
        this.ox = ox;
        this.oy = oy;
        int lineCount = layer.lineCount();
        int parts = (lineCount + LINES_A_PART - 1) / LINES_A_PART;
        this.shown = new List[parts];
        this.work = SharedWork.start(SharedWork.helpers(),
                new SharedWork.Phase(parts, p -> shown[p] = layer.linesAt(scale, visible, p * LINES_A_PART,
                        Math.min(lineCount, (p + 1) * LINES_A_PART))),
                new SharedWork.Phase(mask.bands(), band -> {
                    for (List<TrackLine> lines : shown) {
                        mask.band(band, lines, scale, ox, oy);
                    }
                }));
    }

    /// Starts drawing `layer`'s lines in view (`visible`, world units) into a mask of `width` ×
    /// `height` pixels, world units taken to pixels `x · scale + ox`, `y · scale + oy`.
    static TrackDrawing start(PatrolLayer layer, double scale, double ox, double oy, Envelope visible, int width, int height,
                              double lineWidth) {
        return new TrackDrawing(layer, scale, ox, oy, visible, width, height, lineWidth);
    }

    /// Joins in, waits until the mask is drawn, and gives its pixels in `colour`: nothing when no
    /// line came into view.
    Optional<StrokeMask.Drawn> finish(Color colour) {
        work.helpAndWait();
        for (List<TrackLine> lines : shown) {
            mask.touchedBy(lines, scale, ox, oy);
        }
        return mask.isEmpty() ? Optional.empty() : Optional.of(mask.image(colour));
    }
}
