package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The stroke mask draws a line as Java2D strokes it (round, antialiased, overlaps not darker),
/// wherever it runs, at the cost of the pixels it touches.
class StrokeMaskTest {
    private static final Color TRACK = new Color(0x00, 0x7A, 0xCC, 230);
    private static final int SIZE = 200;

    @Test
    void aWalkLooksAsJava2DStrokesItAtATownsZoomAndAtAStreets() {
        for (double width : new double[] {1.2, 2.2}) {
            TrackLine walk = TrackLineTest.walk(3000, 7);
            // the walk's 400 m across the 200 pixels: about 2 m a pixel
            double scale = 0.9 * SIZE / Math.max(walk.box().getWidth(), walk.box().getHeight());
            double ox = SIZE / 2.0 - walk.box().centre().x * scale;
            double oy = SIZE / 2.0 - walk.box().centre().y * scale;
            StrokeMask mask = new StrokeMask(SIZE, SIZE, width);
            mask.lines(List.of(walk), scale, ox, oy);
            int[] ours = alphas(mask.image(TRACK));
            int[] java2d = alphas(stroked(walk, scale, ox, oy, width));

            int both = 0;
            int either = 0;
            long difference = 0;
            long oursTotal = 0;
            long java2dTotal = 0;
            for (int i = 0; i < ours.length; i++) {
                boolean inOurs = ours[i] >= TRACK.getAlpha() / 2;
                boolean inJava2d = java2d[i] >= TRACK.getAlpha() / 2;
                both += inOurs && inJava2d ? 1 : 0;
                either += inOurs || inJava2d ? 1 : 0;
                difference += Math.abs(ours[i] - java2d[i]);
                oursTotal += ours[i];
                java2dTotal += java2d[i];
            }
            assertThat(either).as("the walk covers a good part of the picture").isGreaterThan(SIZE * SIZE / 10);
            assertThat(both / (double) either).as("the same pixels at least half covered, width %s", width).isGreaterThan(0.93);
            assertThat(oursTotal / (double) java2dTotal).as("as much ink, width %s", width).isBetween(0.92, 1.05);
            assertThat(difference / (double) java2dTotal).as("pixel by pixel, width %s", width).isLessThan(0.1);
            for (int alpha : ours) {
                assertThat(alpha).as("overlaps no darker than one line").isLessThanOrEqualTo(TRACK.getAlpha());
            }
        }
    }

    @Test
    void aLongDiagonalIsDrawnWholeAndNothingBesideIt() {
        StrokeMask mask = new StrokeMask(SIZE, SIZE, 2.2);
        mask.segment(10, 10, 190, 150);
        StrokeMask.Drawn drawn = mask.image(TRACK);

        for (double f = 0.05; f < 1; f += 0.05) {
            int x = (int) (10 + f * 180);
            int y = (int) (10 + f * 140);
            assertThat(alphaAt(drawn, x, y)).as("on the line at %.2f", f).isGreaterThan(TRACK.getAlpha() * 85 / 100);
            assertThat(alphaAt(drawn, x, y + 4)).as("4 px below it").isZero();
        }
        assertThat(drawn.x()).isBetween(7, 10);
        assertThat(drawn.x() + drawn.image().getWidth()).isBetween(190, 193);
    }

    @Test
    void aLineAcrossTheBandsDrawnAtOnceHasEveryRow() {
        StrokeMask mask = new StrokeMask(SIZE, SIZE, 1.2);
        mask.lines(List.of(TrackLine.of(new double[] {100.5, 100.5}, new double[] {-5, SIZE + 5}, 2)), 1, 0, 0);
        StrokeMask.Drawn drawn = mask.image(TRACK);

        for (int y = 0; y < SIZE; y++) {
            assertThat(alphaAt(drawn, 100, y)).as("row %d", y).isEqualTo(TRACK.getAlpha());
            assertThat(alphaAt(drawn, 102, y)).as("row %d beside", y).isZero();
        }
    }

