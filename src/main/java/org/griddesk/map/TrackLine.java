package org.griddesk.map;

import java.util.Arrays;
import org.locationtech.jts.geom.Envelope;

/// One unbroken line of a patrol track in world units (see [WebMercator]), with its box.
///
/// @param x   world x of each point, in time order
/// @param y   world y of each point
/// @param box the points' bounding box, to leave out lines outside the view
record TrackLine(double[] x, double[] y, Envelope box) {

    /// The line through `count` points of `x` and `y`.
    static TrackLine of(double[] x, double[] y, int count) {
        Envelope box = new Envelope();
        for (int i = 0; i < count; i++) {
            box.expandToInclude(x[i], y[i]);
        }
        // the whole of both arrays is taken as it is: no copy of a day's track to collect after
        return count == x.length && count == y.length ? new TrackLine(x, y, box)
                : new TrackLine(Arrays.copyOf(x, count), Arrays.copyOf(y, count), box);
    }

    /// The ring through the points, closed back to its first point.
    static TrackLine closed(double[] x, double[] y) {
        int n = x.length;
        double[] cx = Arrays.copyOf(x, n + 1);
        double[] cy = Arrays.copyOf(y, n + 1);
        cx[n] = x[0];
        cy[n] = y[0];
        return of(cx, cy, n + 1);
    }

    int size() {
        return x.length;
    }

    /// The line as it looks at `scale` pixels per world unit: a point is dropped when it lies within
    /// `pixels` of the straight line from the last point kept to the next one kept; the first and
    /// the last are always kept.
    ///
    /// From each point kept the line is drawn straight to the farthest later point (at most
    /// [#RUN] on) that keeps every point in between within `pixels` of it. The walk between the
    /// two then also stays within `pixels` of the straight line, and the straight line within
    /// `pixels` of the walk (the walk goes from one end to the other, so it passes beside every
    /// point of the line). A day's walk seen at a town's zoom is a few hundred thousand points,
    /// most of them within a pixel of the one before: this leaves what a person can see, about
    /// one point in ten.
    TrackLine simplified(double scale, double pixels) {
        double tolerance = pixels / scale;
        double squared = tolerance * tolerance;
        int n = x.length;
        int[] keep = new int[n];
        int kept = 1;
        int from = 0;
        while (from < n - 1) {
            int to = from + 1;
            int farthest = Math.min(n - 1, from + RUN);
            while (to < farthest && straightEnough(from, to + 1, squared)) {
                to++;
            }
            keep[kept++] = to;
            from = to;
        }
        if (kept == n) {
            return this;
        }
        double[] keptX = new double[kept];
        double[] keptY = new double[kept];
        for (int i = 0; i < kept; i++) {
            keptX[i] = x[keep[i]];
            keptY[i] = y[keep[i]];
        }
        return new TrackLine(keptX, keptY, box);
    }

    /// how many points on a straight line may reach at most: each longer line tried checks every
    /// point it passes, so this bounds the work to about [#RUN] checks a point
    static final int RUN = 32;

    /// Whether every point between `from` and `to` lies within √`squared` of the segment between them.
    private boolean straightEnough(int from, int to, double squared) {
        double x0 = x[from];
        double y0 = y[from];
        double dx = x[to] - x0;
        double dy = y[to] - y0;
        double length2 = dx * dx + dy * dy;
        double along = length2 == 0 ? 0 : 1 / length2;
        for (int i = from + 1; i < to; i++) {
            double px = x[i] - x0;
            double py = y[i] - y0;
            double t = (px * dx + py * dy) * along;
            t = t < 0 ? 0 : t > 1 ? 1 : t;
            double ex = px - t * dx;
            double ey = py - t * dy;
            if (ex * ex + ey * ey > squared) {
                return false;
            }
        }
        return true;
    }
}
