package org.griddesk.domain.assessment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import org.griddesk.domain.calendar.WorkCalendar;

/// A range of whole days in Beijing time, first and last day included: an event belongs to the period
/// when `start() <= occurredAt < end()`.
///
/// @param kind  how it was asked for (decides the previous period a ranking compares with)
/// @param first the first day
/// @param last  the last day (not before the first)
public record Period(PeriodKind kind, LocalDate first, LocalDate last) {
    /// no period longer than this: three years of days is more than any report reads
    public static final int MAX_DAYS = 3 * 366;

    public Period {
        if (kind == null || first == null || last == null) {
            throw new IllegalArgumentException("一个统计期需要类型、起始日和截止日");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("统计期的截止日 " + last + " 早于起始日 " + first);
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("统计期超过 " + MAX_DAYS + " 天: " + first + " 至 " + last);
        }
    }

    public static Period day(LocalDate day) {
        return new Period(PeriodKind.DAY, day, day);
    }

    /// the Monday-to-Sunday week holding `day`
    public static Period weekOf(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Period(PeriodKind.WEEK, monday, monday.plusDays(6));
    }

    public static Period month(YearMonth month) {
        return new Period(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static Period custom(LocalDate first, LocalDate last) {
        return new Period(PeriodKind.CUSTOM, first, last);
    }

    /// Reads `2026-11` (a month), `2026-11-05` (a day), `2026-W45` (an ISO week) or `2026-11-01..2026-11-15`.
    ///
    /// @throws IllegalArgumentException with the reason in words when the text is none of these
    public static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        try {
            if (t.contains("..")) {
                String[] ends = t.split("\\.\\.", -1);
                if (ends.length == 2) {
                    return custom(LocalDate.parse(ends[0].strip()), LocalDate.parse(ends[1].strip()));
                }
            } else if (t.matches("\\d{4}-W\\d{1,2}")) {
                int year = Integer.parseInt(t.substring(0, 4));
                int week = Integer.parseInt(t.substring(6));
                LocalDate monday = LocalDate.of(year, 1, 4)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(week - 1L);
                if (week < 1 || week > 53 || monday.plusDays(3).getYear() != year) {
                    throw new IllegalArgumentException(year + " 年没有第 " + week + " 周");
                }
                return weekOf(monday);
            } else if (t.matches("\\d{4}-\\d{1,2}")) {
                return month(YearMonth.parse(t.length() == 6 ? t.substring(0, 5) + "0" + t.substring(5) : t));
            } else if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return day(LocalDate.parse(t));
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("不存在的日期: " + t);
        }
        throw new IllegalArgumentException(
                "看不懂的统计期 '" + t + "': 写 2026-11 (月), 2026-W45 (周), 2026-11-05 (日) 或 2026-11-01..2026-11-15");
    }

    /// the first instant of the period (00:00 Beijing time of the first day)
    public Instant start() {
        return first.atStartOfDay(WorkCalendar.ZONE).toInstant();
    }

    /// the first instant after the period (00:00 Beijing time of the day after the last)
    public Instant end() {
        return last.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /// The period a ranking compares with: the month, week or day before; for a custom range the
    /// same number of days just before it.
    public Period previous() {
        return switch (kind) {
            case DAY -> day(first.minusDays(1));
            case WEEK -> weekOf(first.minusWeeks(1));
            case MONTH -> month(YearMonth.from(first).minusMonths(1));
            case CUSTOM -> custom(first.minusDays(days()), first.minusDays(1));
        };
    }

    /// how people write it: `2026-11`, `2026-W45`, `2026-11-05`, `2026-11-01..2026-11-15`
    public String label() {
        return switch (kind) {
            case DAY -> first.toString();
            case MONTH -> YearMonth.from(first).toString();
            case WEEK -> String.format("%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR), first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case CUSTOM -> first + ".." + last;
        };
    }
}
