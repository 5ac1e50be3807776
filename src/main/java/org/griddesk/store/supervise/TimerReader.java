package org.griddesk.store.supervise;

import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.domain.ticket.Whistle;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/// Reads a centre's [TimerLists] from the store. SQL narrows each list over indexed columns (open
/// whistles by `ix_whistle_open`, the centre's tickets by `ix_ticket_owner_state`) to the few
/// candidates; the working-day and per-ticket policy arithmetic is then done here, exactly as the
/// detail pane's [org.griddesk.domain.ticket.TicketTiming] does it.
public final class TimerReader {
    /// states in which the citizen should have been contacted: accepted and not finished yet
    static final List<String> AFTER_ACCEPTANCE = List.of(TicketState.ACCEPTED.name(), TicketState.DISPATCHED.name(),
            TicketState.RETURNED.name(), TicketState.IN_PROGRESS.name(), TicketState.ESCALATED.name(),
            TicketState.HANDLED.name());
    /// states waiting for a callback
    static final List<String> WAITING_CALLBACK = List.of(TicketState.VERIFIED.name(), TicketState.ANSWERED.name());

    private final DSLContext dsl;
    private final WorkCalendar calendar;

    public TimerReader(DSLContext dsl, WorkCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /// The lists of the tickets `centreId` answers for (null: the whole district) at `now`; late
    /// check-ins count from `since` (the shift's start).
    public TimerLists read(String centreId, TimingPolicies policies, Instant since, Instant now) {
        return new TimerLists(whistles(centreId, since, now), overdueContact(centreId, policies, now),
                overdueCallbacks(centreId, policies, now));
    }

    /// The tickets whose timers a centre's board shows: those it owns, and those it handed up and keeps
    /// sight of (escalated: its id among the watching units, matched whole); not those it handed over
    /// to another centre (移交), though it accepted them first. `null` centre: all.
    static Condition timersOf(String centreId) {
        if (centreId == null) {
            return DSL.trueCondition();
        }
        Field<String> watching = DSL.concat(DSL.inline(","), DSL.coalesce(TICKET.WATCHING_UNITS, DSL.inline("")), DSL.inline(","));
        return TICKET.OWNER_UNIT.eq(centreId).or(watching.contains("," + centreId + ","));
    }

    /// Open whistles of open tickets, and whistles checked in late since `since`: the centre's own
    /// tickets and those it watches (escalated from it).
    List<TimerLists.WhistleLine> whistles(String centreId, Instant since, Instant now) {
        Condition scope = timersOf(centreId);
        Condition which = WHISTLE.CHECKED_IN_AT.isNull()
                .or(WHISTLE.CHECKED_IN_AT.ge(TicketLines.odt(since)).and(WHISTLE.CHECKED_IN_AT.gt(WHISTLE.CHECK_IN_DUE)));
        List<TimerLists.WhistleLine> lines = new ArrayList<>();
        for (Record r : dsl.select(TicketLines.FIELDS).select(WHISTLE.TEAM_UNIT, WHISTLE.SUMMONED_AT, WHISTLE.CHECK_IN_DUE,
                        WHISTLE.CHECKED_IN_AT, WHISTLE.ROUND_NO)
                .from(WHISTLE.join(TicketLines.ticketsWithItems()).on(TICKET.ID.eq(WHISTLE.TICKET_ID)))
                .where(which, TicketLines.open(), scope)
                .fetch()) {
            Whistle w = new Whistle(r.get(WHISTLE.TEAM_UNIT), instant(r.get(WHISTLE.SUMMONED_AT)), instant(r.get(WHISTLE.CHECK_IN_DUE)),
                    instant(r.get(WHISTLE.CHECKED_IN_AT)), r.get(WHISTLE.ROUND_NO));
            lines.add(new TimerLists.WhistleLine(TicketLines.read(r), w));
        }
        // late first (most late first), then the open ones soonest due first
        lines.sort(Comparator.comparing((TimerLists.WhistleLine l) -> !l.lateAt(now))
                .thenComparing(l -> l.whistle().checkInDue()));
        return List.copyOf(lines);
    }

    /// Accepted, not contacted, past the contact limit of the policy the ticket was reported under.
    List<TimerLists.OverdueLine> overdueContact(String centreId, TimingPolicies policies, Instant now) {
        Duration shortest = policies.periods().stream().map(p -> p.policy().contactWithin()).min(Comparator.naturalOrder())
                .orElseThrow();
        List<TimerLists.OverdueLine> lines = new ArrayList<>();
        for (Record r : dsl.select(TicketLines.FIELDS).select(TICKET.ACCEPTED_AT)
                .from(TicketLines.ticketsWithItems())
                .where(timersOf(centreId), TICKET.STATE.in(AFTER_ACCEPTANCE), TICKET.CONTACTED_AT.isNull(),
                        TICKET.ACCEPTED_AT.le(TicketLines.odt(now.minus(shortest))))
                .fetch()) {
            TicketLine line = TicketLines.read(r);
            Instant due = instant(r.get(TICKET.ACCEPTED_AT)).plus(policies.at(line.reportedAt()).contactWithin());
            if (now.isAfter(due)) {
                lines.add(new TimerLists.OverdueLine(line, due));
            }
        }
        return mostOverdueFirst(lines);
    }

    /// Verified (or answered directly), not called back, past the callback working days after it.
    List<TimerLists.OverdueLine> overdueCallbacks(String centreId, TimingPolicies policies, Instant now) {
        List<TimerLists.OverdueLine> lines = new ArrayList<>();
        for (Record r : dsl.select(TicketLines.FIELDS).select(TICKET.VERIFIED_AT, TICKET.ANSWERED_AT)
                .from(TicketLines.ticketsWithItems())
                .where(timersOf(centreId), TICKET.STATE.in(WAITING_CALLBACK), TICKET.CALLED_BACK_AT.isNull(),
                        TICKET.VERIFIED_AT.lt(TicketLines.odt(now)).or(TICKET.ANSWERED_AT.lt(TicketLines.odt(now))))
                .fetch()) {
            TicketLine line = TicketLines.read(r);
            Instant answered = instant(r.get(TICKET.ANSWERED_AT));
            Instant from = answered != null ? answered : instant(r.get(TICKET.VERIFIED_AT));
            if (from == null) {
                continue;
            }
            TimingPolicy policy = policies.at(line.reportedAt());
            Instant due = calendar.dueAt(from, policy.callbackWorkingDays());
            if (now.isAfter(due)) {
                lines.add(new TimerLists.OverdueLine(line, due));
            }
        }
        return mostOverdueFirst(lines);
    }

    private static List<TimerLists.OverdueLine> mostOverdueFirst(List<TimerLists.OverdueLine> lines) {
        return lines.stream().sorted(Comparator.comparing(TimerLists.OverdueLine::dueAt)).toList();
    }

    private static Instant instant(OffsetDateTime odt) {
        return TicketLines.instant(odt);
    }
}
