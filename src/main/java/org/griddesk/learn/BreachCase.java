package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Transition;

/// One dispatched ticket as the breach-risk model learns from it: what it was, which team had it
/// from when, when it was due and when (if) it was reported handled, and when it was urged or sent
/// back. Built from the ticket's trail; nothing about the caller.
///
/// @param handledAt null while it is not handled yet
public record BreachCase(long ticketId, String itemCode, String teamId, String unitId, Channel channel, Instant dispatchedAt,
                         Instant dueAt, Instant handledAt, List<Instant> urgedAt, List<Instant> returnedAt) {

    /// Whether it missed its deadline as of `now`: handled after it was due, or still not handled
    /// when it is past due; null when that cannot be known yet (open and not yet due).
    public Boolean missed(Instant now) {
        if (handledAt != null) {
            return handledAt.isAfter(dueAt);
        }
        return now.isAfter(dueAt) ? Boolean.TRUE : null;
    }

    /// The case of a ticket from its trail, when it was dispatched with a deadline; null otherwise.
    /// The last dispatch counts (a ticket sent back and dispatched again is judged with its last team).
    public static BreachCase of(List<Transition> trail) {
        if (trail.isEmpty()) {
            return null;
        }
        var ticket = trail.getLast().after();
        if (ticket.deadline() == null || ticket.deadline().consultation()) {
            return null;
        }
        Instant dispatched = null;
        String team = null;
        Instant handled = null;
        List<Instant> urged = new ArrayList<>();
        List<Instant> returned = new ArrayList<>();
        for (Transition t : trail) {
            switch (t.event()) {
                case TicketEvent.Dispatched d -> {
                    dispatched = t.at();
                    team = d.teamId();
                    handled = null;
                }
                case TicketEvent.Handled h -> {
                    if (dispatched != null && handled == null) {
                        handled = t.at();
                    }
                }
                case TicketEvent.Urged u -> urged.add(t.at());
                case TicketEvent.Returned r -> returned.add(t.at());
                case TicketEvent.VerificationFailed f -> returned.add(t.at());
                default -> {
                }
            }
        }
        if (dispatched == null) {
            return null;
        }
        return new BreachCase(ticket.id(), ticket.deadline().itemCode(), team, ticket.ownerUnitId(), ticket.intake().channel(),
                dispatched, ticket.deadline().dueAt(), handled, List.copyOf(urged), List.copyOf(returned));
    }
}
