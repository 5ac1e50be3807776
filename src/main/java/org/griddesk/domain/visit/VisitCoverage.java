package org.griddesk.domain.visit;

/// A grid's visits for a month: how many household-periods its plan holds (`due`: a weekly household
/// counts each week that overlaps the month, a monthly one once, a quarterly one once for its
/// quarter) and how many of them have a visit (`made`).
public record VisitCoverage(int due, int made) {
    public static final VisitCoverage NONE = new VisitCoverage(0, 0);

    /// The share made, 1.0 for a plan with nothing due.
    public double share() {
        return due == 0 ? 1.0 : (double) made / due;
    }

    public VisitCoverage plus(VisitCoverage other) {
        return new VisitCoverage(due + other.due, made + other.made);
    }
}
