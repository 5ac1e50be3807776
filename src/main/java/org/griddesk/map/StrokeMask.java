package org.griddesk.map;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/// Many lines of one colour and width, round at their ends and corners and antialiased, drawn into
/// one mask at the cost of the pixels they touch, then laid on the map's pixels.
///
/// Java2D strokes every segment into an outline and fills it, about a microsecond a segment: the
/// hundreds of thousands of segments of a town's day of patrols take a second. Here each pixel near
/// a segment gets the coverage of its centre's distance to the segment (full within the half width,
/// fading over one pixel), the strongest over all segments: what Java2D shows for one path of that
/// width (overlaps do not darken), within the difference of the two ways of antialiasing.
final class StrokeMask {
    /// segments longer than this many pixels are drawn in pieces, so a long diagonal does not visit
    /// every pixel of its box
    private static final double PIECE = 8;
    private static final int STEPS_PER_SQUARE_PIXEL = 256;
    private static final int FULL = 255;
    /// masks' arrays kept for the next ones (see [#spare]): a raster's four, of the quick raster's size
    /// and of the sharp one's
    private static final int SPARES_KEPT = 8;
    private static final java.util.Queue<byte[]> SPARE = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /// rows a band of the mask has (see [#band]): small enough that the threads drawing share the
    /// work out evenly
    static final int BAND_ROWS = 64;

    private final int width;
    private final int height;
    /// how far from a line a pixel centre is still touched, and that squared
    private final double reach;
    private final double reach2;
    /// the coverage (0–255) at a squared distance, in steps of 1 / [#STEPS_PER_SQUARE_PIXEL]
    private final int[] coverage;
    /// each pixel's coverage, 0–255 (a byte a pixel: a quarter of an image's memory)
    private final byte[] pixels;
    private int minX;
    private int minY;
    private int maxX = -1;
    private int maxY = -1;

    /// An empty mask of `width` × `height` pixels for lines `lineWidth` pixels wide.
    StrokeMask(int width, int height, double lineWidth) {
        this.width = width;
        this.height = height;
        this.reach = lineWidth / 2 + 0.5;
        this.reach2 = reach * reach;
        this.coverage = new int[(int) Math.ceil(reach2 * STEPS_PER_SQUARE_PIXEL) + 1];
        for (int i = 0; i < coverage.length; i++) {
            double distance = Math.sqrt((i + 0.5) / STEPS_PER_SQUARE_PIXEL);
            coverage[i] = (int) Math.round(FULL * Math.max(0, Math.min(1, reach - distance)));
        }
        this.pixels = spare(Math.max(1, width) * Math.max(1, height));
        this.minX = width;
        this.minY = height;
    }

    /// Draws the lines with their world units taken to pixels `x · scale + ox`, `y · scale + oy`;
    /// a line of one point is a dot. The bands of rows ([#band]) are drawn by this thread and the
    /// common pool's at once.
    void lines(List<TrackLine> lines, double scale, double ox, double oy) {
        SharedWork.start(SharedWork.helpers(), new SharedWork.Phase(bands(), b -> band(b, lines, scale, ox, oy))).helpAndWait();
        touchedBy(lines, scale, ox, oy);
    }

    /// How many bands of [#BAND_ROWS] rows the mask has.
    int bands() {
        return (height + BAND_ROWS - 1) / BAND_ROWS;
    }

    /// Draws the lines' segments that reach band `band`'s rows, only there: no pixel is in two
    /// bands, so bands may be drawn by several threads at once. Once every band is drawn, the
    /// lines are told to [#touchedBy].
    void band(int band, List<TrackLine> lines, double scale, double ox, double oy) {
        int top = band * BAND_ROWS;
        int bottom = Math.min(height, top + BAND_ROWS) - 1;
        for (TrackLine line : lines) {
            line(line, scale, ox, oy, top, bottom);
        }
    }

    /// Widens the part of the mask [#image] gives to hold the lines drawn.
    void touchedBy(List<TrackLine> lines, double scale, double ox, double oy) {
        for (TrackLine line : lines) {
            Envelope box = line.box();
            touched(box.getMinX() * scale + ox, box.getMinY() * scale + oy, box.getMaxX() * scale + ox, box.getMaxY() * scale + oy);
        }
    }

