package org.griddesk.domain.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;

/// Where a ticket stands against each of the four first-times: accept, contact the citizen,
/// finish, call back.
public final class TicketTiming {

    public enum Step {
        ACCEPT,
        CONTACT,
        FINISH,
        CALLBACK
    }

    public enum Status {
        /// the step has not started (its previous step is not done)
        NOT_STARTED,
        /// the ticket ended before this step (rejected or merged)
        NOT_APPLICABLE,
        ON_TIME,
        AT_RISK,
        OVERDUE,
        DONE_ON_TIME,
        DONE_LATE
    }

    /// One step: its status now, when it is (was) due and when it was done (null if not).
    public record StepTiming(Step step, Status status, Instant dueAt, Instant doneAt) {
    }

    private TicketTiming() {
    }

    public static List<StepTiming> of(Ticket t, Instant now, WorkCalendar calendar, TimingPolicy policy) {
        Milestones m = t.milestones();
        boolean endedAtIntake = t.state() == TicketState.REJECTED || t.state() == TicketState.MERGED;
        Instant reported = t.intake().reportedAt();
        Instant accepted = m.acceptedAt();
        StepTiming accept = step(Step.ACCEPT, reported, reported.plus(policy.acceptWithin()),
                accepted != null ? accepted : endedAtIntake ? m.closedAt() : null, now, policy);
        if (accepted == null) {
            Status later = endedAtIntake ? Status.NOT_APPLICABLE : Status.NOT_STARTED;
            return List.of(accept, new StepTiming(Step.CONTACT, later, null, null),
                    new StepTiming(Step.FINISH, later, null, null), new StepTiming(Step.CALLBACK, later, null, null));
        }
        StepTiming contact = step(Step.CONTACT, accepted, accepted.plus(policy.contactWithin()), m.contactedAt(), now, policy);
        Instant finished = m.answeredAt() != null ? m.answeredAt() : m.handledAt();
        StepTiming finish = step(Step.FINISH, accepted, t.deadline().dueAt(), finished, now, policy);
        Instant callbackFrom = m.answeredAt() != null ? m.answeredAt() : m.verifiedAt();
        StepTiming callback = callbackFrom == null
                ? new StepTiming(Step.CALLBACK, Status.NOT_STARTED, null, null)
                : step(Step.CALLBACK, callbackFrom, calendar.dueAt(callbackFrom, policy.callbackWorkingDays()),
                        m.calledBackAt(), now, policy);
        return List.of(accept, contact, finish, callback);
    }

    private static StepTiming step(Step step, Instant start, Instant due, Instant done, Instant now, TimingPolicy policy) {
        if (done != null) {
            return new StepTiming(step, done.isAfter(due) ? Status.DONE_LATE : Status.DONE_ON_TIME, due, done);
        }
        if (now.isAfter(due)) {
            return new StepTiming(step, Status.OVERDUE, due, null);
        }
        long total = Duration.between(start, due).toMillis();
        long left = Duration.between(now, due).toMillis();
        Status status = total > 0 && left < total * policy.atRiskShare() ? Status.AT_RISK : Status.ON_TIME;
        return new StepTiming(step, status, due, null);
    }
}
