package org.griddesk.store.assessment;

import static org.griddesk.domain.assessment.Measure.ACCEPTED;
import static org.griddesk.domain.assessment.Measure.ACCEPTED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DONE;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DUE;
import static org.griddesk.domain.assessment.Measure.CHECK_INS;
import static org.griddesk.domain.assessment.Measure.CHECK_INS_ON_TIME;
import static org.griddesk.domain.assessment.Measure.CONTACTED;
import static org.griddesk.domain.assessment.Measure.CONTACTED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.DISSATISFIED;
import static org.griddesk.domain.assessment.Measure.EXTENSIONS_APPROVED;
import static org.griddesk.domain.assessment.Measure.EXTENSIONS_ASKED;
import static org.griddesk.domain.assessment.Measure.FINISHED_LATE;
import static org.griddesk.domain.assessment.Measure.HANDLED_TIMED;
import static org.griddesk.domain.assessment.Measure.HANDLING_WORK_MINUTES;
import static org.griddesk.domain.assessment.Measure.OVERDUE_OPEN;
import static org.griddesk.domain.assessment.Measure.RECEIVED;
import static org.griddesk.domain.assessment.Measure.REOPENED;
import static org.griddesk.domain.assessment.Measure.REPEAT_REQUESTS;
import static org.griddesk.domain.assessment.Measure.RESOLVED;
import static org.griddesk.domain.assessment.Measure.RESOLVED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.RETURNS;
import static org.griddesk.domain.assessment.Measure.REWORKS;
import static org.griddesk.domain.assessment.Measure.URGES;
import static org.griddesk.domain.assessment.Measure.WHISTLES;
import static org.griddesk.store.assessment.Facts.flag;
import static org.griddesk.store.assessment.Facts.TICKET;
import static org.griddesk.store.assessment.WorkDays.epochSeconds;
import static org.griddesk.store.assessment.WorkDays.workSeconds;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicy;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/// The five kinds of [Facts] of a period, as `docs/assessment.md` defines each measure.
final class FactQueries {
    /// the trail's name of an event type (the record's simple name)
    static String type(Class<? extends TicketEvent> event) {
        return event.getSimpleName();
    }

    private static final String TOUCHED = "touched_id";
    private final TimingPolicy timing;

    FactQueries(TimingPolicy timing) {
        this.timing = timing;
    }

