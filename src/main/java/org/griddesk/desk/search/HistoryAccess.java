package org.griddesk.desk.search;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.griddesk.desk.detail.CallerPanel;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.search.HistorySearch;
import org.griddesk.search.SearchScope;
import org.griddesk.store.search.HistoryRows;

/// What the history search screen asks of the desk (the app wires it to the open store, the
/// desk's readers and the person signed in). Methods that read are blocking: off the FX thread.
public interface HistoryAccess extends CallerPanel.Source {
    /// the search over the open store, or null while it is not open
    HistorySearch search();

    /// one ticket's detail and trail, any state (blocking)
    TicketDetail detail(long ticketId, Instant now);

    /// what the person at the desk may see (none when nobody is signed in)
    SearchScope scope();

    /// the taxonomy's categories (blocking)
    List<HistoryRows.Category> categories();

    /// the centres and teams, for the unit filter (empty until the district is read)
    List<Unit> units();

    /// Whether the person at the desk may reopen this ticket, as the lifecycle's rules say (pure,
    /// on any thread): only then is the button shown; running it asks the rules again.
    boolean mayReopen(Ticket ticket);

    /// Reopens the ticket with the reason given, through the desk's commands; `done` hears the
    /// outcome on the FX thread.
    void reopen(Ticket ticket, String reason, Consumer<TicketActions.Outcome> done);
}
