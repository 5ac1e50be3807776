package org.griddesk.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.patrol.TrackPoints;
import org.locationtech.jts.geom.Envelope;

/// Today's patrol tracks and each grid's patrol coverage, ready to draw in the patrol mode: every
/// track projected once to world units and cut where the phone was silent for more than
/// [#GAP] (no line is drawn across a gap it did not walk). Build it off the FX thread.
///
/// The lines as drawn at a scale ([#linesAt]) are simplified to what that scale shows and kept for
/// the last few scales, so a pan, or the quick and the sharp raster of one view, simplify nothing
/// again; each line is simplified the first time it is in view at that scale.
public final class PatrolLayer {
    public static final PatrolLayer NONE = new PatrolLayer(List.of(), Map.of(), "");
    static final Duration GAP = Duration.ofMinutes(5);
    /// a point within this many pixels of the straight line drawn past it is not drawn ([TrackLine#simplified])
    static final double SIMPLIFY_PIXELS = 1;
    /// how many scales' simplified lines are kept (a zoom's quick and sharp rasters are two)
    private static final int SCALES_KEPT = 4;

    private final List<TrackLine> lines;
    private final Map<String, Double> coverage;
    private final String day;
    private final int points;
    private final Map<Double, TrackLine[]> byScale = new LinkedHashMap<>(SCALES_KEPT + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Double, TrackLine[]> eldest) {
            return size() > SCALES_KEPT;
        }
    };

    private PatrolLayer(List<TrackLine> lines, Map<String, Double> coverage, String day) {
        this.lines = List.copyOf(lines);
        this.coverage = Map.copyOf(coverage);
        this.day = day;
        this.points = lines.stream().mapToInt(TrackLine::size).sum();
    }

    /// The tracks of `day` (shown in the legend) and the coverage (0–1) of the grids patrolled.
    /// The tracks are projected on the common pool's threads and this one.
    public static PatrolLayer of(List<PatrolTrack> tracks, Map<String, Double> coverage, String day) {
        List<TrackLine> lines = tracks.parallelStream().flatMap(t -> linesOf(t.track()).stream()).toList();
        return new PatrolLayer(lines, coverage, day);
    }

    /// The track projected, cut at each silence longer than [#GAP].
    private static List<TrackLine> linesOf(TrackPoints track) {
        List<TrackLine> lines = new ArrayList<>(1);
        long gap = GAP.toSeconds();
        MercatorNear mercator = new MercatorNear();
        int n = track.size();
        double[] x = new double[n];
        double[] y = new double[n];
        int run = 0;
        for (int i = 0; i < n; i++) {
            if (run > 0 && track.epochSecond(i) - track.epochSecond(i - 1) > gap) {
                lines.add(TrackLine.of(x, y, run));
                run = 0;
            }
            x[run] = WebMercator.x(track.lon(i));
            y[run] = mercator.y(track.lat(i));
            run++;
        }
        if (run > 0) {
            lines.add(TrackLine.of(x, y, run));
        }
        return lines;
    }

    /// Every line as walked.
    List<TrackLine> lines() {
        return lines;
    }

    /// The lines whose box meets `visible` (world units), each as it looks at `scale` pixels per
    /// world unit: every point walked within [#SIMPLIFY_PIXELS] of the line drawn.
    List<TrackLine> linesAt(double scale, Envelope visible) {
        return linesAt(scale, visible, 0, lines.size());
    }

    /// As [#linesAt(double, Envelope)], for lines number `from` (inclusive) to `to` only: several
    /// threads may simplify a layer's lines at once, each its own numbers.
    List<TrackLine> linesAt(double scale, Envelope visible, int from, int to) {
        TrackLine[] simplified;
        synchronized (byScale) {
            simplified = byScale.computeIfAbsent(scale, z -> new TrackLine[lines.size()]);
        }
        List<TrackLine> shown = new ArrayList<>();
        for (int i = from; i < to; i++) {
            TrackLine line = lines.get(i);
            if (line.box().intersects(visible)) {
                // two rasters at once would at worst simplify a line twice, to the same result
                if (simplified[i] == null) {
                    simplified[i] = line.simplified(scale, SIMPLIFY_PIXELS);
                }
                shown.add(simplified[i]);
            }
        }
        return shown;
    }

    /// How many lines the layer has.
    int lineCount() {
        return lines.size();
    }

    /// The grid's patrol coverage today, 0 when nobody patrolled it.
    public double coverage(String gridCode) {
        return coverage.getOrDefault(gridCode, 0.0);
    }

    /// How many points the layer draws.
    public int points() {
        return points;
    }

    public String day() {
        return day;
    }
}
