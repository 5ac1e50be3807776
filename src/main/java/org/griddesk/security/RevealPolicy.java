package org.griddesk.security;

import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.Ticket;

/// Who may see a ticket's citizen unmasked: staff of the centre that owns the ticket, or of the
/// team working it (they call the citizen). Everyone else sees the masked name and phone. Each
/// reveal is recorded before it shows (the desk's detail pane, [org.griddesk.store.ticket.PersonalDataLog]).
public final class RevealPolicy {
    private RevealPolicy() {
    }

    public static boolean mayReveal(Ticket ticket, Actor actor) {
        if (actor == null || ticket.intake().caller() == null) {
            return false;
        }
        String unit = actor.unit().id();
        return actor.unit().isCentre() ? unit.equals(ticket.ownerUnitId()) : unit.equals(ticket.assignedTeamId());
    }
}
