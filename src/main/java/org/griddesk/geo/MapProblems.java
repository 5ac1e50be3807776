package org.griddesk.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;

/// What is wrong with a boundary file, each problem in Chinese and in English, naming the feature
/// and, where it has one, the place in the file's own coordinates. Counts every problem, keeps the
/// first [#KEPT] (a file with thousands of problems is one mistake repeated).
public final class MapProblems {
    public static final int KEPT = 50;

    /// One problem, in both languages.
    public record Problem(String chinese, String english) {
        public String in(boolean chinese) {
            return chinese ? this.chinese : english;
        }
    }

    private final List<Problem> kept = new ArrayList<>();
    private int count;

    public void add(String chinese, String english) {
        count++;
        if (kept.size() < KEPT) {
            kept.add(new Problem(chinese, english));
        }
    }

    /// Adds another's problems after these: those it kept, and the count of those it did not.
    public void addAll(MapProblems other) {
        other.kept.forEach(p -> add(p.chinese(), p.english()));
        count += other.count - other.kept.size();
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /// How many problems were found, kept or not.
    public int count() {
        return count;
    }

    public List<Problem> kept() {
        return List.copyOf(kept);
    }

    /// A point in the file's coordinates as the file writes them: six decimals for degrees, whole
    /// metres for EPSG:3857.
    static String at(Coordinate c, CoordinateSystem system) {
        return String.format(Locale.ROOT, system.metres() ? "%.0f, %.0f" : "%.6f, %.6f", c.x, c.y);
    }

    /// Square metres as people read them: `0.4 m²`, `37 m²`, `12,400 m²`.
    static String squareMetres(double m2) {
        return m2 < 10 ? String.format(Locale.ROOT, "%.1f", m2) : String.format(Locale.ROOT, "%,d", Math.round(m2));
    }

    /// A boundary file refused whole, with its problems.
    public static final class InvalidMapException extends IllegalArgumentException {
        private final MapProblems problems;

        public InvalidMapException(MapProblems problems) {
            super("invalid map: " + problems.count() + " problems, the first: " + problems.kept().getFirst().english());
            this.problems = problems;
        }

        static InvalidMapException of(String chinese, String english) {
            MapProblems one = new MapProblems();
            one.add(chinese, english);
            return new InvalidMapException(one);
        }

        public MapProblems problems() {
            return problems;
        }
    }
}
