package org.griddesk.domain.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/// A year's holiday notice (国务院办公厅关于某年部分节假日安排的通知) as days off and swapped
/// working days. Built only through [#of], which checks it whole: a notice is taken entirely or
/// not at all.
public record HolidayNotice(int year, List<HolidayDay> days) {

    public HolidayNotice {
        days = List.copyOf(days);
    }

    /// Validates and builds a notice; every problem found is listed in the exception's message.
    public static HolidayNotice of(int year, List<HolidayDay> days) {
        List<String> problems = new ArrayList<>();
        if (year < 2000 || year > 2099) {
            problems.add("year " + year + " is outside 2000–2099");
        }
        if (days == null || days.isEmpty()) {
            problems.add("the notice lists no days");
            throw new InvalidNoticeException(problems);
        }
        Set<LocalDate> seen = new HashSet<>();
        for (HolidayDay day : days) {
            if (!belongsTo(day.date(), year)) {
                problems.add(day.date() + " is not in " + year);
            }
            if (!seen.add(day.date())) {
                problems.add(day.date() + " is listed twice");
            }
            if (!day.offDay() && !isWeekend(day.date())) {
                problems.add(day.date() + " is marked a swapped working day but is a " + day.date().getDayOfWeek()
                        + " (swapped working days fall on weekends)");
            }
            if (day.name().isEmpty()) {
                problems.add(day.date() + " has no holiday name");
            }
            if (day.name().length() > 50) {
                problems.add(day.date() + " has a name longer than 50 characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidNoticeException(problems);
        }
        List<HolidayDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(HolidayDay::date));
        return new HolidayNotice(year, sorted);
    }

    /// A notice covers its year, and a New Year holiday may reach into the neighbouring December
    /// or January (e.g. 2023's notice lists 2022-12-31).
    private static boolean belongsTo(LocalDate date, int year) {
        return date.getYear() == year
                || (date.getYear() == year - 1 && date.getMonthValue() == 12)
                || (date.getYear() == year + 1 && date.getMonthValue() == 1);
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /// Refused notice, with every reason.
    public static final class InvalidNoticeException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidNoticeException(List<String> problems) {
            super("invalid holiday notice: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