    /// The line's segments that reach rows `top` to `bottom`, drawn there.
    private void line(TrackLine line, double scale, double ox, double oy, int top, int bottom) {
        Envelope box = line.box();
        if (box.getMaxY() * scale + oy + reach < top || box.getMinY() * scale + oy - reach > bottom + 1) {
            return;
        }
        double[] x = line.x();
        double[] y = line.y();
        double lastX = x[0] * scale + ox;
        double lastY = y[0] * scale + oy;
        if (x.length == 1) {
            stroke(lastX, lastY, lastX, lastY, top, bottom);
        }
        for (int i = 1; i < x.length; i++) {
            double nextX = x[i] * scale + ox;
            double nextY = y[i] * scale + oy;
            if ((lastY > nextY ? lastY : nextY) + reach >= top && (lastY < nextY ? lastY : nextY) - reach <= bottom + 1) {
                stroke(lastX, lastY, nextX, nextY, top, bottom);
            }
            lastX = nextX;
            lastY = nextY;
        }
    }

    /// Draws the segment from (`x0`, `y0`) to (`x1`, `y1`), in pixels.
    void segment(double x0, double y0, double x1, double y1) {
        touched(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        stroke(x0, y0, x1, y1, 0, height - 1);
    }

    /// Widens the part of the mask drawn on to hold lines within the box, in pixels.
    private void touched(double left, double top, double right, double bottom) {
        if (right + reach < 0 || bottom + reach < 0 || left - reach > width || top - reach > height) {
            return; // wholly outside
        }
        minX = Math.max(0, Math.min(minX, (int) Math.floor(left - reach)));
        minY = Math.max(0, Math.min(minY, (int) Math.floor(top - reach)));
        maxX = Math.min(width - 1, Math.max(maxX, (int) Math.ceil(right + reach)));
        maxY = Math.min(height - 1, Math.max(maxY, (int) Math.ceil(bottom + reach)));
    }

    private void stroke(double x0, double y0, double x1, double y1, int top, int bottom) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double longest = Math.max(Math.abs(dx), Math.abs(dy));
        if (longest <= PIECE) {
            piece(x0, y0, x1, y1, top, bottom); // most segments of a track seen from afar are a pixel or two
            return;
        }
        if (!(longest < Double.POSITIVE_INFINITY)) {
            return; // a point at the poles, or not a number: nothing a map can show
        }
        // only the part of a long segment near these rows and the mask's columns is cut into pieces
        // (an area's edge close up may be tens of thousands of pixels long, nearly all out of view)
        double margin = reach + 1;
        double[] t = {0, 1};
        if (!clip(-dx, x0 + margin, t) || !clip(dx, width + margin - x0, t) || !clip(-dy, y0 - (top - margin), t)
                || !clip(dy, bottom + 1 + margin - y0, t)) {
            return;
        }
        double fromX = x0 + t[0] * dx;
        double fromY = y0 + t[0] * dy;
        double part = (t[1] - t[0]) * longest;
        int pieces = Math.max(1, (int) Math.ceil(part / PIECE));
        for (int p = 1; p <= pieces; p++) {
            double at = t[0] + (t[1] - t[0]) * p / pieces;
            double toX = at == 1 ? x1 : x0 + dx * at;
            double toY = at == 1 ? y1 : y0 + dy * at;
            piece(fromX, fromY, toX, toY, top, bottom);
            fromX = toX;
            fromY = toY;
        }
    }

