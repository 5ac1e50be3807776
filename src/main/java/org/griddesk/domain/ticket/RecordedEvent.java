package org.griddesk.domain.ticket;

import java.time.Instant;
import org.griddesk.domain.org.Role;

/// One row of a ticket's append-only trail: who did what, when, from which state to which.
///
/// @param seq           position in the store's event sequence (the change feed); 0 before it is stored
/// @param ticketVersion the ticket's version after this event
public record RecordedEvent(long seq, long ticketId, long ticketVersion, int round, String actorId, Role actorRole,
                            String actorUnitId, Instant at, TicketState fromState, TicketState toState,
                            TicketEvent event) {
}
