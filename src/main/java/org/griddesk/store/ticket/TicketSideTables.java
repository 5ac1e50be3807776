package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.Whistle;
import org.griddesk.store.RowInsert;
import org.jooq.DSLContext;

/// Writes the row an event adds to or changes in the whistle, extension and callback tables, in
/// the event's own transaction. The values come from the ticket after the event, mapped by
/// [TicketSideRows] as the bulk history writer maps them; each statement is rendered once.
final class TicketSideTables {
    private final RowInsert whistle;
    private final RowInsert extension;
    private final RowInsert callback;
    /// a summoned team checked in: its open whistle gets the time
    private final SideRowUpdate checkIn;
    /// a supervisor decided on an extension request
    private final SideRowUpdate decision;

    TicketSideTables(DSLContext dsl) {
        whistle = RowInsert.into(dsl, WHISTLE, TicketSideRows.WHISTLE_COLUMNS);
        extension = RowInsert.into(dsl, EXTENSION_REQUEST, TicketSideRows.EXTENSION_COLUMNS);
        callback = RowInsert.into(dsl, TICKET_CALLBACK, TicketSideRows.CALLBACK_COLUMNS);
        checkIn = SideRowUpdate.of(dsl, WHISTLE, TicketSideRows.WHISTLE_COLUMNS, List.of(WHISTLE.CHECKED_IN_AT),
                List.of(WHISTLE.TICKET_ID, WHISTLE.TEAM_UNIT), WHISTLE.CHECKED_IN_AT.isNull());
        decision = SideRowUpdate.of(dsl, EXTENSION_REQUEST, TicketSideRows.EXTENSION_COLUMNS,
                List.of(EXTENSION_REQUEST.STATUS, EXTENSION_REQUEST.DECIDED_AT, EXTENSION_REQUEST.DECIDED_BY,
                        EXTENSION_REQUEST.DECISION_NOTE, EXTENSION_REQUEST.CITIZEN_INFORMED, EXTENSION_REQUEST.NEW_DUE_AT),
                List.of(EXTENSION_REQUEST.TICKET_ID, EXTENSION_REQUEST.REQUEST_NO), null);
    }

    void write(Connection c, Transition t) throws SQLException {
        Ticket after = t.after();
        long id = after.id();
        switch (t.event()) {
            case TicketEvent.Whistled w -> {
                for (Whistle summoned : w.summoned()) {
                    insert(c, whistle, TicketSideRows.whistle(id, summoned));
                }
            }
            case TicketEvent.CheckedIn in -> {
                Whistle answered = after.whistles().stream()
                        .filter(x -> x.teamId().equals(in.teamId()) && t.at().equals(x.checkedInAt()))
                        .findFirst().orElseThrow();
                checkIn.execute(c, TicketSideRows.whistle(id, answered));
            }
            case TicketEvent.ExtensionRequested r -> insert(c, extension, TicketSideRows.extension(id, after.extensions().getLast()));
            case TicketEvent.ExtensionApproved a -> decision.execute(c, TicketSideRows.extension(id, extension(after, a.number())));
            case TicketEvent.ExtensionRejected r -> decision.execute(c, TicketSideRows.extension(id, extension(after, r.number())));
            case TicketEvent.CalledBack cb -> insert(c, callback, TicketSideRows.callback(id, after.callbacks().getLast()));
            default -> {
                // the ticket row and the trail say everything about the other events
            }
        }
    }

    private static ExtensionRequest extension(Ticket after, int number) {
        return after.extensions().stream().filter(e -> e.number() == number).findFirst().orElseThrow();
    }

    private static void insert(Connection c, RowInsert insert, Object[] row) throws SQLException {
        try (RowInsert.Batch one = insert.prepare(c)) {
            one.add(row);
            one.send();
        }
    }
}
