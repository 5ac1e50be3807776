package org.griddesk.domain.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/// Working days in Asia/Shanghai: Monday to Friday, minus the holidays of the State Council
/// notices, plus their swapped working days on weekends (调休).
///
/// ## The counting rule
///
/// A deadline of N working days counts from the working day *after* the day the ticket was
/// accepted, whatever the hour; the ticket is due at the end (24:00) of the Nth working day, which
/// is stored as 00:00 of the next calendar day. Accepted on Wednesday 2026-09-30 at 10:00 with 7
/// working days: the National Day holiday (10-01..10-07) is skipped, Saturday 10-10 is a swapped
/// working day, so the days are 10-08, 10-09, 10-10, 10-12, 10-13, 10-14, 10-15 and the ticket is due
/// at 2026-10-15 24:00.
///
/// A year without an imported notice counts weekends only; [#hasNotice] tells which years are
/// known so that the desk can warn.
///
/// ## Speed
///
/// Days from 2000 to 2099 are precomputed into two arrays (the running count of working days, and
/// the day of each working day), so a due date is two array reads: well under a microsecond.
/// China has kept UTC+8 without summer time since 1992, so the offset is a constant.
public final class WorkCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST = LocalDate.of(2099, 12, 31);
    private static final long FIRST_EPOCH_DAY = FIRST.toEpochDay();

    private final Map<LocalDate, HolidayDay> exceptions;
    private final SortedSet<Integer> noticeYears;
    private final WorkingHours workingHours;
    /// workingCount[i]: working days from FIRST up to and including FIRST + i
    private final int[] workingCount;
    /// workingDay[k]: offset from FIRST of the (k+1)-th working day
    private final int[] workingDay;

    private WorkCalendar(Map<LocalDate, HolidayDay> exceptions, SortedSet<Integer> noticeYears, WorkingHours hours) {
        this.exceptions = Map.copyOf(exceptions);
        this.noticeYears = noticeYears;
        this.workingHours = hours;
        int days = (int) (LAST.toEpochDay() - FIRST_EPOCH_DAY + 1);
        this.workingCount = new int[days];
        int[] byOrdinal = new int[days];
        int count = 0;
        for (int i = 0; i < days; i++) {
            if (kindOf(FIRST.plusDays(i)).isWorking()) {
                byOrdinal[count++] = i;
            }
            workingCount[i] = count;
        }
        this.workingDay = Arrays.copyOf(byOrdinal, count);
    }

    /// The calendar of the shipped notices (2024–2026).
    public static WorkCalendar builtIn() {
        return of(BuiltInNotices.all());
    }

    /// The shipped notices overlaid with `imported` ones: an imported year replaces a shipped one.
    public static WorkCalendar withImported(Collection<HolidayNotice> imported) {
        Map<Integer, HolidayNotice> byYear = new HashMap<>();
        BuiltInNotices.all().forEach(n -> byYear.put(n.year(), n));
        imported.forEach(n -> byYear.put(n.year(), n));
        return of(byYear.values());
    }

    public static WorkCalendar of(Collection<HolidayNotice> notices) {
        Map<LocalDate, HolidayDay> exceptions = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        for (HolidayNotice notice : notices) {
            years.add(notice.year());
            notice.days().forEach(d -> exceptions.put(d.date(), d));
        }
        return new WorkCalendar(exceptions, years, WorkingHours.DEFAULT);
    }

    public boolean hasNotice(int year) {
        return noticeYears.contains(year);
    }

    public SortedSet<Integer> noticeYears() {
        return Collections.unmodifiableSortedSet(noticeYears);
    }

    public DayKind kindOf(LocalDate date) {
        HolidayDay exception = exceptions.get(date);
        if (exception != null) {
            return exception.offDay() ? DayKind.HOLIDAY : DayKind.SWAPPED_WORKDAY;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? DayKind.WEEKEND : DayKind.WORKDAY;
    }

    public boolean isWorkingDay(LocalDate date) {
        return kindOf(date).isWorking();
    }

    /// The holiday a day belongs to (off day or swapped working day), if any.
    public Optional<String> holidayName(LocalDate date) {
        return Optional.ofNullable(exceptions.get(date)).map(HolidayDay::name);
    }

    /// The Nth working day after `start` (n ≥ 1; `start` itself never counts).
    public LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        long offset = start.toEpochDay() - FIRST_EPOCH_DAY;
        if (offset >= 0 && offset < workingCount.length) {
            int ordinal = workingCount[(int) offset] + n - 1;
            if (ordinal < workingDay.length) {
                return LocalDate.ofEpochDay(FIRST_EPOCH_DAY + workingDay[ordinal]);
            }
        }
        LocalDate day = start;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /// The Nth working day before `end` (n ≥ 1; `end` itself never counts).
    public LocalDate nthWorkingDayBefore(LocalDate end, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, was " + n);
        }
        LocalDate day = end;
        for (int left = n; left > 0; ) {
            day = day.minusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to` is not after).
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long a = from.toEpochDay() - FIRST_EPOCH_DAY;
        long b = to.toEpochDay() - FIRST_EPOCH_DAY;
        if (a >= 0 && b < workingCount.length) {
            return workingCount[(int) b] - workingCount[(int) a];
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            count += isWorkingDay(d) ? 1 : 0;
        }
        return count;
    }

    /// The due instant of a deadline of `workingDays` counted from `from` (see the counting rule).
    public Instant dueAt(Instant from, int workingDays) {
        LocalDate last = nthWorkingDayAfter(localDate(from), workingDays);
        return endOf(last);
    }

    /// Moves a due instant later by `workingDays`, as an approved extension does.
    public Instant extend(Instant due, int workingDays) {
        return endOf(nthWorkingDayAfter(dueDay(due), workingDays));
    }

    /// The last moment an extension may still be asked for: the end of the working day before the
    /// due day (DOMAIN §6: no later than 1 working day before the due date).
    public Instant extensionRequestDeadline(Instant due) {
        return endOf(nthWorkingDayBefore(dueDay(due), 1));
    }

    /// The working day a due instant (24:00 of that day) belongs to.
    public LocalDate dueDay(Instant due) {
        return localDate(due.minusNanos(1));
    }

    /// `from` plus working time: only hours inside working hours of working days count.
    public Instant addWorkingTime(Instant from, Duration amount) {
        return workingHours.add(this, from, amount);
    }

    public static LocalDate localDate(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond() + OFFSET.getTotalSeconds(), 86_400));
    }

    /// 24:00 of a day, i.e. 00:00 of the next, as an instant.
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay().toInstant(OFFSET);
    }

    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).toInstant(OFFSET);
    }
}