    /// Narrows `t` (the part of a segment kept, from 0 to 1) to where `p · t <= q` holds, one side of
    /// a box as Liang and Barsky put it; false when nothing is left.
    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q >= 0;
        }
        double r = q / p;
        if (p < 0) {
            t[0] = Math.max(t[0], r);
        } else {
            t[1] = Math.min(t[1], r);
        }
        return t[0] <= t[1];
    }

    /// Every pixel of rows `firstRow` to `lastRow` whose centre is within reach of the segment, at
    /// the coverage of its distance.
    private void piece(double x0, double y0, double x1, double y1, int firstRow, int lastRow) {
        // pixel (px, py) has its centre at (px + 0.5, py + 0.5); plain comparisons, as Math.min and
        // max cost more than the pixels of a short segment
        double lowX = x0 < x1 ? x0 : x1;
        double highX = x0 < x1 ? x1 : x0;
        double lowY = y0 < y1 ? y0 : y1;
        double highY = y0 < y1 ? y1 : y0;
        int left = (int) Math.ceil(lowX - reach - 0.5);
        int right = (int) Math.floor(highX + reach - 0.5);
        int top = (int) Math.ceil(lowY - reach - 0.5);
        int bottom = (int) Math.floor(highY + reach - 0.5);
        left = left < 0 ? 0 : left;
        top = top < firstRow ? firstRow : top;
        right = right >= width ? width - 1 : right;
        bottom = bottom > lastRow ? lastRow : bottom;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length2 = dx * dx + dy * dy;
        double along = length2 == 0 ? 0 : 1 / length2;
        // along a row the centre moves one pixel, and its place along the segment by dx / length²
        double stepT = dx * along;
        for (int py = top; py <= bottom; py++) {
            double cy = py + 0.5 - y0;
            double cx = left + 0.5 - x0;
            double alongRaw = (cx * dx + cy * dy) * along;
            for (int i = py * width + left, end = py * width + right; i <= end; i++, cx += 1, alongRaw += stepT) {
                // the pixel centre's nearest point on the segment
                double t = alongRaw < 0 ? 0 : alongRaw > 1 ? 1 : alongRaw;
                double ex = cx - t * dx;
                double ey = cy - t * dy;
                double d2 = ex * ex + ey * ey;
                if (d2 < reach2) {
                    int cover = coverage[(int) (d2 * STEPS_PER_SQUARE_PIXEL)];
                    if (cover > (pixels[i] & FULL)) {
                        pixels[i] = (byte) cover;
                    }
                }
            }
        }
    }

    /// A cleared array of `size` bytes: one a mask gave back when there is one of that size. A new
    /// array of a few megabytes costs milliseconds of the system's page faults, and a map draws up
    /// to four masks a raster.
    private static byte[] spare(int size) {
        for (byte[] kept : SPARE) {
            // removing it is what makes it this mask's: two masks may see it, one removes it
            if (kept.length == size && SPARE.remove(kept)) {
                return kept;
            }
        }
        return new byte[size];
    }

    /// Clears the part drawn on and keeps the array for the next mask of this size; the mask is
    /// not to be used after.
    void release() {
        for (int py = minY; py <= maxY; py++) {
            java.util.Arrays.fill(pixels, py * width + minX, py * width + maxX + 1, (byte) 0);
        }
        while (SPARE.size() >= SPARES_KEPT) {
            SPARE.poll(); // the oldest goes: after a window's resize, arrays of its old size are of no use
        }
        SPARE.offer(pixels);
    }

    /// Whether no line came near the mask.
    boolean isEmpty() {
        return maxX < minX || maxY < minY;
    }

    /// The part of the mask with lines on it as an image, each pixel `colour` at its coverage
    /// (premultiplied), and where it lies: `x`, `y`.
    Drawn image(Color colour) {
        if (isEmpty()) {
            return new Drawn(new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB_PRE), 0, 0);
        }
        int w = maxX - minX + 1;
        BufferedImage image = new BufferedImage(w, maxY - minY + 1, BufferedImage.TYPE_INT_ARGB_PRE);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int py = minY; py <= maxY; py++) {
            for (int px = minX; px <= maxX; px++) {
                int cover = pixels[py * width + px] & FULL;
                if (cover != 0) {
                    int a = colour.getAlpha() * cover / FULL;
                    out[(py - minY) * w + px - minX] = a << 24 | (colour.getRed() * a / FULL) << 16 | (colour.getGreen() * a / FULL) << 8
                            | colour.getBlue() * a / FULL;
                }
            }
        }
        return new Drawn(image, minX, minY);
    }

    /// Lays the lines in `colour` over `target`, premultiplied ARGB pixels of the mask's size, as
    /// Java2D's source-over would lay an image of them: a pixel at coverage c gets the colour at c
    /// of its alpha over what it had.
    void paintOver(int[] target, Color colour) {
        int r = colour.getRed();
        int g = colour.getGreen();
        int b = colour.getBlue();
        int alpha = colour.getAlpha();
        for (int py = minY; py <= maxY; py++) {
            int row = py * width;
            for (int px = minX; px <= maxX; px++) {
                int cover = pixels[row + px] & FULL;
                if (cover != 0) {
                    int a = alpha * cover / FULL;
                    int keep = FULL - a;
                    int under = target[row + px];
                    target[row + px] = (a + ((under >>> 24) * keep + 127) / FULL) << 24
                            | (r * a / FULL + (((under >>> 16) & FULL) * keep + 127) / FULL) << 16
                            | (g * a / FULL + (((under >>> 8) & FULL) * keep + 127) / FULL) << 8
                            | (b * a / FULL + ((under & FULL) * keep + 127) / FULL);
                }
            }
        }
    }

    /// The lines' pixels and where their top left corner lies.
    record Drawn(BufferedImage image, int x, int y) {
    }
}
