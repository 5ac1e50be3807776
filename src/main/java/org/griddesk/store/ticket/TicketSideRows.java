package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.TICKET_CALLBACK;
import static org.griddesk.store.jooq.Tables.WHISTLE;
import static org.griddesk.store.ticket.TicketRows.odt;

import java.util.List;
import org.griddesk.domain.ticket.CallbackRecord;
import org.griddesk.domain.ticket.ExtensionRequest;
import org.griddesk.domain.ticket.Whistle;
import org.jooq.Field;

/// A ticket's whistles, extension requests and callbacks as the values of their rows, for both
/// writers of those tables: the desk's, one event at a time ([TicketSideTables]), and a first
/// start's, whole histories in JDBC batches ([TicketHistoryWriter]). One mapping, so a row reads
/// back the same whichever writer stored it. Plain arrays in the order of the column lists, already
/// what JDBC binds (see [org.griddesk.store.RowInsert]): the bulk writer maps every side row of two
/// years of tickets on a first start and must not pay for anything richer.
final class TicketSideRows {
    static final List<Field<?>> WHISTLE_COLUMNS = List.of(WHISTLE.TICKET_ID, WHISTLE.TEAM_UNIT, WHISTLE.ROUND_NO,
            WHISTLE.SUMMONED_AT, WHISTLE.CHECK_IN_DUE, WHISTLE.CHECKED_IN_AT);
    static final List<Field<?>> EXTENSION_COLUMNS = List.of(EXTENSION_REQUEST.TICKET_ID, EXTENSION_REQUEST.REQUEST_NO,
            EXTENSION_REQUEST.REQUESTED_BY, EXTENSION_REQUEST.REQUESTING_UNIT, EXTENSION_REQUEST.REQUESTED_AT,
            EXTENSION_REQUEST.DAYS, EXTENSION_REQUEST.REASON, EXTENSION_REQUEST.STATUS, EXTENSION_REQUEST.DECIDED_AT,
            EXTENSION_REQUEST.DECIDED_BY, EXTENSION_REQUEST.DECISION_NOTE, EXTENSION_REQUEST.CITIZEN_INFORMED,
            EXTENSION_REQUEST.OLD_DUE_AT, EXTENSION_REQUEST.NEW_DUE_AT);
    static final List<Field<?>> CALLBACK_COLUMNS = List.of(TICKET_CALLBACK.TICKET_ID, TICKET_CALLBACK.ROUND_NO,
            TICKET_CALLBACK.CALLED_AT, TICKET_CALLBACK.ACTOR_ID, TICKET_CALLBACK.RESULT, TICKET_CALLBACK.NOTES);

    private TicketSideRows() {
    }

    /// The row of a whistle, aligned with [#WHISTLE_COLUMNS].
    static Object[] whistle(long ticketId, Whistle w) {
        return new Object[] {ticketId, w.teamId(), w.round(), odt(w.summonedAt()), odt(w.checkInDue()), odt(w.checkedInAt())};
    }

    /// The row of an extension request as it stands (pending or decided), aligned with [#EXTENSION_COLUMNS].
    static Object[] extension(long ticketId, ExtensionRequest x) {
        return new Object[] {ticketId, x.number(), x.requestedBy(), x.requestingUnit(), odt(x.requestedAt()), x.days(),
            x.reason(), x.status().name(), odt(x.decidedAt()), x.decidedBy(), x.decisionNote(), x.citizenInformed(),
            odt(x.oldDueAt()), odt(x.newDueAt())};
    }

    /// The row of a callback, aligned with [#CALLBACK_COLUMNS].
    static Object[] callback(long ticketId, CallbackRecord cb) {
        return new Object[] {ticketId, cb.round(), odt(cb.at()), cb.actorId(), cb.result().name(), cb.notes()};
    }
}
