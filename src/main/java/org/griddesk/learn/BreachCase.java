package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Transition;

/// One dispatched ticket as the breach-risk model learns from it: what it was, when its time to
/// finish started (its acceptance, as the desk's at-risk rule counts), which team had it from when,
/// when it was due and when (if) it was reported handled, and when it was urged or sent back. Built
/// from the ticket's trail; nothing about the caller.
///
/// @param startedAt when the time to finish started: accepted, or reported when never accepted
/// @param handledAt null while it is not handled yet
public record BreachCase(long ticketId, String itemCode, String teamId, String unitId, Channel channel, Instant startedAt,
                         Instant dispatchedAt, Instant dueAt, Instant handledAt, List<Instant> urgedAt, List<Instant> returnedAt) {

    /// What the ticket's row says of it now: its item, owning centre, channel, when its time started
    /// and its (last, extended) deadline.
    public record Known(long ticketId, String itemCode, String unitId, Channel channel, Instant startedAt, Instant dueAt) {
    }

    /// One step of the trail: what happened when.
    public record Step(Instant at, TicketEvent event) {
    }

    /// Whether it missed its deadline as of `now`: handled after it was due, or still not handled
    /// when it is past due; null when that cannot be known yet (open and not yet due).
    public Boolean missed(Instant now) {
        if (handledAt != null) {
            return handledAt.isAfter(dueAt);
        }
        return now.isAfter(dueAt) ? Boolean.TRUE : null;
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
    /// its last team).
    public static BreachCase of(Known ticket, List<Step> steps) {
        if (ticket.dueAt() == null || ticket.itemCode() == null) {
            return null;
        }
        Instant dispatched = null;
        String team = null;
        Instant handled = null;
        List<Instant> urged = new ArrayList<>();
        List<Instant> returned = new ArrayList<>();
        for (Step s : steps) {
            switch (s.event()) {
                case TicketEvent.Dispatched d -> {
                    dispatched = s.at();
                    team = d.teamId();
                    handled = null;
                }
                case TicketEvent.Handled h -> {
                    if (dispatched != null && handled == null) {
                        handled = s.at();
                    }
                }
                case TicketEvent.Urged u -> urged.add(s.at());
                case TicketEvent.Returned r -> returned.add(s.at());
                case TicketEvent.VerificationFailed f -> returned.add(s.at());
                default -> {
                }
            }
        }
        if (dispatched == null || ticket.startedAt() == null || !ticket.startedAt().isBefore(ticket.dueAt())) {
            return null;
        }
        return new BreachCase(ticket.ticketId(), ticket.itemCode(), team, ticket.unitId(), ticket.channel(), ticket.startedAt(),
                dispatched, ticket.dueAt(), handled, List.copyOf(urged), List.copyOf(returned));
    }
}
