package org.griddesk.store.digest;

import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_CATEGORY;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.griddesk.domain.digest.Arrival;
import org.griddesk.domain.digest.HotSpot;
import org.griddesk.domain.digest.TicketRef;
import org.griddesk.domain.digest.Topic;
import org.griddesk.store.jooq.tables.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/// What the 专线舆情 digest counts, in SQL on the store (H2 and PostgreSQL): each key's requests on
/// the day and over the baseline in one grouped pass, the callers who came again, the day's
/// arrivals for the mass-incident check and the texts whose terms are counted.
public final class DigestRepository {
    private static final Region GRID = REGION.as("g");
    private static final Region COMMUNITY = REGION.as("c");
    private static final Region AREA = REGION.as("a");

    private final DSLContext dsl;

    public DigestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public static DigestRepository of(org.griddesk.store.Database db) {
        return new DigestRepository(db.dsl());
    }

    /// A key's count on the day and over the baseline days before it.
    public record KeyCount(String key, String name, String parentName, long today, long baseline) {
    }

    /// The span the digest reads: the baseline days `[baselineFrom, dayFrom)` and the day `[dayFrom, dayTo)`.
    public record Span(Instant baselineFrom, Instant dayFrom, Instant dayTo, Collection<String> channels) {
        Condition covers() {
            return TICKET.CHANNEL.in(channels).and(TICKET.REPORTED_AT.ge(at(baselineFrom))).and(TICKET.REPORTED_AT.lt(at(dayTo)));
        }

        Field<Integer> today() {
            return DSL.count().filterWhere(TICKET.REPORTED_AT.ge(at(dayFrom)));
        }

        Field<Integer> baseline() {
            return DSL.count().filterWhere(TICKET.REPORTED_AT.lt(at(dayFrom)));
        }
    }

    /// All requests: one row, key `*`.
    public KeyCount totals(Span span) {
        Record r = dsl.select(span.today(), span.baseline()).from(TICKET).where(span.covers()).fetchOne();
        return new KeyCount("*", "", "", r == null ? 0 : r.get(0, Long.class), r == null ? 0 : r.get(1, Long.class));
    }

