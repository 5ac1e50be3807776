package org.griddesk.security;

import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.ticket.Ticket;

/// Who may see a ticket's citizen unmasked: those whose role holds [Permission#PERSONAL_DATA_REVEAL]
/// ([Permissions]), and of them only staff of the centre that owns the ticket, the team working it
/// (they call the citizen), or someone who reads the whole district. Everyone else sees the masked
/// name and phone. Each reveal is recorded, with its reason, before it shows.
public final class RevealPolicy {
    private RevealPolicy() {
    }

    public static boolean mayReveal(Ticket ticket, Actor actor) {
        if (actor == null || ticket.intake().caller() == null
                || !Permissions.allows(actor.role(), Permission.PERSONAL_DATA_REVEAL)) {
            return false;
        }
        if (Permissions.allows(actor.role(), Permission.DISTRICT_READ)) {
            return true;
        }
        String unit = actor.unit().id();
        return actor.unit().isCentre() ? unit.equals(ticket.ownerUnitId()) : unit.equals(ticket.assignedTeamId());
    }
}
