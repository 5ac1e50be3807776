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
        return new TrackLine(Arrays.copyOf(x, count), Arrays.copyOf(y, count), box);
    }

    int size() {
        return x.length;
    }

    /// The line as it looks at `scale` pixels per world unit: a point closer than `pixels` to the
    /// last one kept is dropped, the first and the last are always kept.
    ///
    /// Every dropped point lies within `pixels` of the kept one before it, which is on the line
    /// drawn, so the line drawn stays within `pixels` of every point walked (and the walk within
    /// `pixels` of the line drawn). A day's walk seen at a town's zoom is a few hundred thousand
    /// points, most of them within a pixel of the one before: this leaves what a person can see.
    TrackLine simplified(double scale, double pixels) {
        double tolerance = pixels / scale;
        double squared = tolerance * tolerance;
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        keptX[0] = x[0];
        keptY[0] = y[0];
        int kept = 1;
        int last = x.length - 1;
        for (int i = 1; i <= last; i++) {
            double dx = x[i] - keptX[kept - 1];
            double dy = y[i] - keptY[kept - 1];
            if (dx * dx + dy * dy >= squared || i == last) {
                keptX[kept] = x[i];
                keptY[kept] = y[i];
                kept++;
            }
        }
        return kept == x.length ? this : new TrackLine(Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept), box);
    }
}