    /// Per item of the taxonomy (requests with no item yet are not counted here).
    public List<KeyCount> items(Span span) {
        return dsl.select(TICKET.ITEM_CODE, TAXONOMY_ITEM.NAME, TAXONOMY_CATEGORY.NAME, span.today(), span.baseline())
                .from(TICKET).join(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(TICKET.ITEM_CODE))
                .join(TAXONOMY_CATEGORY).on(TAXONOMY_CATEGORY.CODE.eq(TAXONOMY_ITEM.CATEGORY_CODE))
                .where(span.covers())
                .groupBy(TICKET.ITEM_CODE, TAXONOMY_ITEM.NAME, TAXONOMY_CATEGORY.NAME)
                .fetch(r -> new KeyCount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /// Per category of the taxonomy (through the request's item).
    public List<KeyCount> categories(Span span) {
        return dsl.select(TAXONOMY_ITEM.CATEGORY_CODE, TAXONOMY_CATEGORY.NAME, span.today(), span.baseline())
                .from(TICKET).join(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(TICKET.ITEM_CODE))
                .join(TAXONOMY_CATEGORY).on(TAXONOMY_CATEGORY.CODE.eq(TAXONOMY_ITEM.CATEGORY_CODE))
                .where(span.covers())
                .groupBy(TAXONOMY_ITEM.CATEGORY_CODE, TAXONOMY_CATEGORY.NAME)
                .fetch(r -> new KeyCount(r.value1(), r.value2(), "", r.value3(), r.value4()));
    }

    /// Per community (the parent of the request's grid), with the name of its town or zone.
    public List<KeyCount> communities(Span span) {
        return dsl.select(COMMUNITY.CODE, COMMUNITY.NAME, AREA.NAME, span.today(), span.baseline())
                .from(TICKET).join(GRID).on(GRID.CODE.eq(TICKET.GRID_CODE))
                .join(COMMUNITY).on(COMMUNITY.CODE.eq(GRID.PARENT_CODE))
                .leftJoin(AREA).on(AREA.CODE.eq(COMMUNITY.PARENT_CODE))
                .where(span.covers())
                .groupBy(COMMUNITY.CODE, COMMUNITY.NAME, AREA.NAME)
                .fetch(r -> new KeyCount(r.value1(), r.value2(), r.value3() == null ? "" : r.value3(), r.value4(), r.value5()));
    }

    /// The grids of `community` with requests on the day, busiest first.
    public List<HotSpot.GridCount> gridsOnTheDay(Span span, String community) {
        Field<Integer> n = DSL.count();
        return dsl.select(GRID.CODE, GRID.NAME, n).from(TICKET).join(GRID).on(GRID.CODE.eq(TICKET.GRID_CODE))
                .where(onTheDay(span)).and(GRID.PARENT_CODE.eq(community))
                .groupBy(GRID.CODE, GRID.NAME).orderBy(n.desc(), GRID.CODE)
                .fetch(r -> new HotSpot.GridCount(r.value1(), r.value2(), r.value3()));
    }

    /// A caller (blind index) and their requests on the day and since `weekFrom`.
    public record CallerCount(String callerIndex, int today, int week) {
    }

    /// Callers of the day with at least `minToday` requests on it or `minWeek` since `weekFrom`, most first.
    public List<CallerCount> repeatCallers(Span span, Instant weekFrom, int minToday, int minWeek) {
        Field<Integer> today = span.today();
        Field<Integer> week = DSL.count();
        return dsl.select(TICKET.CALLER_PHONE_INDEX, today, week).from(TICKET)
                .where(TICKET.CHANNEL.in(span.channels())).and(TICKET.CALLER_PHONE_INDEX.isNotNull())
                .and(TICKET.REPORTED_AT.ge(at(weekFrom))).and(TICKET.REPORTED_AT.lt(at(span.dayTo())))
                .groupBy(TICKET.CALLER_PHONE_INDEX)
                .having(today.ge(minToday).or(week.ge(minWeek)))
                .orderBy(today.desc(), week.desc(), TICKET.CALLER_PHONE_INDEX)
                .fetch(r -> new CallerCount(r.value1(), r.value2(), r.value3())).stream()
                // a caller of the day only: one who did not call on it is no news in its digest (kept
                // out here: H2 2.4 fails on a third use of the filtered count in HAVING)
                .filter(c -> c.today() > 0).toList();
    }

    /// A caller's request: the ticket and the phone as stored (sealed).
    public record CallerTicket(String callerIndex, String sealedPhone, TicketRef ticket) {
    }

    /// The requests of these callers since `from` (up to the day's end), oldest first.
    public List<CallerTicket> callerTickets(Span span, Instant from, Collection<String> callerIndexes) {
        if (callerIndexes.isEmpty()) {
            return List.of();
        }
        return dsl.select(TICKET.CALLER_PHONE_INDEX, TICKET.CALLER_PHONE, TICKET.ID, TICKET.CODE, TICKET.REPORTED_AT, TICKET.SUMMARY)
                .from(TICKET).where(TICKET.CALLER_PHONE_INDEX.in(callerIndexes)).and(TICKET.CHANNEL.in(span.channels()))
                .and(TICKET.REPORTED_AT.ge(at(from))).and(TICKET.REPORTED_AT.lt(at(span.dayTo())))
                .orderBy(TICKET.REPORTED_AT, TICKET.ID)
                .fetch(r -> new CallerTicket(r.value1(), r.value2(),
                        new TicketRef(r.value3(), r.value4(), r.value5().toInstant(), r.value6())));
    }

    /// Requests reported in `[from, to)` as the mass-incident check sees them.
    public List<Arrival> arrivals(Collection<String> channels, Instant from, Instant to) {
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.REPORTED_AT, TICKET.SUMMARY, TICKET.CALLER_PHONE_INDEX, TICKET.ITEM_CODE,
                        TAXONOMY_ITEM.NAME, TAXONOMY_ITEM.CATEGORY_CODE, TAXONOMY_CATEGORY.NAME, TICKET.GRID_CODE, GRID.NAME,
                        GRID.PARENT_CODE, COMMUNITY.NAME, TICKET.OWNER_UNIT)
                .from(TICKET).leftJoin(TAXONOMY_ITEM).on(TAXONOMY_ITEM.CODE.eq(TICKET.ITEM_CODE))
                .leftJoin(TAXONOMY_CATEGORY).on(TAXONOMY_CATEGORY.CODE.eq(TAXONOMY_ITEM.CATEGORY_CODE))
                .leftJoin(GRID).on(GRID.CODE.eq(TICKET.GRID_CODE))
                .leftJoin(COMMUNITY).on(COMMUNITY.CODE.eq(GRID.PARENT_CODE))
                .where(TICKET.CHANNEL.in(channels)).and(TICKET.REPORTED_AT.ge(at(from))).and(TICKET.REPORTED_AT.lt(at(to)))
                .orderBy(TICKET.REPORTED_AT, TICKET.ID)
                .fetch(r -> new Arrival(new TicketRef(r.get(TICKET.ID), r.get(TICKET.CODE), r.get(TICKET.REPORTED_AT).toInstant(),
                        r.get(TICKET.SUMMARY)), r.get(TICKET.CALLER_PHONE_INDEX), r.get(TICKET.ITEM_CODE), r.get(TAXONOMY_ITEM.NAME),
                        r.get(TAXONOMY_ITEM.CATEGORY_CODE), r.get(TAXONOMY_CATEGORY.NAME), r.get(TICKET.GRID_CODE), r.get(GRID.NAME),
                        r.get(GRID.PARENT_CODE), r.get(COMMUNITY.NAME), r.get(TICKET.OWNER_UNIT)));
    }

    /// A request text and whether it is of the day (else of the baseline).
    public record Text(boolean today, String summary) {
    }

    /// The request texts of the baseline and the day (a few thousand; their terms are counted in Java).
    public List<Text> texts(Span span) {
        Instant dayFrom = span.dayFrom();
        List<Text> texts = new ArrayList<>();
        dsl.select(TICKET.REPORTED_AT, TICKET.SUMMARY).from(TICKET).where(span.covers()).fetchSize(1000)
                .forEach(r -> texts.add(new Text(!r.value1().toInstant().isBefore(dayFrom), r.value2())));
        return texts;
    }

    /// The day's requests behind a hot line (a term: the texts that contain it), oldest first.
    public List<TicketRef> ticketsOf(Span span, Topic topic, String key, int limit) {
        Condition which = switch (topic) {
            case ITEM -> TICKET.ITEM_CODE.eq(key);
            case CATEGORY -> TICKET.ITEM_CODE.in(DSL.select(TAXONOMY_ITEM.CODE).from(TAXONOMY_ITEM).where(TAXONOMY_ITEM.CATEGORY_CODE.eq(key)));
            case COMMUNITY -> TICKET.GRID_CODE.in(DSL.select(REGION.CODE).from(REGION).where(REGION.PARENT_CODE.eq(key)));
            case TERM -> TICKET.SUMMARY.contains(key);
        };
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.REPORTED_AT, TICKET.SUMMARY).from(TICKET).where(onTheDay(span)).and(which)
                .orderBy(TICKET.REPORTED_AT, TICKET.ID).limit(limit)
                .fetch(r -> new TicketRef(r.value1(), r.value2(), r.value3().toInstant(), r.value4()));
    }

    private static Condition onTheDay(Span span) {
        return TICKET.CHANNEL.in(span.channels()).and(TICKET.REPORTED_AT.ge(at(span.dayFrom())))
                .and(TICKET.REPORTED_AT.lt(at(span.dayTo())));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
