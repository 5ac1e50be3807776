package org.griddesk.security;

import java.time.LocalDate;
import java.util.List;
import org.griddesk.domain.calendar.HolidayDay;

/// What the system administrator does to the holiday calendar (节假日与调休) deadlines count working
/// days by: a year's days off and swapped working days, as the year's notice in force lists them
/// (imported, or shipped), each day marked or unmarked. A changed year is stored whole as that
/// year's notice, as `griddesk calendar import` stores one. Needs
/// [org.griddesk.domain.org.Permission#CONFIGURATION_MANAGE]; changes are audited and recorded as a
/// change of the district; a refusal throws [AccountRefused], audited, changing nothing.
public interface CalendarAdministration {
    /// The year's days off and swapped working days, by date (empty when the year has no notice).
    List<HolidayDay> holidayDays(Session by, int year);

    /// Marks `date` a day off (`offDay`) or a swapped working day (a weekend day worked), of the
    /// holiday `name`; replaces what the day was.
    void markDay(Session by, LocalDate date, boolean offDay, String name);

    /// Makes `date` an ordinary day again (by its weekday).
    void unmarkDay(Session by, LocalDate date);
}
