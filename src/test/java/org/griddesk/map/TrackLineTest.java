package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/// A track seen from afar keeps what a pixel shows: every point walked within a pixel of the line
/// drawn and the line drawn within a pixel of the walk, the first and last points kept; close up
/// almost every turn is kept.
class TrackLineTest {
    /// a town in a 1280-pixel view: about 10 m a pixel at Tianjin's latitude
    private static final double TOWN = WebMercator.scale(13.5);
    /// a street: about a third of a metre a pixel
    private static final double STREET = WebMercator.scale(19);

    @Test
    void aDayWalkSeenFromAfarStaysWithinAPixelOfTheLineDrawn() {
        TrackLine walk = walk(5760, 11);
        TrackLine drawn = walk.simplified(TOWN, 1);

        assertThat(drawn.size()).as("a 6 m step walk at 10 m a pixel: most points lie within a pixel of a straight line")
                .isLessThan(walk.size() / 5);
        assertWithinAPixelOfEachOther(walk, drawn, TOWN);
    }

    private static void assertWithinAPixelOfEachOther(TrackLine walk, TrackLine drawn, double scale) {
        assertThat(isSubsequence(drawn, walk)).as("only points walked, in order").isTrue();
        for (int i = 0; i < walk.size(); i++) {
            assertThat(distanceToLine(walk.x()[i], walk.y()[i], drawn) * scale).as("point %d", i).isLessThanOrEqualTo(1.0 + 1e-9);
        }
        for (int i = 0; i + 1 < drawn.size(); i++) {
            for (double f = 0; f <= 1; f += 0.125) { // along each segment drawn
                double x = drawn.x()[i] + f * (drawn.x()[i + 1] - drawn.x()[i]);
                double y = drawn.y()[i] + f * (drawn.y()[i + 1] - drawn.y()[i]);
                assertThat(distanceToLine(x, y, walk) * scale).as("segment %d at %.3f", i, f).isLessThanOrEqualTo(1.0 + 1e-9);
            }
        }
    }

    @Test
    void aStraightWalkKeepsItsEndsAndACornerKeepsItsTurn() {
        double step = 0.3 / TOWN; // a third of a pixel a step
        TrackLine straight = TrackLine.of(new double[] {0.8, 0.8 + step, 0.8 + 2 * step, 0.8 + 3 * step, 0.8 + 40 * step, 0.8 + 41 * step},
                new double[] {0.4, 0.4, 0.4, 0.4, 0.4, 0.4}, 6);
        double pixel = 1 / TOWN;
        // east 10 pixels, then north 10: the corner is 7 pixels off the line from end to end
        TrackLine corner = TrackLine.of(new double[] {0, 5 * pixel, 10 * pixel, 10 * pixel, 10 * pixel},
                new double[] {0, 0, 0, 5 * pixel, 10 * pixel}, 5);

        assertThat(straight.simplified(TOWN, 1).x()).containsExactly(0.8, 0.8 + 41 * step);
        assertThat(straight.simplified(TOWN, 1).box()).isEqualTo(straight.box());
        assertThat(corner.simplified(TOWN, 1).x()).containsExactly(0, 10 * pixel, 10 * pixel);
        assertThat(corner.simplified(TOWN, 1).y()).containsExactly(0, 0, 10 * pixel);
    }

    @Test
    void aStraightRunIsCutAfterTheMostPointsOneLineMayReach() {
        int points = 3 * TrackLine.RUN + 1;
        double[] x = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = i * 0.1 / TOWN;
        }

        assertThat(TrackLine.of(x, new double[points], points).simplified(TOWN, 1).size()).isEqualTo(4);
    }

    @Test
    void closeUpAlmostEveryTurnIsKept() {
        TrackLine walk = walk(500, 3);
        TrackLine drawn = walk.simplified(STREET, 1);

        assertThat(drawn.size()).as("a third of a metre a pixel: few 6 m steps turn less than that").isGreaterThan(walk.size() * 8 / 10);
        assertWithinAPixelOfEachOther(walk, drawn, STREET);
    }

    /// A walk in 6 m steps that turns a little at each, within 200 m of where it started, in
    /// world units near 117.4° E, 38.95° N.
    static TrackLine walk(int points, long seed) {
        Random random = new Random(seed);
        double metre = 1 / (40_075_000 * Math.cos(Math.toRadians(38.95))); // world units a metre
        double x0 = WebMercator.x(117.4);
        double y0 = WebMercator.y(38.95);
        double[] x = new double[points];
        double[] y = new double[points];
        double px = x0;
        double py = y0;
        double heading = random.nextDouble() * 2 * Math.PI;
        for (int i = 0; i < points; i++) {
            heading += random.nextGaussian() * 0.3;
            if (Math.hypot(px - x0, py - y0) > 200 * metre) {
                heading = Math.atan2(y0 - py, x0 - px);
            }
            px += Math.cos(heading) * 6 * metre;
            py += Math.sin(heading) * 6 * metre;
            x[i] = px;
            y[i] = py;
        }
        return TrackLine.of(x, y, points);
    }

    private static boolean isSubsequence(TrackLine part, TrackLine whole) {
        int j = 0;
        for (int i = 0; i < whole.size() && j < part.size(); i++) {
            if (whole.x()[i] == part.x()[j] && whole.y()[i] == part.y()[j]) {
                j++;
            }
        }
        return j == part.size();
    }

    /// The distance from (`x`, `y`) to the nearest segment of the line, in world units.
    private static double distanceToLine(double x, double y, TrackLine line) {
        double best = Math.hypot(x - line.x()[0], y - line.y()[0]);
        for (int i = 0; i + 1 < line.size(); i++) {
            double ax = line.x()[i];
            double ay = line.y()[i];
            double dx = line.x()[i + 1] - ax;
            double dy = line.y()[i + 1] - ay;
            double length2 = dx * dx + dy * dy;
            double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / length2));
            best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
        }
        return best;
    }
}
