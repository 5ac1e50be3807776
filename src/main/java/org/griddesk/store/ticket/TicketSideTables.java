package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.WHISTLE;
import static org.griddesk.store.ticket.TicketRows.odt;

import org.griddesk.domain.ticket.CallbackRecord;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Transition;
import org.jooq.DSLContext;

/// Writes the row an event adds to or changes in the whistle, extension and callback tables.
final class TicketSideTables {
    private TicketSideTables() {
    }

    static void write(DSLContext tx, Transition t) {
        Ticket after = t.after();
        switch (t.event()) {
            case TicketEvent.Whistled w -> w.summoned().forEach(s -> tx.insertInto(WHISTLE)
                    .set(WHISTLE.TICKET_ID, after.id())
                    .set(WHISTLE.TEAM_UNIT, s.teamId())
                    .set(WHISTLE.ROUND_NO, s.round())
                    .set(WHISTLE.SUMMONED_AT, odt(s.summonedAt()))
                    .set(WHISTLE.CHECK_IN_DUE, odt(s.checkInDue()))
                    .execute());
            case TicketEvent.CheckedIn c -> tx.update(WHISTLE)
                    .set(WHISTLE.CHECKED_IN_AT, odt(t.at()))
                    .where(WHISTLE.TICKET_ID.eq(after.id()), WHISTLE.TEAM_UNIT.eq(c.teamId()), WHISTLE.CHECKED_IN_AT.isNull())
                    .execute();
            case TicketEvent.ExtensionRequested r -> {
                ExtensionRequest x = after.extensions().getLast();
                tx.insertInto(EXTENSION_REQUEST)
                        .set(EXTENSION_REQUEST.TICKET_ID, after.id())
                        .set(EXTENSION_REQUEST.REQUEST_NO, x.number())
                        .set(EXTENSION_REQUEST.REQUESTED_BY, x.requestedBy())
                        .set(EXTENSION_REQUEST.REQUESTING_UNIT, x.requestingUnit())
                        .set(EXTENSION_REQUEST.REQUESTED_AT, odt(x.requestedAt()))
                        .set(EXTENSION_REQUEST.DAYS, x.days())
                        .set(EXTENSION_REQUEST.REASON, x.reason())
                        .set(EXTENSION_REQUEST.STATUS, x.status().name())
                        .set(EXTENSION_REQUEST.CITIZEN_INFORMED, false)
                        .set(EXTENSION_REQUEST.OLD_DUE_AT, odt(x.oldDueAt()))
                        .execute();
            }
            case TicketEvent.ExtensionApproved a -> decide(tx, after, a.number());
            case TicketEvent.ExtensionRejected r -> decide(tx, after, r.number());
            case TicketEvent.CalledBack c -> {
                CallbackRecord cb = after.callbacks().getLast();
                tx.insertInto(TICKET_CALLBACK)
                        .set(TICKET_CALLBACK.TICKET_ID, after.id())
                        .set(TICKET_CALLBACK.ROUND_NO, cb.round())
                        .set(TICKET_CALLBACK.CALLED_AT, odt(cb.at()))
                        .set(TICKET_CALLBACK.ACTOR_ID, cb.actorId())
                        .set(TICKET_CALLBACK.RESULT, cb.result().name())
                        .set(TICKET_CALLBACK.NOTES, cb.notes())
                        .execute();
            }
            default -> {
                // the ticket row and the trail say everything about the other events
            }
        }
    }

    private static void decide(DSLContext tx, Ticket after, int number) {
        ExtensionRequest x = after.extensions().stream().filter(e -> e.number() == number).findFirst().orElseThrow();
        tx.update(EXTENSION_REQUEST)
                .set(EXTENSION_REQUEST.STATUS, x.status().name())
                .set(EXTENSION_REQUEST.DECIDED_AT, odt(x.decidedAt()))
                .set(EXTENSION_REQUEST.DECIDED_BY, x.decidedBy())
                .set(EXTENSION_REQUEST.DECISION_NOTE, x.decisionNote())
                .set(EXTENSION_REQUEST.CITIZEN_INFORMED, x.citizenInformed())
                .set(EXTENSION_REQUEST.NEW_DUE_AT, odt(x.newDueAt()))
                .where(EXTENSION_REQUEST.TICKET_ID.eq(after.id()), EXTENSION_REQUEST.REQUEST_NO.eq(number))
                .execute();
    }
}
