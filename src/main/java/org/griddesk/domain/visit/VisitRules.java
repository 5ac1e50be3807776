package org.griddesk.domain.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.VisitHousehold.Category;

/// What a household is owed on a given moment, under a [VisitSchedule] (days in Asia/Shanghai):
///
/// - routine: one visit in each period of its group's frequency. Visited in the current period:
///   nothing owed. Visited in the period before: owed by the end of this one. Neither (or never
///   visited): overdue since the end of the period before, still owed.
/// - a major event of its grid or community: a visit made at or after the declaration, owed by the
///   declaration plus 24 hours, overdue after that. A visit known only by its day counts from that
///   day's start (a visit earlier on the day of the declaration does not answer it).
public final class VisitRules {
    private final VisitSchedule schedule;

    public VisitRules(VisitSchedule schedule) {
        this.schedule = schedule;
    }

    public VisitSchedule schedule() {
        return schedule;
    }

    /// The visits owed to `household` at `now`, routine first, then one per event of its area not yet answered.
    public List<VisitDue> owed(HouseholdLastVisit household, List<MajorEvent> events, Instant now) {
        List<VisitDue> owed = new ArrayList<>(1);
        VisitFrequency frequency = schedule.of(household.category());
        LocalDate today = WorkCalendar.localDate(now);
        VisitPeriod current = frequency.periodOf(today);
        LocalDate last = household.lastDay();
        if (last == null || last.isBefore(current.first())) {
            VisitPeriod previous = frequency.previousOf(today);
            boolean missed = last == null || last.isBefore(previous.first());
            Instant dueBy = WorkCalendar.endOf(missed ? previous.last() : current.last());
            owed.add(due(household, frequency, VisitDue.Reason.ROUTINE, 0, dueBy, missed));
        }
        for (MajorEvent event : events) {
            if (event.covers(household.gridCode(), household.communityCode()) && !event.declaredAt().isAfter(now)
                    && !answered(household, event)) {
                owed.add(due(household, frequency, VisitDue.Reason.MAJOR_EVENT, event.id(), event.dueAt(), now.isAfter(event.dueAt())));
            }
        }
        return owed;
    }

    private static boolean answered(HouseholdLastVisit household, MajorEvent event) {
        if (household.lastAt() != null && !household.lastAt().isBefore(event.declaredAt())) {
            return true;
        }
        return household.lastDay() != null
                && !household.lastDay().atStartOfDay(WorkCalendar.ZONE).toInstant().isBefore(event.declaredAt());
    }

    private static VisitDue due(HouseholdLastVisit h, VisitFrequency frequency, VisitDue.Reason reason, long eventId, Instant dueBy,
                                boolean overdue) {
        return new VisitDue(h.householdId(), h.gridCode(), h.communityCode(), h.areaCode(), h.category(), frequency, reason, eventId,
                h.lastDay(), dueBy, overdue);
    }

    /// A household's part of a month's plan: the periods of its frequency that overlap the month,
    /// each with the first day it was visited in that period (null: not visited).
    public record PlannedVisits(String householdId, VisitFrequency frequency, List<VisitPeriod> periods, List<LocalDate> visitedOn) {
        public int due() {
            return periods.size();
        }

        public int made() {
            return (int) visitedOn.stream().filter(d -> d != null).count();
        }
    }

    /// The household's part of the plan for `month`, from the days it was visited (any order, any span).
    public PlannedVisits plan(String householdId, Category category, YearMonth month,
                              List<LocalDate> visitDays) {
        VisitFrequency frequency = schedule.of(category);
        List<VisitPeriod> periods = frequency.periodsOverlapping(month);
        List<LocalDate> visited = new ArrayList<>(periods.size());
        for (VisitPeriod period : periods) {
            visited.add(visitDays.stream().filter(period::contains).min(LocalDate::compareTo).orElse(null));
        }
        return new PlannedVisits(householdId, frequency, periods, visited);
    }
}
