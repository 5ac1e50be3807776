package org.griddesk.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.locationtech.jts.geom.Envelope;

/// Today's patrol tracks and each grid's patrol coverage, ready to draw in the patrol mode: every
/// track projected once to world units and cut where the phone was silent for more than
/// [#GAP] (no line is drawn across a gap it did not walk). Build it off the FX thread.
public final class PatrolLayer {
    public static final PatrolLayer NONE = new PatrolLayer(List.of(), Map.of(), "");
    static final Duration GAP = Duration.ofMinutes(5);

    /// One unbroken line of a track, in world units, with its box.
    record Line(double[] x, double[] y, Envelope box) {
    }

    private final List<Line> lines;
    private final Map<String, Double> coverage;
    private final String day;
    private final int points;

    private PatrolLayer(List<Line> lines, Map<String, Double> coverage, String day) {
        this.lines = List.copyOf(lines);
        this.coverage = Map.copyOf(coverage);
        this.day = day;
        this.points = lines.stream().mapToInt(l -> l.x().length).sum();
    }

    /// The tracks of `day` (shown in the legend) and the coverage (0–1) of the grids patrolled.
    public static PatrolLayer of(List<PatrolTrack> tracks, Map<String, Double> coverage, String day) {
        List<Line> lines = new ArrayList<>();
        for (PatrolTrack t : tracks) {
            List<PatrolPoint> run = new ArrayList<>();
            for (PatrolPoint p : t.points()) {
                if (!run.isEmpty() && Duration.between(run.getLast().at(), p.at()).compareTo(GAP) > 0) {
                    lines.add(line(run));
                    run.clear();
                }
                run.add(p);
            }
            if (!run.isEmpty()) {
                lines.add(line(run));
            }
        }
        return new PatrolLayer(lines, coverage, day);
    }

    private static Line line(List<PatrolPoint> run) {
        double[] x = new double[run.size()];
        double[] y = new double[run.size()];
        Envelope box = new Envelope();
        for (int i = 0; i < x.length; i++) {
            x[i] = WebMercator.x(run.get(i).lon());
            y[i] = WebMercator.y(run.get(i).lat());
            box.expandToInclude(x[i], y[i]);
        }
        return new Line(x, y, box);
    }

    List<Line> lines() {
        return lines;
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
