package org.griddesk.domain.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/// Office hours of working days, for deadlines counted in working hours (the whistle check-in:
/// within 2 working hours). Default 08:30–17:30, an administrator's setting later.
record WorkingHours(LocalTime start, LocalTime end) {
    static final WorkingHours DEFAULT = new WorkingHours(LocalTime.of(8, 30), LocalTime.of(17, 30));

    WorkingHours {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours must end after they start");
        }
    }

    Instant add(WorkCalendar calendar, Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time cannot be negative");
        }
        LocalDate day = WorkCalendar.localDate(from);
        Instant cursor = from;
        Duration left = amount;
        while (true) {
            if (calendar.isWorkingDay(day)) {
                Instant open = WorkCalendar.at(day, start);
                Instant close = WorkCalendar.at(day, end);
                Instant begin = cursor.isAfter(open) ? cursor : open;
                if (begin.isBefore(close)) {
                    Duration available = Duration.between(begin, close);
                    if (available.compareTo(left) >= 0) {
                        return begin.plus(left);
                    }
                    left = left.minus(available);
                }
            }
            day = day.plusDays(1);
            cursor = WorkCalendar.at(day, LocalTime.MIDNIGHT);
        }
    }
}
