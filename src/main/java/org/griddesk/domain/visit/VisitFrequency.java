package org.griddesk.domain.visit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/// How often a household is to be visited: once in each calendar week (Monday to Sunday), month or
/// quarter, as offices count them (每周、每月、每季度走访一次).
public enum VisitFrequency {
    WEEKLY("每周", "weekly"),
    MONTHLY("每月", "monthly"),
    QUARTERLY("每季度", "quarterly");

    private final String zhName;
    private final String enName;

    VisitFrequency(String zhName, String enName) {
        this.zhName = zhName;
        this.enName = enName;
    }

    public String zhName() {
        return zhName;
    }

    public String enName() {
        return enName;
    }

    /// The period of this frequency that holds `day`.
    public VisitPeriod periodOf(LocalDate day) {
        return switch (this) {
            case WEEKLY -> {
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                yield new VisitPeriod(monday, monday.plusDays(6));
            }
            case MONTHLY -> new VisitPeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
            case QUARTERLY -> {
                LocalDate first = day.with(IsoFields.DAY_OF_QUARTER, 1);
                yield new VisitPeriod(first, first.plusMonths(3).minusDays(1));
            }
        };
    }

    /// The period before the one that holds `day`.
    public VisitPeriod previousOf(LocalDate day) {
        return periodOf(periodOf(day).first().minusDays(1));
    }

    /// The periods of this frequency that overlap `month`, in order: a month's plan asks one visit in each.
    public List<VisitPeriod> periodsOverlapping(YearMonth month) {
        List<VisitPeriod> periods = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); ) {
            VisitPeriod period = periodOf(day);
            periods.add(period);
            day = period.last().plusDays(1);
        }
        return periods;
    }
}
