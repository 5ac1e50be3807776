package org.griddesk.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkCalendarTest {
    private final WorkCalendar calendar = WorkCalendar.builtIn();

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} working days → due at the end of {2}")
    @CsvSource({
        // National Day 2026: 10-01..10-07 off, Saturday 10-10 worked
        "2026-09-30T10:00, 7, 2026-10-15",
        "2026-09-30T23:59, 2, 2026-10-09",
        "2026-10-03T09:00, 2, 2026-10-09",   // accepted on a holiday: counting starts 10-08
        "2026-10-09T16:00, 1, 2026-10-10",   // the swapped Saturday counts
        // National Day and Mid-Autumn 2025: 10-01..10-08 off, Saturday 10-11 worked
        "2025-09-30T10:00, 7, 2025-10-16",
        "2025-09-26T10:00, 1, 2025-09-28",   // Sunday 09-28 is a swapped working day
        // Spring Festival 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked
        "2026-02-13T15:00, 2, 2026-02-24",
        "2026-02-27T11:00, 1, 2026-02-28",
        // Spring Festival 2025: 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked
        "2025-01-27T09:00, 7, 2025-02-12",
        "2025-01-24T09:00, 1, 2025-01-26",
        // an ordinary week: Friday plus 2 working days skips the weekend
        "2026-11-27T10:00, 2, 2026-12-01",
    })
    void dueDatesSkipHolidaysAndCountSwappedWorkdays(String accepted, int days, LocalDate lastDay) {
        Instant due = calendar.dueAt(shanghai(accepted), days);
        assertThat(due).isEqualTo(shanghai(lastDay.plusDays(1) + "T00:00"));
        assertThat(calendar.dueDay(due)).isEqualTo(lastDay);
    }

    @Test
    void theDayOfAcceptanceIsTheLocalDayInShanghaiNotInUtc() {
        // 2026-09-30T16:30Z is 00:30 on 10-01 in Shanghai: counting starts after 10-01
        assertThat(calendar.dueAt(Instant.parse("2026-09-30T16:30:00Z"), 1)).isEqualTo(shanghai("2026-10-09T00:00"));
        // 2026-09-30T15:30Z is 23:30 on 09-30 in Shanghai
        assertThat(calendar.dueAt(Instant.parse("2026-09-30T15:30:00Z"), 1)).isEqualTo(shanghai("2026-10-09T00:00"));
    }

    @Test
    void daysAreClassified() {
        assertThat(calendar.kindOf(LocalDate.parse("2026-10-03"))).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.kindOf(LocalDate.parse("2026-10-10"))).isEqualTo(DayKind.SWAPPED_WORKDAY);
        assertThat(calendar.kindOf(LocalDate.parse("2026-10-11"))).isEqualTo(DayKind.WEEKEND);
        assertThat(calendar.kindOf(LocalDate.parse("2026-10-12"))).isEqualTo(DayKind.WORKDAY);
        assertThat(calendar.holidayName(LocalDate.parse("2026-02-17"))).contains("春节");
        assertThat(calendar.holidayName(LocalDate.parse("2025-10-06"))).contains("国庆节、中秋节");
    }

    @Test
    void extensionsMustBeAskedBeforeTheLastWorkingDay() {
        Instant due = shanghai("2026-10-16T00:00"); // end of Thursday 10-15
        assertThat(calendar.extensionRequestDeadline(due)).isEqualTo(shanghai("2026-10-15T00:00"));
        Instant dueMonday = shanghai("2026-10-13T00:00"); // end of Monday 10-12; Saturday 10-10 was worked
        assertThat(calendar.extensionRequestDeadline(dueMonday)).isEqualTo(shanghai("2026-10-11T00:00"));
    }

    @Test
    void anExtensionAddsWorkingDaysToTheDueDay() {
        Instant due = shanghai("2026-09-30T00:00"); // end of 09-29
        // 09-30, then National Day, then 10-08, 10-09
        assertThat(calendar.extend(due, 3)).isEqualTo(shanghai("2026-10-10T00:00"));
    }

    @Test
    void workingHoursSkipEveningsAndHolidays() {
        // Friday 10-09 16:30 + 2 h: one hour on Friday, one on the swapped Saturday 10-10
        assertThat(calendar.addWorkingTime(shanghai("2026-10-09T16:30"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-10-10T09:30"));
        // summoned on a holiday: the clock starts on the next working morning
        assertThat(calendar.addWorkingTime(shanghai("2026-10-03T11:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-10-08T10:30"));
        // in the morning of an ordinary day
        assertThat(calendar.addWorkingTime(shanghai("2026-11-26T09:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-11-26T11:00"));
    }

    @Test
    void yearsWithoutANoticeCountWeekendsOnlyAndSaySo() {
        assertThat(calendar.hasNotice(2026)).isTrue();
        assertThat(calendar.hasNotice(2027)).isFalse();
        assertThat(calendar.dueAt(shanghai("2027-10-01T10:00"), 1)).isEqualTo(shanghai("2027-10-05T00:00"));
    }

    @Test
    void anImportedNoticeReplacesTheShippedYear() {
        HolidayNotice moved = HolidayNotice.of(2026, List.of(new HolidayDay(LocalDate.parse("2026-10-01"), "国庆节", true)));
        WorkCalendar c = WorkCalendar.withImported(List.of(moved));
        assertThat(c.kindOf(LocalDate.parse("2026-10-02"))).isEqualTo(DayKind.WORKDAY);
        assertThat(c.kindOf(LocalDate.parse("2026-10-10"))).isEqualTo(DayKind.WEEKEND);
        assertThat(c.kindOf(LocalDate.parse("2025-10-02"))).as("other years keep the shipped notice").isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void workingDaysBetweenCountsTheSecondDayNotTheFirst() {
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-15"))).isEqualTo(7);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-10-15"), LocalDate.parse("2026-09-30"))).isZero();
    }

    @Test
    void badNoticesAreRefusedWhole() {
        List<HolidayDay> days = List.of(
                new HolidayDay(LocalDate.parse("2027-10-01"), "国庆节", true),
                new HolidayDay(LocalDate.parse("2027-10-01"), "国庆节", true),
                new HolidayDay(LocalDate.parse("2027-10-13"), "国庆节", false),   // a Wednesday
                new HolidayDay(LocalDate.parse("2028-05-01"), "劳动节", true),
                new HolidayDay(LocalDate.parse("2027-05-02"), " ", true));
        assertThatThrownBy(() -> HolidayNotice.of(2027, days))
                .isInstanceOfSatisfying(HolidayNotice.InvalidNoticeException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.contains("listed twice"))
                        .anyMatch(p -> p.contains("2027-10-13") && p.contains("WEDNESDAY"))
                        .anyMatch(p -> p.contains("2028-05-01 is not in 2027"))
                        .anyMatch(p -> p.contains("no holiday name")));
    }
}
