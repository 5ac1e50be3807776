package org.griddesk.supervise.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Rate;

/// One figure the view shows of a unit: a count, a rate, or the average handling time. Each drills
/// down: a count to the tickets it counted, a rate to the tickets that missed it, the average to
/// the tickets it timed.
public record Figure(Kind kind, Measure measure, Rate rate) {
    public enum Kind {
        COUNT,
        RATE,
        /// average handling time in working hours
        HOURS
    }

    public static final Figure AVERAGE_HOURS = new Figure(Kind.HOURS, Measure.HANDLED_TIMED, null);

    public static Figure of(Measure measure) {
        return new Figure(Kind.COUNT, measure, null);
    }

    public static Figure of(Rate rate) {
        return new Figure(Kind.RATE, null, rate);
    }

    /// What the table shows, in its order: the rates, the counts, the average handling time (the
    /// minutes summed for it are not a figure of their own).
    public static List<Figure> all() {
        List<Figure> all = new ArrayList<>();
        for (Rate r : Rate.values()) {
            all.add(of(r));
        }
        for (Measure m : Measure.values()) {
            if (m != Measure.HANDLED_TIMED && m != Measure.HANDLING_WORK_MINUTES) {
                all.add(of(m));
            }
        }
        all.add(AVERAGE_HOURS);
        return List.copyOf(all);
    }

    public boolean isRate() {
        return kind == Kind.RATE;
    }

    /// the figure of a unit; empty for a rate or an average with nothing to rate
    public OptionalDouble value(KpiSheet sheet) {
        return switch (kind) {
            case COUNT -> OptionalDouble.of(sheet.count(measure));
            case RATE -> sheet.rate(rate);
            case HOURS -> sheet.averageHandlingWorkHours();
        };
    }

    /// how many tickets a drill-down of this figure lists for the unit
    public long tickets(KpiSheet sheet) {
        return switch (kind) {
            case COUNT, HOURS -> sheet.count(measure);
            case RATE -> Math.max(0, sheet.count(rate.denominator()) - sheet.count(rate.numerator()));
        };
    }

    /// the key of its name in the statistics bundle
    public String key() {
        return switch (kind) {
            case COUNT -> "measure." + measure.name();
            case RATE -> "rate." + rate.name();
            case HOURS -> "figure.averageHours";
        };
    }
}
