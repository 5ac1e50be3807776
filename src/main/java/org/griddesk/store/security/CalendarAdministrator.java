package org.griddesk.store.security;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.griddesk.domain.calendar.BuiltInNotices;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.calendar.HolidayNotice;
import org.griddesk.security.Session;
import org.griddesk.store.calendar.CalendarRepository;

/// The holiday calendar for [DistrictAdministrationService]: a day's change is made to the notice in
/// force for its year (the imported one, else the shipped one) and the whole year stored again
/// through [CalendarRepository], which the deadlines read. A swapped working day falls on a
/// weekend, a day off names its holiday; [HolidayNotice#of] checks the year whole as an import does.
final class CalendarAdministrator {
    private static final int MAX_NAME = 50;

    private final DistrictEdit edit;
    private final Clock clock;

    CalendarAdministrator(DistrictEdit edit, Clock clock) {
        this.edit = edit;
        this.clock = clock;
    }

    List<HolidayDay> days(Session by, int year) {
        edit.require(by, "calendar:" + year);
        return notice(year).map(HolidayNotice::days).orElse(List.of()).stream().filter(d -> d.date().getYear() == year).toList();
    }

    void mark(Session by, LocalDate date, boolean offDay, String name) {
        String target = target(date);
        edit.require(by, target);
        checkYear(by, target, date);
        String typed = DistrictEdit.typed(name);
        if (!DistrictEdit.name(typed, MAX_NAME)) {
            throw edit.refuse(by, target, "admin.district.calendar.badName", MAX_NAME);
        }
        if (!offDay && !weekend(date)) {
            throw edit.refuse(by, target, "admin.district.calendar.swapOnWeekday", date);
        }
        List<HolidayDay> days = withoutDay(date);
        days.add(new HolidayDay(date, typed, offDay));
        store(by, target, date, days, (offDay ? "day off " : "working day ") + typed);
    }

    void unmark(Session by, LocalDate date) {
        String target = target(date);
        edit.require(by, target);
        checkYear(by, target, date);
        List<HolidayDay> days = withoutDay(date);
        if (days.size() == notice(date.getYear()).map(n -> n.days().size()).orElse(0)) {
            throw edit.refuse(by, target, "admin.district.calendar.notMarked", date);
        }
        if (days.isEmpty()) {
            throw edit.refuse(by, target, "admin.district.calendar.lastDay", date.getYear());
        }
        store(by, target, date, days, "ordinary day");
    }

    private void store(Session by, String target, LocalDate date, List<HolidayDay> days, String detail) {
        HolidayNotice notice;
        try {
            notice = HolidayNotice.of(date.getYear(), days);
        } catch (HolidayNotice.InvalidNoticeException e) {
            throw edit.refuse(by, target, "admin.district.calendar.invalid", String.join("; ", e.problems()));
        }
        edit.commit(by, target, detail, tx -> new CalendarRepository(tx, clock).importNotice(notice, "desk: " + by.username()));
    }

    /// The year's days in force without `date`'s, as a list to change.
    private List<HolidayDay> withoutDay(LocalDate date) {
        List<HolidayDay> days = new ArrayList<>(notice(date.getYear()).map(HolidayNotice::days).orElse(List.of()));
        days.removeIf(d -> d.date().equals(date));
        return days;
    }

    private Optional<HolidayNotice> notice(int year) {
        return new CalendarRepository(edit.dsl(), clock).imported().stream().filter(n -> n.year() == year).findFirst()
                .or(() -> BuiltInNotices.all().stream().filter(n -> n.year() == year).findFirst());
    }

    private void checkYear(Session by, String target, LocalDate date) {
        if (date == null || date.getYear() < 2000 || date.getYear() > 2099) {
            throw edit.refuse(by, target, "admin.district.calendar.badDate");
        }
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String target(LocalDate date) {
        return "calendar:" + (date == null ? "" : date.toString());
    }
}
