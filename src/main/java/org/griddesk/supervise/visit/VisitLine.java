package org.griddesk.supervise.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.ui.Messages;
import org.griddesk.visit.OverdueVisits;

/// One row of the overdue list as shown: the household by id and masked name only, its group and
/// frequency in words, when the visit was due and how late it is (or, for a major event's visit
/// not yet late, how long is left).
///
/// @param minutesLate minutes since it was due; negative while a major event's visit is still in time
/// @param eventId     the major event's id, 0 for a routine visit
record VisitLine(String householdId, String communityCode, String communityName, String gridCode, String gridName,
                 String household, String category, String frequency, String dueBy, long minutesLate, String lateness,
                 boolean majorEvent, long eventId, String reason) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    boolean overdue() {
        return minutesLate >= 0;
    }

    /// whole days overdue (0 for less than a day or not yet due)
    long daysOverdue() {
        return Math.max(0, minutesLate) / (24 * 60);
    }

    static VisitLine of(VisitDue due, OverdueVisits list, Messages words) {
        long late = Duration.between(due.dueBy(), list.at()).toMinutes();
        String name = list.maskedNames().getOrDefault(due.householdId(), "");
        String household = name.isEmpty() ? due.householdId() : due.householdId() + "（" + name + "）";
        MajorEvent event = list.events().get(due.eventId());
        String reason = due.reason() == VisitDue.Reason.ROUTINE ? words.get("overdue.reason.routine")
                : words.get("overdue.reason.event", event == null ? "#" + due.eventId() : event.title());
        return new VisitLine(due.householdId(), due.communityCode(), list.name(due.communityCode()), due.gridCode(),
                list.name(due.gridCode()), household, words.get("overdue.category." + due.category().name()),
                words.get("overdue.frequency." + due.frequency().name()), time(due.dueBy()),
                due.overdue() ? Math.max(0, late) : Math.min(-1, late), lateness(due.overdue(), late, words),
                due.reason() == VisitDue.Reason.MAJOR_EVENT, due.eventId(), reason);
    }

    /// A due moment in Tianjin: a day's end as the day itself (a period's last day), else to the minute.
    static String time(Instant at) {
        ZonedDateTime local = at.atZone(WorkCalendar.ZONE);
        return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(local.minusDays(1))
                : MINUTE.format(local);
    }

    private static String lateness(boolean overdue, long minutes, Messages words) {
        if (!overdue) {
            return words.get("overdue.late.left", Math.max(1, (-minutes + 59) / 60));
        }
        return minutes >= 24 * 60 ? words.get("overdue.late.days", minutes / (24 * 60))
                : words.get("overdue.late.hours", Math.max(1, minutes / 60));
    }
}
