package org.griddesk.domain.ticket;

import java.time.Duration;
import java.time.Instant;

/// The deadline an open ticket is racing now, and how it stands: accepting it while it waits in the
/// queue, finishing it while it is being handled. A ticket past handling (waiting for verification
/// or callback) races no deadline of its own here.
///
/// @param dueAt  when the step is due, or null when it races none
/// @param status ON_TIME, AT_RISK (in the last share of the step's time that [TimingPolicy] names)
///               or OVERDUE; ON_TIME when it races none
public record NextDeadline(TicketTiming.Step step, Instant dueAt, TicketTiming.Status status) {

    /// For a ticket in `state`, reported, accepted (or null) and due (or null) at these times.
    public static NextDeadline of(TicketState state, Instant reportedAt, Instant acceptedAt, Instant dueAt, Instant now,
                                  TimingPolicy policy) {
        Instant start;
        Instant due;
        TicketTiming.Step step;
        if (state == TicketState.REPORTED) {
            step = TicketTiming.Step.ACCEPT;
            start = reportedAt;
            due = reportedAt.plus(policy.acceptWithin());
        } else if (state.isBeingHandled() && dueAt != null) {
            step = TicketTiming.Step.FINISH;
            start = acceptedAt != null ? acceptedAt : reportedAt;
            due = dueAt;
        } else {
            return new NextDeadline(null, null, TicketTiming.Status.ON_TIME);
        }
        if (now.isAfter(due)) {
            return new NextDeadline(step, due, TicketTiming.Status.OVERDUE);
        }
        boolean atRisk = Duration.between(now, due).toMillis() < Duration.between(start, due).toMillis() * policy.atRiskShare();
        return new NextDeadline(step, due, atRisk ? TicketTiming.Status.AT_RISK : TicketTiming.Status.ON_TIME);
    }

    public boolean overdue() {
        return status == TicketTiming.Status.OVERDUE;
    }

    public boolean atRisk() {
        return status == TicketTiming.Status.AT_RISK;
    }
}
