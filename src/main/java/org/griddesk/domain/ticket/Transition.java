package org.griddesk.domain.ticket;

import java.time.Instant;
import org.griddesk.domain.org.Actor;

/// One decided change: the ticket before and after, the event, who and when.
public record Transition(Ticket before, Ticket after, TicketEvent event, Actor actor, Instant at) {

    public RecordedEvent toRecord() {
        return new RecordedEvent(0, after.id(), after.version(), after.round(), actor.id(), actor.role(),
                actor.unit().id(), at, before == null ? null : before.state(), after.state(), event);
    }
}
