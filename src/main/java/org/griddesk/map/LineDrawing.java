package org.griddesk.map;

import java.awt.Color;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/// Lines of one colour and width drawn into a [StrokeMask] beside the map's own drawing: the
/// common pool's threads start on them at once, while the map's thread paints the fills that lie
/// under them, and [#paintOver] has the map's thread join in, wait for the rest and lay the lines
/// on the map's pixels. Outlines are a few thousand long segments; a day of patrol tracks is first
/// simplified for the scale (some lines a part, kept by the layer, see [PatrolLayer#linesAt]).
/// The mask is drawn a band of rows a part.
///
/// Java2D antialiases a thin outline at tens of microseconds a shape, and a town's view holds a
/// thousand grids: drawn this way the outlines and the tracks cost a fraction of that, spread over
/// the cores.
final class LineDrawing {
    /// lines simplified a part
    private static final int LINES_A_PART = 16;

    /// Where world units land in the pixels: `x · scale + ox`, `y · scale + oy`, in an image of
    /// `width` × `height`.
    record Frame(double scale, double ox, double oy, int width, int height) {
    }

    private final StrokeMask mask;
    private final Frame frame;
    /// the lines of each part of the first phase, as drawn
    private final List<TrackLine>[] shown;
    private final SharedWork work;

    @SuppressWarnings("unchecked")
    private LineDrawing(Frame frame, double lineWidth, List<TrackLine>[] shown, SharedWork.Phase first) {
        this.mask = new StrokeMask(frame.width(), frame.height(), lineWidth);
        this.frame = frame;
        this.shown = shown;
        SharedWork.Phase bands = new SharedWork.Phase(mask.bands(), band -> {
            for (List<TrackLine> lines : shown) {
                mask.band(band, lines, frame.scale(), frame.ox(), frame.oy());
            }
        });
        this.work = first == null ? SharedWork.start(SharedWork.helpers(), bands) : SharedWork.start(SharedWork.helpers(), first, bands);
    }

    /// Starts drawing `lines` as they are.
    @SuppressWarnings("unchecked")
    static LineDrawing lines(List<TrackLine> lines, Frame frame, double lineWidth) {
        return new LineDrawing(frame, lineWidth, new List[] {lines}, null);
    }

    /// Starts drawing `layer`'s tracks in view (`visible`, world units), simplified for the scale.
    @SuppressWarnings("unchecked")
    static LineDrawing tracks(PatrolLayer layer, Frame frame, Envelope visible, double lineWidth) {
        int lineCount = layer.lineCount();
        int parts = (lineCount + LINES_A_PART - 1) / LINES_A_PART;
        List<TrackLine>[] shown = new List[parts];
        return new LineDrawing(frame, lineWidth, shown, new SharedWork.Phase(parts, p -> shown[p] = layer.linesAt(frame.scale(), visible,
                p * LINES_A_PART, Math.min(lineCount, (p + 1) * LINES_A_PART))));
    }

    /// Joins in, waits until the mask is drawn, and lays it in `colour` over `pixels` (premultiplied
    /// ARGB, the frame's size).
    void paintOver(int[] pixels, Color colour) {
        work.helpAndWait();
        for (List<TrackLine> lines : shown) {
            mask.touchedBy(lines, frame.scale(), frame.ox(), frame.oy());
        }
        if (!mask.isEmpty()) {
            mask.paintOver(pixels, colour);
        }
        mask.release();
    }
}
