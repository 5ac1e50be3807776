package org.griddesk.domain.calendar;

import java.time.LocalDate;

/// One day of a State Council holiday notice: a day off (holiday) or a swapped working day (调休)
/// that falls on a weekend.
///
/// @param date    the day
/// @param name    the holiday it belongs to, e.g. 春节
/// @param offDay  true for a day off, false for a working day on a weekend
public record HolidayDay(LocalDate date, String name, boolean offDay) {
    public HolidayDay {
        if (date == null) {
            throw new IllegalArgumentException("a holiday day needs a date");
        }
        name = name == null ? "" : name.strip();
    }
}
