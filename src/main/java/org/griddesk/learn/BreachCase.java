package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Transition;

/// One dispatched ticket as the breach-risk model learns from it: what it was, when its time to
/// finish started (its acceptance, as the desk's at-risk rule counts), which team had it from when,
/// its deadline as it stood at each moment (extensions move it), when (if) the team reported it
/// handled or gave it up otherwise, and when it was urged or sent back. Built from the ticket's
/// trail; nothing about the caller.
///
/// @param startedAt when the time to finish started: accepted, or reported when never accepted
/// @param dueAt     the last deadline (extensions included): what being late is judged by
/// @param dues      the deadlines in force, oldest first, each from the moment it was set
/// @param handledAt when the last team reported it handled, or null
/// @param leftAt    when the last team stopped having it without handling it (sent back, withdrawn,
///                  escalated, merged, closed, rejected), or null: such a case has no outcome to learn
public record BreachCase(long ticketId, String itemCode, String teamId, String unitId, Channel channel, Instant startedAt,
                         Instant dispatchedAt, Instant dueAt, List<Due> dues, Instant handledAt, Instant leftAt, List<Instant> urgedAt,
                         List<Instant> returnedAt) {

    /// A deadline in force from `from` on.
    public record Due(Instant from, Instant dueAt) {
    }

    /// A case whose deadline never moved and whose team kept it until handled (or still has it).
    public BreachCase(long ticketId, String itemCode, String teamId, String unitId, Channel channel, Instant startedAt,
                      Instant dispatchedAt, Instant dueAt, Instant handledAt, List<Instant> urgedAt, List<Instant> returnedAt) {
        this(ticketId, itemCode, teamId, unitId, channel, startedAt, dispatchedAt, dueAt, List.of(new Due(startedAt, dueAt)), handledAt,
                null, urgedAt, returnedAt);
    }

    /// What the ticket's row says of it now: its item, owning centre, channel, when its time started
    /// and its (last, extended) deadline.
    public record Known(long ticketId, String itemCode, String unitId, Channel channel, Instant startedAt, Instant dueAt) {
    }

    /// One step of the trail: what happened when.
    public record Step(Instant at, TicketEvent event) {
    }

    /// Whether it missed its deadline as it was known at `now` (nothing after `now` is looked at):
    /// handled by then after its deadline, or not handled by then and past the deadline in force
    /// then; null when that cannot be known yet, or never will be (the team gave it up).
    public Boolean missed(Instant now) {
        if (leftAt != null) {
            return null;
        }
        if (handledAt != null && !handledAt.isAfter(now)) {
            return handledAt.isAfter(dueAt(handledAt));
        }
        return now.isAfter(dueAt(now)) ? Boolean.TRUE : null;
    }

    /// The deadline in force at `at`.
    public Instant dueAt(Instant at) {
        Instant due = dues.getFirst().dueAt();
        for (Due d : dues) {
            if (!d.from().isAfter(at)) {
                due = d.dueAt();
            }
        }
        return due;
    }

    /// When the team stopped having it (handled or given up), or null while it has it.
    Instant endedAt() {
        return handledAt != null ? handledAt : leftAt;
    }

    /// The case of a ticket from its trail, when it was dispatched with a deadline; null otherwise.
    public static BreachCase of(List<Transition> trail) {
        if (trail.isEmpty()) {
            return null;
        }
        var ticket = trail.getLast().after();
        if (ticket.deadline() == null || ticket.deadline().consultation()) {
            return null;
        }
        Instant started = ticket.milestones().acceptedAt() != null ? ticket.milestones().acceptedAt() : ticket.intake().reportedAt();
        return of(new Known(ticket.id(), ticket.deadline().itemCode(), ticket.ownerUnitId(), ticket.intake().channel(), started,
                ticket.deadline().dueAt()), trail.stream().map(t -> new Step(t.at(), t.event())).toList());
    }

    /// The case of a ticket with a deadline from its steps, oldest first; null when it was never
    /// dispatched. The last dispatch counts (a ticket sent back and dispatched again is judged with
    /// its last team); its first handled report after that dispatch ends it (a rework round after a
    /// failed verification is not learnt).
    public static BreachCase of(Known ticket, List<Step> steps) {
        if (ticket.dueAt() == null || ticket.itemCode() == null || ticket.startedAt() == null) {
            return null;
        }
        Instant dispatched = null;
        String team = null;
        Instant handled = null;
        Instant left = null;
        List<Due> dues = new ArrayList<>();
        List<Instant> urged = new ArrayList<>();
        List<Instant> returned = new ArrayList<>();
        for (Step s : steps) {
            switch (s.event()) {
                case TicketEvent.Accepted a -> {
                    if (a.dueAt() != null) {
                        dues.add(new Due(s.at(), a.dueAt()));
                    }
                }
                case TicketEvent.ExtensionApproved x -> dues.add(new Due(s.at(), x.newDueAt()));
                case TicketEvent.Dispatched d -> {
                    dispatched = s.at();
                    team = d.teamId();
                    handled = null;
                    left = null;
                }
                case TicketEvent.Handled h -> {
                    if (dispatched != null && handled == null && left == null) {
                        handled = s.at();
                    }
                }
                case TicketEvent.Returned r -> {
                    returned.add(s.at());
                    left = leftIfHeld(dispatched, handled, left, s.at());
                }
                case TicketEvent.DispatchWithdrawn w -> left = leftIfHeld(dispatched, handled, left, s.at());
                case TicketEvent.Escalated e -> left = leftIfHeld(dispatched, handled, left, s.at());
                case TicketEvent.Merged m -> left = leftIfHeld(dispatched, handled, left, s.at());
                case TicketEvent.Closed c -> left = leftIfHeld(dispatched, handled, left, s.at());
                case TicketEvent.RejectedInvalid r -> left = leftIfHeld(dispatched, handled, left, s.at());
                case TicketEvent.Urged u -> urged.add(s.at());
                default -> {
                }
            }
        }
        if (dispatched == null || !ticket.startedAt().isBefore(ticket.dueAt())) {
            return null;
        }
        if (dues.isEmpty() || dues.getFirst().from().isAfter(ticket.startedAt())) {
            dues.addFirst(new Due(ticket.startedAt(), dues.isEmpty() ? ticket.dueAt() : dues.getFirst().dueAt()));
        }
        return new BreachCase(ticket.ticketId(), ticket.itemCode(), team, ticket.unitId(), ticket.channel(), ticket.startedAt(),
                dispatched, ticket.dueAt(), List.copyOf(dues), handled, left, List.copyOf(urged), List.copyOf(returned));
    }

    /// The moment the team gave the ticket up, when it still had it (dispatched, neither handled nor given up yet).
    private static Instant leftIfHeld(Instant dispatched, Instant handled, Instant left, Instant at) {
        return dispatched != null && handled == null && left == null ? at : left;
    }
}
