package org.griddesk.store.calendar;

import static org.griddesk.store.jooq.Tables.CALENDAR_DAY;
import static org.griddesk.store.jooq.Tables.CALENDAR_NOTICE;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.griddesk.domain.calendar.HolidayDay;
import org.griddesk.domain.calendar.HolidayNotice;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.store.jooq.tables.records.CalendarDayRecord;
import org.jooq.DSLContext;

/// Holiday notices imported by an administrator. A year is replaced whole, in one transaction.
public final class CalendarRepository {
    private final DSLContext dsl;
    private final Clock clock;

    public CalendarRepository(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// Stores a (validated) notice, replacing any earlier one of the same year.
    public void importNotice(HolidayNotice notice, String source) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.NOTICE_YEAR.eq(notice.year())).execute();
            tx.deleteFrom(CALENDAR_NOTICE).where(CALENDAR_NOTICE.NOTICE_YEAR.eq(notice.year())).execute();
            var insert = tx.insertInto(CALENDAR_DAY, CALENDAR_DAY.DAY_DATE, CALENDAR_DAY.NOTICE_YEAR, CALENDAR_DAY.OFF_DAY,
                    CALENDAR_DAY.HOLIDAY_NAME);
            for (HolidayDay day : notice.days()) {
                insert = insert.values(day.date(), notice.year(), day.offDay(), day.name());
            }
            insert.execute();
            tx.insertInto(CALENDAR_NOTICE)
                    .set(CALENDAR_NOTICE.NOTICE_YEAR, notice.year())
                    .set(CALENDAR_NOTICE.IMPORTED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                    .set(CALENDAR_NOTICE.SOURCE, source.length() > 500 ? source.substring(0, 500) : source)
                    .execute();
        });
    }

    public List<HolidayNotice> imported() {
        Map<Integer, List<HolidayDay>> byYear = new TreeMap<>();
        for (CalendarDayRecord r : dsl.selectFrom(CALENDAR_DAY).orderBy(CALENDAR_DAY.DAY_DATE).fetch()) {
            byYear.computeIfAbsent(r.getNoticeYear(), y -> new ArrayList<>())
                    .add(new HolidayDay(r.getDayDate(), r.getHolidayName(), r.getOffDay()));
        }
        return byYear.entrySet().stream().map(e -> HolidayNotice.of(e.getKey(), e.getValue())).toList();
    }

    /// The calendar in force: shipped notices overlaid with the imported ones.
    public WorkCalendar workCalendar() {
        return WorkCalendar.withImported(imported());
    }
}