    @Test
    void anEdgeMillionsOfPixelsLongCloseUpIsDrawnWhereItCrossesTheMaskOnly() {
        StrokeMask mask = new StrokeMask(SIZE, SIZE, 1.2);
        // a town's edge at street level: from far left to far right, crossing the mask at row 100
        mask.lines(List.of(TrackLine.of(new double[] {-3e6, 3e6}, new double[] {100.5 - 3e6 * 0.001, 100.5 + 3e6 * 0.001}, 2),
                TrackLine.of(new double[] {10, 20}, new double[] {Double.POSITIVE_INFINITY, 30}, 2)), 1, 0, 0);
        StrokeMask.Drawn drawn = mask.image(TRACK);

        assertThat(alphaAt(drawn, 100, 100)).isEqualTo(TRACK.getAlpha());
        assertThat(alphaAt(drawn, 0, 100)).isGreaterThan(TRACK.getAlpha() * 8 / 10);
        assertThat(alphaAt(drawn, SIZE - 1, 100)).isGreaterThan(TRACK.getAlpha() * 8 / 10);
        assertThat(alphaAt(drawn, 100, 103)).isZero();
    }

    @Test
    void aMaskGivenBackIsClearedForTheNextOneOfItsSize() {
        int[] under = new int[SIZE * SIZE];
        StrokeMask first = new StrokeMask(SIZE, SIZE, 2.2);
        first.lines(List.of(TrackLine.of(new double[] {20, 180}, new double[] {20, 180}, 2)), 1, 0, 0);
        first.paintOver(under, TRACK);
        first.release();
        assertThat(under[100 * SIZE + 100] >>> 24).as("laid on the pixels").isEqualTo(TRACK.getAlpha());

        StrokeMask next = new StrokeMask(SIZE, SIZE, 2.2);
        // two dots at opposite corners: the part laid on spans the middle, where the first line was
        next.lines(List.of(TrackLine.of(new double[] {20.5}, new double[] {180.5}, 1), TrackLine.of(new double[] {180.5}, new double[] {20.5}, 1)),
                1, 0, 0);
        int[] again = new int[SIZE * SIZE];
        next.paintOver(again, TRACK);
        assertThat(again[100 * SIZE + 100]).as("nothing of the mask before").isZero();
        assertThat(again[180 * SIZE + 20] >>> 24).isEqualTo(TRACK.getAlpha());
    }

    @Test
    void aPointIsADotAndLinesOutsideTheMaskAreLeftOut() {
        StrokeMask mask = new StrokeMask(SIZE, SIZE, 2.2);
        mask.lines(List.of(TrackLine.of(new double[] {50.5}, new double[] {60.5}, 1)), 1, 0, 0);
        mask.segment(-500, -40, 900, -30);

        StrokeMask.Drawn drawn = mask.image(TRACK);

        assertThat(alphaAt(drawn, 50, 60)).isEqualTo(TRACK.getAlpha());
        assertThat(alphaAt(drawn, 53, 60)).isZero();
        // the image laid on the map is the dot's box, not the mask's width the line outside runs along
        assertThat(drawn.image().getWidth()).isLessThanOrEqualTo(6);
        assertThat(drawn.image().getHeight()).isLessThanOrEqualTo(6);
        assertThat(new StrokeMask(SIZE, SIZE, 1.2).isEmpty()).isTrue();
    }

    private static BufferedImage stroked(TrackLine line, double scale, double ox, double oy, double width) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(TRACK);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double path = new Path2D.Double();
        path.moveTo(line.x()[0] * scale + ox, line.y()[0] * scale + oy);
        for (int i = 1; i < line.size(); i++) {
            path.lineTo(line.x()[i] * scale + ox, line.y()[i] * scale + oy);
        }
        g.draw(path);
        g.dispose();
        return image;
    }

    /// The alpha of every pixel of a [#SIZE] square.
    private static int[] alphas(BufferedImage image) {
        int[] alphas = new int[SIZE * SIZE];
        for (int i = 0; i < alphas.length; i++) {
            alphas[i] = image.getRGB(i % SIZE, i / SIZE) >>> 24;
        }
        return alphas;
    }

    private static int[] alphas(StrokeMask.Drawn drawn) {
        BufferedImage full = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = full.createGraphics();
        g.drawImage(drawn.image(), drawn.x(), drawn.y(), null);
        g.dispose();
        return alphas(full);
    }

    private static int alphaAt(StrokeMask.Drawn drawn, int x, int y) {
        int ix = x - drawn.x();
        int iy = y - drawn.y();
        if (ix < 0 || iy < 0 || ix >= drawn.image().getWidth() || iy >= drawn.image().getHeight()) {
            return 0;
        }
        return drawn.image().getRGB(ix, iy) >>> 24;
    }
}
