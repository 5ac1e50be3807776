package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.DUPLICATE_SUGGESTION;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.INTAKE_DETAIL;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.VIDEO_ALARM;
import static org.griddesk.store.jooq.Tables.WHISTLE;
import static org.griddesk.store.ticket.TicketRows.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transfer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The open tickets as the intake queue lists them, in one query: what each row shows, with its
/// duplicate suggestions, open whistles and folded alarm repeats counted.
public final class QueueRepository {
    /// the queue shows the start of a request's text; the detail pane shows all of it
    static final int SHORT_TEXT = 80;

    /// One row of the queue. `itemCode` is the accepted item, else the channel's hint (or null);
    /// `acceptedAt` and `dueAt` are null until accepted.
    public record QueueRow(long id, String code, Channel channel, TicketState state, String shortText, String gridCode,
                           String itemCode, String ownerUnitId, String assignedTeamId, String deadlineClass,
                           Instant reportedAt, Instant acceptedAt, Instant dueAt, boolean urgent, int duplicates,
                           int openWhistles, int repeats, boolean extensionPending, int urges, String watchingUnits,
                           List<String> summonedTeams, Transfer transfer, int returns, int reworks, boolean placeReview) {
    }

    private final DSLContext dsl;

    public QueueRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Every open ticket, oldest first.
    public List<QueueRow> openTickets() {
        return openTickets(DSL.noCondition());
    }

    /// Those of these tickets that are open, oldest first: what a desk reads after the change feed
    /// named them, instead of the whole queue.
    public List<QueueRow> openTickets(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : openTickets(TICKET.ID.in(ids));
    }

    /// how many ids one read names: a drill-down may list thousands, and a long `IN` list is slow to
    /// plan (and PostgreSQL's driver takes at most 32,767 parameters)
    static final int CHUNK = 1000;

    /// The rows of these tickets whatever their state (closed ones too), in the order of `ids`; ids
    /// with no ticket are left out. Read [#CHUNK] at a time: what a drill-down list shows.
    public List<QueueRow> tickets(List<Long> ids) {
        Map<Long, QueueRow> byId = new HashMap<>();
        List<Long> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            rows(TICKET.ID.in(chunk), DSL.noCondition()).forEach(r -> byId.put(r.id(), r));
        }
        return distinct.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private List<QueueRow> openTickets(Condition which) {
        return rows(which, TicketRows.open());
    }