    /// Every kind, for a period whose open work is looked at `asOf` (its end, or now if sooner).
    List<Facts> all(Period period, Instant asOf) {
        return List.of(tickets(period), events(period), whistles(period), callbacks(period), overdue(asOf));
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Condition in(Field<OffsetDateTime> at, Period period) {
        return at.ge(odt(period.start())).and(at.lt(odt(period.end())));
    }

    /// Milestones of the ticket row: first accepted, first contacted, finally closed. The tickets are
    /// found through the period's events that set those milestones (the trail's time index), not
    /// by reading every ticket.
    Facts tickets(Period p) {
        Field<Long> reported = epochSeconds(TICKET.REPORTED_AT);
        Field<Long> accepted = epochSeconds(TICKET.ACCEPTED_AT);
        Field<Long> contacted = epochSeconds(TICKET.CONTACTED_AT);
        Field<OffsetDateTime> finished = DSL.coalesce(TICKET.HANDLED_AT, TICKET.ANSWERED_AT);
        Condition resolved = TICKET.STATE.eq(TicketState.CLOSED.name()).and(in(TICKET.CLOSED_AT, p));
        Condition onTime = resolved.and(finished.le(TICKET.DUE_AT));
        Condition timed = resolved.and(TICKET.ACCEPTED_AT.isNotNull()).and(finished.isNotNull());
        Field<Long> minutes = DSL.field("cast(floor(({0} - {1}) / 60.0) as bigint)", Long.class,
                workSeconds(finished), workSeconds(TICKET.ACCEPTED_AT));
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(ACCEPTED, flag(in(TICKET.ACCEPTED_AT, p)));
        values.put(ACCEPTED_ON_TIME, flag(in(TICKET.ACCEPTED_AT, p)
                .and(accepted.minus(reported).le(timing.acceptWithin().toSeconds()))));
        values.put(CONTACTED, flag(in(TICKET.CONTACTED_AT, p)));
        values.put(CONTACTED_ON_TIME, flag(in(TICKET.CONTACTED_AT, p).and(TICKET.ACCEPTED_AT.isNotNull())
                .and(contacted.minus(accepted).le(timing.contactWithin().toSeconds()))));
        values.put(RESOLVED, flag(resolved));
        values.put(RESOLVED_ON_TIME, flag(onTime));
        values.put(FINISHED_LATE, flag(resolved.andNot(onTime)));
        values.put(HANDLED_TIMED, flag(timed));
        values.put(HANDLING_WORK_MINUTES, DSL.when(timed, minutes).otherwise(DSL.inline(0L)));
        Condition where = in(TICKET.ACCEPTED_AT, p).or(in(TICKET.CONTACTED_AT, p)).or(in(TICKET.CLOSED_AT, p));
        var touched = DSL.selectDistinct(TICKET_EVENT.TICKET_ID.as(TOUCHED)).from(TICKET_EVENT)
                .where(in(TICKET_EVENT.OCCURRED_AT, p), TICKET_EVENT.EVENT_TYPE.in(type(TicketEvent.Accepted.class),
                        type(TicketEvent.CitizenContacted.class), type(TicketEvent.Answered.class), type(TicketEvent.Closed.class)))
                .asTable("kp");
        return new Facts(touched.leftJoin(TICKET).on(TICKET.ID.eq(touched.field(TOUCHED, Long.class))), where,
                TICKET.ASSIGNED_TEAM, values);
    }

    /// Trail events of the period counted one by one.
    Facts events(Period p) {
        Field<String> type = TICKET_EVENT.EVENT_TYPE;
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(RECEIVED, flag(type.eq(type(TicketEvent.Reported.class))));
        values.put(EXTENSIONS_ASKED, flag(type.eq(type(TicketEvent.ExtensionRequested.class))));
        values.put(EXTENSIONS_APPROVED, flag(type.eq(type(TicketEvent.ExtensionApproved.class))));
        values.put(RETURNS, flag(type.eq(type(TicketEvent.Returned.class))));
        values.put(REWORKS, flag(type.eq(type(TicketEvent.VerificationFailed.class))));
        values.put(URGES, flag(type.eq(type(TicketEvent.Urged.class))));
        values.put(REOPENED, flag(type.eq(type(TicketEvent.Reopened.class))));
        values.put(REPEAT_REQUESTS, flag(type.eq(type(TicketEvent.Merged.class))));
        values.put(CALLBACKS_DUE, flag(type.in(type(TicketEvent.VerificationPassed.class), type(TicketEvent.Answered.class))));
        Condition where = in(TICKET_EVENT.OCCURRED_AT, p).and(type.in(type(TicketEvent.Reported.class),
                type(TicketEvent.ExtensionRequested.class),
                type(TicketEvent.ExtensionApproved.class), type(TicketEvent.Returned.class),
                type(TicketEvent.VerificationFailed.class), type(TicketEvent.Urged.class),
                type(TicketEvent.Reopened.class), type(TicketEvent.Merged.class),
                type(TicketEvent.VerificationPassed.class), type(TicketEvent.Answered.class)));
        Field<String> team = DSL.when(type.eq(type(TicketEvent.Returned.class)), TICKET_EVENT.ACTOR_UNIT)
                .otherwise(TICKET.ASSIGNED_TEAM);
        return new Facts(TICKET_EVENT.leftJoin(TICKET).on(TICKET.ID.eq(TICKET_EVENT.TICKET_ID)), where, team, values);
    }

    /// Whistle rows: teams summoned, and their check-ins, in the period (the summoned team's).
    Facts whistles(Period p) {
        Condition checkedIn = in(WHISTLE.CHECKED_IN_AT, p);
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(WHISTLES, flag(in(WHISTLE.SUMMONED_AT, p)));
        values.put(CHECK_INS, flag(checkedIn));
        values.put(CHECK_INS_ON_TIME, flag(checkedIn.and(WHISTLE.CHECKED_IN_AT.le(WHISTLE.CHECK_IN_DUE))));
        return new Facts(WHISTLE.leftJoin(TICKET).on(TICKET.ID.eq(WHISTLE.TICKET_ID)), in(WHISTLE.SUMMONED_AT, p).or(checkedIn),
                WHISTLE.TEAM_UNIT, values);
    }

    /// Callback rows of the period, with what the citizen said.
    Facts callbacks(Period p) {
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(CALLBACKS_DONE, DSL.inline(1L));
        values.put(Measure.SATISFIED, flag(TICKET_CALLBACK.RESULT.in(CallbackResult.SATISFIED.name(),
                CallbackResult.BASICALLY_SATISFIED.name())));
        values.put(DISSATISFIED, flag(TICKET_CALLBACK.RESULT.eq(CallbackResult.DISSATISFIED.name())));
        return new Facts(TICKET_CALLBACK.leftJoin(TICKET).on(TICKET.ID.eq(TICKET_CALLBACK.TICKET_ID)),
                in(TICKET_CALLBACK.CALLED_AT, p), TICKET.ASSIGNED_TEAM, values);
    }

    /// Tickets open at `asOf` (no close, merge or rejection before it that a reopen before it did not
    /// undo) whose due time in force at `asOf` (the first due, moved by extensions approved before
    /// it) had passed.
    Facts overdue(Instant asOf) {
        OffsetDateTime at = odt(asOf);
        Field<OffsetDateTime> extended = DSL.field(DSL.select(DSL.max(EXTENSION_REQUEST.NEW_DUE_AT)).from(EXTENSION_REQUEST)
                .where(EXTENSION_REQUEST.TICKET_ID.eq(TICKET.ID), EXTENSION_REQUEST.STATUS.eq("APPROVED"),
                        EXTENSION_REQUEST.DECIDED_AT.lt(at)));
        Field<OffsetDateTime> dueThen = DSL.coalesce(extended, TICKET.ORIGINAL_DUE_AT);
        var ending = TICKET_EVENT.as("ending");
        var reopen = TICKET_EVENT.as("reopen");
        Condition closedThen = DSL.exists(DSL.selectOne().from(ending)
                .where(ending.TICKET_ID.eq(TICKET.ID), ending.OCCURRED_AT.lt(at),
                        ending.EVENT_TYPE.in(type(TicketEvent.Closed.class), type(TicketEvent.Merged.class),
                                type(TicketEvent.RejectedInvalid.class)),
                        DSL.notExists(DSL.selectOne().from(reopen).where(reopen.TICKET_ID.eq(TICKET.ID),
                                reopen.EVENT_TYPE.eq(type(TicketEvent.Reopened.class)), reopen.SEQ.gt(ending.SEQ),
                                reopen.OCCURRED_AT.lt(at)))));
        Condition endedBefore = TICKET.STATE.in(TicketState.CLOSED.name(), TicketState.MERGED.name(), TicketState.REJECTED.name())
                .and(TICKET.CLOSED_AT.lt(at));
        Condition where = TICKET.REPORTED_AT.lt(at).and(TICKET.ACCEPTED_AT.lt(at)).and(DSL.not(endedBefore))
                .and(TICKET.REOPEN_COUNT.eq(0).or(DSL.not(closedThen))).and(dueThen.lt(at));
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(OVERDUE_OPEN, DSL.inline(1L));
        return new Facts(TICKET, where, TICKET.ASSIGNED_TEAM, values);
    }
}
