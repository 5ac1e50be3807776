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
import static org.griddesk.store.assessment.WorkDays.epochSeconds;
import static org.griddesk.store.assessment.WorkDays.workSeconds;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
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

    /// Milestones of the ticket row: reported, first accepted, first contacted, finally closed.
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
        var table = DSL.select(TICKET.ID.as(Facts.TICKET_ID), TICKET.ASSIGNED_TEAM.as(Facts.TEAM),
                        flag(in(TICKET.REPORTED_AT, p), RECEIVED),
                        flag(in(TICKET.ACCEPTED_AT, p), ACCEPTED),
                        flag(in(TICKET.ACCEPTED_AT, p).and(accepted.minus(reported).le(timing.acceptWithin().toSeconds())),
                                ACCEPTED_ON_TIME),
                        flag(in(TICKET.CONTACTED_AT, p), CONTACTED),
                        flag(in(TICKET.CONTACTED_AT, p).and(TICKET.ACCEPTED_AT.isNotNull())
                                .and(contacted.minus(accepted).le(timing.contactWithin().toSeconds())), CONTACTED_ON_TIME),
                        flag(resolved, RESOLVED),
                        flag(onTime, RESOLVED_ON_TIME),
                        flag(resolved.andNot(onTime), FINISHED_LATE),
                        flag(timed, HANDLED_TIMED),
                        DSL.when(timed, minutes).otherwise(DSL.inline(0L)).as(Facts.column(HANDLING_WORK_MINUTES)))
                .from(TICKET)
                .where(in(TICKET.REPORTED_AT, p).or(in(TICKET.ACCEPTED_AT, p)).or(in(TICKET.CONTACTED_AT, p))
                        .or(in(TICKET.CLOSED_AT, p)))
                .asTable("f");
        return new Facts(table, List.of(RECEIVED, ACCEPTED, ACCEPTED_ON_TIME, CONTACTED, CONTACTED_ON_TIME, RESOLVED,
                RESOLVED_ON_TIME, FINISHED_LATE, HANDLED_TIMED, HANDLING_WORK_MINUTES));
    }

    /// Trail events of the period counted one by one.
    Facts events(Period p) {
        Field<String> type = TICKET_EVENT.EVENT_TYPE;
        var table = DSL.select(TICKET_EVENT.TICKET_ID.as(Facts.TICKET_ID),
                        DSL.when(type.eq(type(TicketEvent.Returned.class)), TICKET_EVENT.ACTOR_UNIT).as(Facts.TEAM),
                        flag(type.eq(type(TicketEvent.ExtensionRequested.class)), EXTENSIONS_ASKED),
                        flag(type.eq(type(TicketEvent.ExtensionApproved.class)), EXTENSIONS_APPROVED),
                        flag(type.eq(type(TicketEvent.Returned.class)), RETURNS),
                        flag(type.eq(type(TicketEvent.VerificationFailed.class)), REWORKS),
                        flag(type.eq(type(TicketEvent.Urged.class)), URGES),
                        flag(type.eq(type(TicketEvent.Reopened.class)), REOPENED),
                        flag(type.eq(type(TicketEvent.Merged.class)), REPEAT_REQUESTS),
                        flag(type.in(type(TicketEvent.VerificationPassed.class), type(TicketEvent.Answered.class)),
                                CALLBACKS_DUE))
                .from(TICKET_EVENT)
                .where(in(TICKET_EVENT.OCCURRED_AT, p), type.in(type(TicketEvent.ExtensionRequested.class),
                        type(TicketEvent.ExtensionApproved.class), type(TicketEvent.Returned.class),
                        type(TicketEvent.VerificationFailed.class), type(TicketEvent.Urged.class),
                        type(TicketEvent.Reopened.class), type(TicketEvent.Merged.class),
                        type(TicketEvent.VerificationPassed.class), type(TicketEvent.Answered.class)))
                .asTable("f");
        return new Facts(table, List.of(EXTENSIONS_ASKED, EXTENSIONS_APPROVED, RETURNS, REWORKS, URGES, REOPENED,
                REPEAT_REQUESTS, CALLBACKS_DUE));
    }

    /// Whistle rows: teams summoned, and their check-ins, in the period (the summoned team's).
    Facts whistles(Period p) {
        Condition checkedIn = in(WHISTLE.CHECKED_IN_AT, p);
        var table = DSL.select(WHISTLE.TICKET_ID.as(Facts.TICKET_ID), WHISTLE.TEAM_UNIT.as(Facts.TEAM),
                        flag(in(WHISTLE.SUMMONED_AT, p), WHISTLES),
                        flag(checkedIn, CHECK_INS),
                        flag(checkedIn.and(WHISTLE.CHECKED_IN_AT.le(WHISTLE.CHECK_IN_DUE)), CHECK_INS_ON_TIME))
                .from(WHISTLE)
                .where(in(WHISTLE.SUMMONED_AT, p).or(checkedIn))
                .asTable("f");
        return new Facts(table, List.of(WHISTLES, CHECK_INS, CHECK_INS_ON_TIME));
    }

    /// Callback rows of the period, with what the citizen said.
    Facts callbacks(Period p) {
        var table = DSL.select(TICKET_CALLBACK.TICKET_ID.as(Facts.TICKET_ID), DSL.inline((String) null).as(Facts.TEAM),
                        DSL.inline(1).as(Facts.column(CALLBACKS_DONE)),
                        flag(TICKET_CALLBACK.RESULT.in(CallbackResult.SATISFIED.name(), CallbackResult.BASICALLY_SATISFIED.name()),
                                Measure.SATISFIED),
                        flag(TICKET_CALLBACK.RESULT.eq(CallbackResult.DISSATISFIED.name()), DISSATISFIED))
                .from(TICKET_CALLBACK)
                .where(in(TICKET_CALLBACK.CALLED_AT, p))
                .asTable("f");
        return new Facts(table, List.of(CALLBACKS_DONE, Measure.SATISFIED, DISSATISFIED));
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
        var table = DSL.select(TICKET.ID.as(Facts.TICKET_ID), TICKET.ASSIGNED_TEAM.as(Facts.TEAM),
                        DSL.inline(1).as(Facts.column(OVERDUE_OPEN)))
                .from(TICKET)
                .where(TICKET.REPORTED_AT.lt(at), TICKET.ACCEPTED_AT.lt(at), DSL.not(endedBefore),
                        TICKET.REOPEN_COUNT.eq(0).or(DSL.not(closedThen)), dueThen.lt(at))
                .asTable("f");
        return new Facts(table, List.of(OVERDUE_OPEN));
    }
}