    private List<QueueRow> rows(Condition which, Condition states) {
        var duplicates = DSL.field(DSL.selectCount().from(DUPLICATE_SUGGESTION).where(DUPLICATE_SUGGESTION.TICKET_ID.eq(TICKET.ID)));
        var whistles = DSL.field(DSL.selectCount().from(WHISTLE)
                .where(WHISTLE.TICKET_ID.eq(TICKET.ID), WHISTLE.CHECKED_IN_AT.isNull()));
        var alarms = DSL.field(DSL.selectCount().from(VIDEO_ALARM).where(VIDEO_ALARM.TICKET_ID.eq(TICKET.ID)));
        var pending = DSL.field(DSL.selectCount().from(EXTENSION_REQUEST)
                .where(EXTENSION_REQUEST.TICKET_ID.eq(TICKET.ID), EXTENSION_REQUEST.STATUS.eq("PENDING")));
        Map<Long, List<String>> summoned = new HashMap<>();
        Map<Long, Transfer> transfers = new HashMap<>();
        // the few tickets handed over (移交) or refused: read apart, so the queue's one query keeps its shape
        dsl.select(TICKET.ID, TICKET.TRANSFER_FROM, TICKET.TRANSFER_TO, TICKET.TRANSFER_REASON, TICKET.TRANSFER_AT,
                        TICKET.TRANSFER_REFUSAL).from(TICKET)
                .where(TICKET.TRANSFER_TO.isNotNull(), states, which)
                .forEach(r -> transfers.put(r.value1(), new Transfer(r.value2(), r.value3(), r.value4(), instant(r.value5()),
                        r.value6())));
        // the few a new map left to a person (复核定位): apart too
        Set<Long> reviews = new HashSet<>(dsl.select(TICKET.ID).from(TICKET).where(TICKET.PLACE_REVIEW.isNotNull(), states, which)
                .fetch(TICKET.ID));
        dsl.select(WHISTLE.TICKET_ID, WHISTLE.TEAM_UNIT).from(WHISTLE).join(TICKET).on(TICKET.ID.eq(WHISTLE.TICKET_ID))
                .where(WHISTLE.CHECKED_IN_AT.isNull(), states, which)
                .forEach(r -> summoned.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return dsl.select(TICKET.ID, TICKET.CODE, TICKET.CHANNEL, TICKET.STATE, DSL.substring(TICKET.SUMMARY, 1, SHORT_TEXT),
                        TICKET.GRID_CODE, DSL.coalesce(TICKET.ITEM_CODE, INTAKE_DETAIL.ITEM_HINT), TICKET.OWNER_UNIT,
                        TICKET.ASSIGNED_TEAM, TICKET.DEADLINE_CLASS, TICKET.REPORTED_AT, TICKET.ACCEPTED_AT, TICKET.DUE_AT,
                        INTAKE_DETAIL.URGENT, duplicates, whistles, alarms, pending, TICKET.URGE_COUNT, TICKET.WATCHING_UNITS,
                        TICKET.RETURN_COUNT, TICKET.REWORK_COUNT)
                .from(TICKET).leftJoin(INTAKE_DETAIL).on(INTAKE_DETAIL.TICKET_ID.eq(TICKET.ID))
                .where(states, which)
                .orderBy(TICKET.ID)
                .fetch(r -> new QueueRow(r.value1(), r.value2(), Channel.valueOf(r.value3()), TicketState.valueOf(r.value4()),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), instant(r.value11()),
                        r.value12() == null ? null : instant(r.value12()), r.value13() == null ? null : instant(r.value13()),
                        Boolean.TRUE.equals(r.value14()), r.value15(), r.value16(), Math.max(0, r.value17() - 1),
                        r.value18() > 0, r.value19(), r.value20(), summoned.getOrDefault(r.value1(), List.of()),
                        transfers.get(r.value1()), r.value21(), r.value22(), reviews.contains(r.value1())));
    }

    /// How many tickets each team has in hand: dispatched to it and not yet reported handled.
    public Map<String, Integer> teamLoads() {
        Map<String, Integer> loads = new HashMap<>();
        dsl.select(TICKET.ASSIGNED_TEAM, DSL.count()).from(TICKET)
                .where(TICKET.STATE.in(TicketState.DISPATCHED.name(), TicketState.IN_PROGRESS.name()), TICKET.ASSIGNED_TEAM.isNotNull())
                .groupBy(TICKET.ASSIGNED_TEAM)
                .forEach(r -> loads.put(r.value1(), r.value2()));
        return loads;
    }

    /// The wall's figures: requests received since `dayStart` by channel, and of the tickets closed
    /// since `closedSince` with a deadline, how many were handled by it.
    public record Figures(Map<Channel, Integer> todayByChannel, int closed, int closedOnTime) {
        public int today() {
            return todayByChannel.values().stream().mapToInt(Integer::intValue).sum();
        }

        /// Share closed on time, 0–1 (1 when nothing closed).
        public double onTimeRate() {
            return closed == 0 ? 1 : (double) closedOnTime / closed;
        }
    }

    public Figures figures(Instant dayStart, Instant closedSince) {
        Map<Channel, Integer> today = new EnumMap<>(Channel.class);
        dsl.select(TICKET.CHANNEL, DSL.count()).from(TICKET).where(TICKET.REPORTED_AT.ge(TicketRows.odt(dayStart)))
                .groupBy(TICKET.CHANNEL).fetch().forEach(r -> today.put(Channel.valueOf(r.value1()), r.value2()));
        var closed = dsl.select(DSL.count(), DSL.count().filterWhere(TICKET.HANDLED_AT.le(TICKET.DUE_AT)))
                .from(TICKET).where(TICKET.CLOSED_AT.ge(TicketRows.odt(closedSince)), TICKET.DUE_AT.isNotNull(), TICKET.HANDLED_AT.isNotNull(),
                        TICKET.STATE.eq(TicketState.CLOSED.name()))
                .fetchOne();
        return new Figures(today, closed.value1(), closed.value2());
    }
}
