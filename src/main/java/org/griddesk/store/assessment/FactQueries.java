package org.griddesk.store.assessment;

import static org.griddesk.domain.assessment.Measure.ACCEPTED;
import static org.griddesk.domain.assessment.Measure.ACCEPTED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DONE;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DUE;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DUE_DONE;
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
import static org.griddesk.domain.assessment.Measure.RESOLVED_OF_ACCEPTED;
import static org.griddesk.domain.assessment.Measure.RESOLVED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.RETURNS;
import static org.griddesk.domain.assessment.Measure.REWORKS;
import static org.griddesk.domain.assessment.Measure.URGES;
import static org.griddesk.domain.assessment.Measure.WHISTLES;
import static org.griddesk.domain.assessment.Measure.WHISTLES_ANSWERED_ON_TIME;
import static org.griddesk.store.assessment.Facts.flag;
import static org.griddesk.store.assessment.Facts.TICKET;
import static org.griddesk.store.assessment.WorkDays.epochSeconds;
import static org.griddesk.store.assessment.WorkDays.workSeconds;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.KPI_WORK_DAY;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.jooq.CaseConditionStep;
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
    private final TimingPolicies timing;

    FactQueries(TimingPolicies timing) {
        this.timing = timing;
    }

    /// A limit of the timing policy, in seconds, of the policy in force when the ticket was reported:
    /// the first period's unless a later one had started by then.
    private Field<Long> limitSeconds(Function<TimingPolicy, Duration> limit) {
        List<TimingPolicies.Period> periods = timing.periods();
        Field<Long> first = DSL.inline(limit.apply(periods.getFirst().policy()).toSeconds());
        if (periods.size() == 1) {
            return first;
        }
        CaseConditionStep<Long> latestFirst = null;
        for (int i = periods.size() - 1; i >= 1; i--) {
            Condition since = TICKET.REPORTED_AT.ge(odt(periods.get(i).from()));
            Field<Long> seconds = DSL.inline(limit.apply(periods.get(i).policy()).toSeconds());
            latestFirst = latestFirst == null ? DSL.when(since, seconds) : latestFirst.when(since, seconds);
        }
        return latestFirst.otherwise(first);
    }

    /// Every kind, for a period whose open work is looked at `asOf` (its end, or now if sooner).
    List<Facts> all(Period period, Instant asOf) {
        CohortEnd end = endOf(period);
        return List.of(tickets(period, end), events(period, end), whistles(period, end), callbacks(period), overdue(asOf));
    }

    /// When the cohort of a rate (the tickets accepted, the summonses, the callbacks due in a period)
    /// is closed: whether a later time of a row (its close, check-in, callback) came in time, given the
    /// time that put the row in the period.
    @FunctionalInterface
    interface CohortEnd {
        Condition inTime(Field<OffsetDateTime> later, Field<OffsetDateTime> start);
    }

    /// the cohort closes when the period ends
    static CohortEnd endOf(Period period) {
        Field<OffsetDateTime> end = DSL.inline(odt(period.end()));
        return (later, start) -> later.lt(end);
    }

    /// each row's cohort closes at the end of its own Beijing day (the facts split by day)
    static final CohortEnd OWN_DAY = (later, start) -> dayOf(later).le(dayOf(start));

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Condition in(Field<OffsetDateTime> at, Period period) {
        return at.ge(odt(period.start())).and(at.lt(odt(period.end())));
    }

    /// Milestones of the ticket row: first accepted, first contacted, finally closed. The tickets are
    /// found through the period's events that set those milestones (the trail's time index), not
    /// by reading every ticket. A ticket accepted in the period counts as resolved in its cohort
    /// when closed before `end` (the period's end; the day of its acceptance when split by day).
    Facts tickets(Period p, CohortEnd end) {
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
                .and(accepted.minus(reported).le(limitSeconds(TimingPolicy::acceptWithin)))));
        values.put(CONTACTED, flag(in(TICKET.CONTACTED_AT, p)));
        values.put(CONTACTED_ON_TIME, flag(in(TICKET.CONTACTED_AT, p).and(TICKET.ACCEPTED_AT.isNotNull())
                .and(contacted.minus(accepted).le(limitSeconds(TimingPolicy::contactWithin)))));
        values.put(RESOLVED, flag(resolved));
        values.put(RESOLVED_OF_ACCEPTED, flag(in(TICKET.ACCEPTED_AT, p).and(TICKET.STATE.eq(TicketState.CLOSED.name()))
                .and(end.inTime(TICKET.CLOSED_AT, TICKET.ACCEPTED_AT))));
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

    /// Trail events of the period counted one by one. A callback due (a verification passed, an
    /// answer) counts as made when a callback of its ticket follows it before `end` of the event's time
    /// (the period's end, or the end of the event's day when split by day).
    Facts events(Period p, CohortEnd end) {
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
        Condition due = type.in(type(TicketEvent.VerificationPassed.class), type(TicketEvent.Answered.class));
        values.put(CALLBACKS_DUE, flag(due));
        var made = TICKET_CALLBACK.as("kcb");
        values.put(CALLBACKS_DUE_DONE, flag(due.and(DSL.exists(DSL.selectOne().from(made).where(
                made.TICKET_ID.eq(TICKET_EVENT.TICKET_ID), made.CALLED_AT.ge(TICKET_EVENT.OCCURRED_AT),
                end.inTime(made.CALLED_AT, TICKET_EVENT.OCCURRED_AT))))));
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

    /// Whistle rows: teams summoned, and their check-ins, in the period (the summoned team's). A
    /// summons of the period is answered on time when its check-in came by its due time and before
    /// `end` (the period's end, or the end of the summons' day when split by day).
    Facts whistles(Period p, CohortEnd end) {
        Condition checkedIn = in(WHISTLE.CHECKED_IN_AT, p);
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(WHISTLES, flag(in(WHISTLE.SUMMONED_AT, p)));
        values.put(WHISTLES_ANSWERED_ON_TIME, flag(in(WHISTLE.SUMMONED_AT, p).and(WHISTLE.CHECKED_IN_AT.le(WHISTLE.CHECK_IN_DUE))
                .and(end.inTime(WHISTLE.CHECKED_IN_AT, WHISTLE.SUMMONED_AT))));
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
        return new Facts(TICKET, overdueAt(x -> x.lt(at)), TICKET.ASSIGNED_TEAM, overdueValues());
    }

    /// The same as [#overdue] at the end of each day of `period` up to `lastDay` (a day that has
    /// ended), in one query: each ticket is joined to the days from the day it was reported and
    /// accepted to the day before it ended, and [#overdueAt] is asked at each such day's end
    /// (compared in whole epoch seconds, exact since a day ends on a whole second).
    Facts overdueByDay(Period period, LocalDate lastDay) {
        var day = KPI_WORK_DAY.as("kod");
        Field<Long> end = day.EPOCH_DAY.cast(Long.class).plus(DSL.inline(1L)).mul(DSL.inline(WorkDays.SECONDS_PER_DAY))
                .minus(DSL.inline(WorkDays.OFFSET_SECONDS));
        Field<Integer> first = DSL.inline((int) period.first().toEpochDay());
        Field<Integer> last = DSL.inline((int) lastDay.toEpochDay());
        Field<Integer> from = DSL.greatest(first, dayOf(TICKET.REPORTED_AT), dayOf(TICKET.ACCEPTED_AT));
        Field<Integer> to = DSL.when(TICKET.STATE.in(ENDED), DSL.least(last, dayOf(TICKET.CLOSED_AT).minus(DSL.inline(1))))
                .otherwise(last);
        Condition where = day.EPOCH_DAY.isNotNull().and(overdueAt(x -> epochSeconds(x).lt(end)));
        return new Facts(TICKET.leftJoin(day).on(day.EPOCH_DAY.between(from, to)), where, TICKET.ASSIGNED_TEAM,
                overdueValues(), day.EPOCH_DAY);
    }

    private static final List<String> ENDED = List.of(TicketState.CLOSED.name(), TicketState.MERGED.name(),
            TicketState.REJECTED.name());

    /// the overdue condition at a moment, given as "this time is before the moment"
    private static Condition overdueAt(Function<Field<OffsetDateTime>, Condition> before) {
        Field<OffsetDateTime> extended = DSL.field(DSL.select(DSL.max(EXTENSION_REQUEST.NEW_DUE_AT)).from(EXTENSION_REQUEST)
                .where(EXTENSION_REQUEST.TICKET_ID.eq(TICKET.ID), EXTENSION_REQUEST.STATUS.eq("APPROVED"),
                        before.apply(EXTENSION_REQUEST.DECIDED_AT)));
        Field<OffsetDateTime> dueThen = DSL.coalesce(extended, TICKET.ORIGINAL_DUE_AT);
        var ending = TICKET_EVENT.as("ending");
        var reopen = TICKET_EVENT.as("reopen");
        Condition closedThen = DSL.exists(DSL.selectOne().from(ending)
                .where(ending.TICKET_ID.eq(TICKET.ID), before.apply(ending.OCCURRED_AT),
                        ending.EVENT_TYPE.in(type(TicketEvent.Closed.class), type(TicketEvent.Merged.class),
                                type(TicketEvent.RejectedInvalid.class)),
                        DSL.notExists(DSL.selectOne().from(reopen).where(reopen.TICKET_ID.eq(TICKET.ID),
                                reopen.EVENT_TYPE.eq(type(TicketEvent.Reopened.class)), reopen.SEQ.gt(ending.SEQ),
                                before.apply(reopen.OCCURRED_AT)))));
        Condition endedBefore = TICKET.STATE.in(ENDED).and(before.apply(TICKET.CLOSED_AT));
        return before.apply(TICKET.REPORTED_AT).and(before.apply(TICKET.ACCEPTED_AT)).and(DSL.not(endedBefore))
                .and(TICKET.REOPEN_COUNT.eq(0).or(DSL.not(closedThen))).and(before.apply(dueThen));
    }

    private static Map<Measure, Field<Long>> overdueValues() {
        Map<Measure, Field<Long>> values = new EnumMap<>(Measure.class);
        values.put(OVERDUE_OPEN, DSL.inline(1L));
        return values;
    }

    /// Every kind but the overdue tickets, each row's values put on the Beijing day of the time
    /// that counts it in a period: the same rows as [#all] for `period`, grouped by day, each cohort
    /// closed at the end of its own day (so that a day agrees with the sheet of that day).
    List<Facts> byDay(Period period) {
        Facts events = events(period, OWN_DAY);
        return List.of(
                ByDay.split(tickets(period, OWN_DAY), Map.of(TICKET.ACCEPTED_AT, List.of(ACCEPTED, ACCEPTED_ON_TIME, RESOLVED_OF_ACCEPTED),
                        TICKET.CONTACTED_AT, List.of(CONTACTED, CONTACTED_ON_TIME),
                        TICKET.CLOSED_AT, List.of(RESOLVED, RESOLVED_ON_TIME, FINISHED_LATE, HANDLED_TIMED, HANDLING_WORK_MINUTES))),
                ByDay.split(events, Map.of(TICKET_EVENT.OCCURRED_AT, events.measures())),
                ByDay.split(whistles(period, OWN_DAY), Map.of(WHISTLE.SUMMONED_AT, List.of(WHISTLES, WHISTLES_ANSWERED_ON_TIME),
                        WHISTLE.CHECKED_IN_AT, List.of(CHECK_INS, CHECK_INS_ON_TIME))),
                ByDay.split(callbacks(period), Map.of(TICKET_CALLBACK.CALLED_AT, callbacks(period).measures())));
    }

    /// the Beijing day number of a time, in SQL
    static Field<Integer> dayOf(Field<OffsetDateTime> at) {
        return WorkDays.epochDay(epochSeconds(at));
    }
}
