package org.griddesk.store.supervise;

import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.jooq.tables.Region;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/// Finds the hard cases in SQL on the store (H2 and PostgreSQL alike): a window function counts the
/// requests per place or caller, so only the tickets that are on the list leave the database.
final class HardCaseFinder {
    private static final Field<Integer> COUNT = DSL.field(DSL.name("n"), Integer.class);

    private final DSLContext dsl;
    private final WorkCalendar calendar;

    HardCaseFinder(DSLContext dsl, WorkCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /// Every case for the tickets `centreId` answers for (null: the whole district) at `now`.
    List<HardCase> find(String centreId, HardCaseRules rules, Instant now) {
        Instant windowStart = now.minus(java.time.Duration.ofDays(rules.windowDays()));
        Condition reportedInWindow = TICKET.REPORTED_AT.ge(TicketLines.odt(windowStart))
                .and(TICKET.STATE.ne(TicketState.REJECTED.name())).and(TicketLines.scope(centreId));
        // current: open, or reported or closed within the window
        Condition current = TICKET.STATE.ne(TicketState.REJECTED.name()).and(TicketLines.scope(centreId))
                .and(TicketLines.open().or(TICKET.CLOSED_AT.ge(TicketLines.odt(windowStart)))
                        .or(TICKET.REPORTED_AT.ge(TicketLines.odt(windowStart))));
        Region grid = REGION.as("g");
        Region community = REGION.as("c");

        List<HardCase> cases = new ArrayList<>();
        cases.addAll(repeats(HardCase.Reason.SAME_PLACE, TicketLines.ticketsWithItems(),
                reportedInWindow.and(TICKET.GRID_CODE.isNotNull()).and(TICKET.ADDRESS.isNotNull()), rules.repeatRequests(),
                List.of(TICKET.GRID_CODE, TICKET.ADDRESS), r -> r.get("k0", String.class) + " " + r.get("k1", String.class)));
        cases.addAll(repeats(HardCase.Reason.SAME_COMMUNITY_ITEM, TicketLines.ticketsWithItems()
                        .join(grid).on(grid.CODE.eq(TICKET.GRID_CODE))
                        .join(community).on(community.CODE.eq(grid.PARENT_CODE)),
                reportedInWindow.and(TICKET.ITEM_CODE.isNotNull()), rules.repeatRequests(),
                List.of(community.CODE, TICKET.ITEM_CODE, community.NAME, TAXONOMY_ITEM.NAME),
                r -> r.get("k2", String.class) + " · " + r.get("k3", String.class)));
        cases.addAll(repeats(HardCase.Reason.SAME_CALLER, TicketLines.ticketsWithItems(),
                reportedInWindow.and(TICKET.CALLER_PHONE_INDEX.isNotNull()), rules.repeatRequests(),
                List.of(TICKET.CALLER_PHONE_INDEX), r -> ""));

        LocalDate cutoffDay = calendar.nthWorkingDayBefore(WorkCalendar.localDate(now), rules.overdueWorkingDays());
        // due at 24:00 of a day before the cutoff day: more than N working days have passed since
        cases.addAll(single(HardCase.Reason.LONG_OVERDUE, TICKET.STATE.in(TicketLines.IN_HAND)
                .and(TICKET.DUE_AT.le(TicketLines.odt(WorkCalendar.endOf(cutoffDay.minusDays(1)))))
                .and(TicketLines.scope(centreId)), TICKET.DUE_AT));
        cases.addAll(single(HardCase.Reason.REOPENED, current.and(TICKET.REOPEN_COUNT.ge(rules.reopenedOrDissatisfied())),
                TICKET.REPORTED_AT));
        // one grouped pass over the callbacks, not a count per ticket
        cases.addAll(single(HardCase.Reason.DISSATISFIED, current.and(TICKET.ID.in(DSL.select(TICKET_CALLBACK.TICKET_ID)
                .from(TICKET_CALLBACK).where(TICKET_CALLBACK.RESULT.eq(CallbackResult.DISSATISFIED.name()))
                .groupBy(TICKET_CALLBACK.TICKET_ID).having(DSL.count().ge(rules.reopenedOrDissatisfied())))), TICKET.REPORTED_AT));
        cases.addAll(single(HardCase.Reason.ESCALATED, current.and(TICKET.WATCHING_UNITS.ne("")), TICKET.REPORTED_AT));
        return cases;
    }

    /// Tickets `where` selects whose `keys[0..partition)` are shared by at least `min` of them, one case per key.
    private List<HardCase> repeats(HardCase.Reason reason, Table<?> from, Condition where, int min, List<Field<?>> keys,
                                  Function<Record, String> label) {
        int partition = reason == HardCase.Reason.SAME_COMMUNITY_ITEM ? 2 : keys.size();
        List<SelectField<?>> fields = new ArrayList<>(TicketLines.FIELDS);
        for (int i = 0; i < keys.size(); i++) {
            fields.add(keys.get(i).as("k" + i));
        }
        fields.add(DSL.count().over(DSL.partitionBy(keys.subList(0, partition))).as(COUNT.getName()));
        Table<?> counted = dsl.select(fields).from(from).where(where).asTable("counted");
        Map<String, List<Record>> groups = new LinkedHashMap<>();
        List<Field<?>> order = new ArrayList<>();
        for (int i = 0; i < partition; i++) {
            order.add(counted.field("k" + i));
        }
        order.add(counted.field(TicketLines.REPORTED.getName()));
        order.add(counted.field(TicketLines.ID.getName()));
        for (Record r : dsl.select().from(counted).where(counted.field(COUNT).ge(min))
                .orderBy(order.stream().map(Field::asc).toList()).fetch()) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < partition; i++) {
                key.append(r.get("k" + i, String.class)).append('\u0001');
            }
            groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
        }
        return groups.values().stream()
                .map(rows -> new HardCase(reason, label.apply(rows.getFirst()), rows.stream().map(TicketLines::read).toList()))
                .toList();
    }

    /// One case per ticket `where` selects, in `order`.
    private List<HardCase> single(HardCase.Reason reason, Condition where, Field<?> order) {
        return dsl.select(TicketLines.FIELDS).from(TicketLines.ticketsWithItems()).where(where).orderBy(order.asc(), TICKET.ID.asc())
                .fetch(r -> new HardCase(reason, "", List.of(TicketLines.read(r))));
    }
}
