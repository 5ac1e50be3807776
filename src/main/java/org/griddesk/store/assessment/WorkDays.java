package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.KPI_WORK_DAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// The day table `kpi_work_day` (migration V22) kept equal to a [WorkCalendar]: each day from
/// [#FIRST] to [#LAST] with whether it is a working day and the working seconds before it. Working
/// time between two instants is then one lookup at each end ([#workSeconds]).
public final class WorkDays {
    /// the first day the table holds: before any ticket a district keeps
    public static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    /// the last day: past any period a report is asked for today
    public static final LocalDate LAST = LocalDate.of(2040, 12, 31);
    static final long SECONDS_PER_DAY = 86_400;
    /// Beijing time is UTC+8 all year (no summer time since 1992)
    static final long OFFSET_SECONDS = 8 * 3_600;

    private WorkDays() {
    }

    /// Rewrites the table when it differs from the calendar (first use, an imported notice).
    /// Returns true when it wrote.
    public static boolean sync(DSLContext dsl, WorkCalendar calendar) {
        List<Day> wanted = days(calendar);
        List<Day> stored = dsl.select(KPI_WORK_DAY.EPOCH_DAY, KPI_WORK_DAY.WORKING, KPI_WORK_DAY.WORK_SECONDS_BEFORE)
                .from(KPI_WORK_DAY).orderBy(KPI_WORK_DAY.EPOCH_DAY)
                .fetch(r -> new Day(r.value1(), r.value2(), r.value3()));
        if (stored.equals(wanted)) {
            return false;
        }
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(KPI_WORK_DAY).execute();
            var insert = t.batch(t.insertInto(KPI_WORK_DAY, KPI_WORK_DAY.EPOCH_DAY, KPI_WORK_DAY.DAY_DATE, KPI_WORK_DAY.WORKING,
                    KPI_WORK_DAY.WORK_SECONDS_BEFORE).values((Integer) null, null, null, null));
            for (Day d : wanted) {
                insert.bind(d.epochDay(), LocalDate.ofEpochDay(d.epochDay()), d.working(), d.workSecondsBefore());
            }
            insert.execute();
        });
        return true;
    }

    /// The table's rows as the calendar makes them.
    static List<Day> days(WorkCalendar calendar) {
        List<Day> days = new ArrayList<>();
        long before = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            boolean working = calendar.isWorkingDay(d);
            days.add(new Day((int) d.toEpochDay(), working, before));
            before += working ? SECONDS_PER_DAY : 0;
        }
        return days;
    }

    /// One row: the day, whether it is a working day, the working seconds before it.
    record Day(int epochDay, boolean working, long workSecondsBefore) {
    }

    /// Whole epoch seconds of a timestamp, in SQL (the same in H2 and PostgreSQL).
    static Field<Long> epochSeconds(Field<?> timestamp) {
        return DSL.field("cast(floor(extract(epoch from {0})) as bigint)", Long.class, timestamp);
    }

    /// The Beijing day number (days since 1970-01-01) of an epoch second, in SQL.
    static Field<Integer> epochDay(Field<Long> epochSeconds) {
        return DSL.field("cast(floor(({0} + {1}) / {2}) as int)", Integer.class, epochSeconds,
                DSL.inline(OFFSET_SECONDS), DSL.inline((double) SECONDS_PER_DAY));
    }

    /// The working seconds from [#FIRST] to `timestamp`, in SQL: the day's row, plus the time into
    /// the day when it is a working day. Null outside the table's days.
    static Field<Long> workSeconds(Field<?> timestamp) {
        Field<Long> seconds = epochSeconds(timestamp);
        var day = KPI_WORK_DAY.as("wd");
        Field<Long> into = seconds.plus(DSL.inline(OFFSET_SECONDS)).minus(day.EPOCH_DAY.cast(Long.class).mul(DSL.inline(SECONDS_PER_DAY)));
        return DSL.field(DSL.select(day.WORK_SECONDS_BEFORE.plus(DSL.when(day.WORKING.isTrue(), into).otherwise(DSL.inline(0L))))
                .from(day).where(day.EPOCH_DAY.eq(epochDay(seconds))));
    }

    /// The same in Java, for one instant (the replay and tests): null outside the table's days.
    public static Long workSeconds(WorkCalendar calendar, java.time.Instant at) {
        long seconds = at.getEpochSecond();
        long epochDay = Math.floorDiv(seconds + OFFSET_SECONDS, SECONDS_PER_DAY);
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        if (day.isBefore(FIRST) || day.isAfter(LAST)) {
            return null;
        }
        long before = (long) calendar.workingDaysBetween(FIRST.minusDays(1), day.minusDays(1)) * SECONDS_PER_DAY;
        long into = seconds + OFFSET_SECONDS - epochDay * SECONDS_PER_DAY;
        return before + (calendar.isWorkingDay(day) ? into : 0);
    }
}
