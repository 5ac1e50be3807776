package org.griddesk.desk;

import org.griddesk.desk.detail.TicketDetail;
import java.util.Optional;
import java.util.function.Consumer;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Actor;

/// What the desk's window asks of the store. Every call returns at once; the answer comes later on
/// the FX thread (the FX thread never waits on the database).
public interface DeskBackend {
    /// Reads a ticket's detail.
    void loadTicket(long ticketId, Consumer<TicketDetail> onLoaded);

    /// Reads a ticket's detail by its code (the command bar), or empty when there is none.
    void findTicket(String code, Consumer<Optional<TicketDetail>> onFound);

    /// Runs a lifecycle action on the ticket as the user last saw it (`version`).
    void run(long ticketId, long version, Action action, ActionInput input, Actor actor, Consumer<TicketActions.Outcome> onDone);

    /// The user's saved queue views.
    void views(String userId, Consumer<java.util.List<org.griddesk.store.view.SavedViewRepository.SavedView>> onRead);

    /// Saves (or replaces) one of the user's queue views; `onSaved` hears the user's views after it.
    void saveView(String userId, org.griddesk.store.view.SavedViewRepository.SavedView view,
                  Consumer<java.util.List<org.griddesk.store.view.SavedViewRepository.SavedView>> onSaved);

    /// Records that `actor` reveals the ticket's citizen, then calls `onRecorded` (only then may the
    /// unmasked details show).
    void recordReveal(long ticketId, org.griddesk.domain.org.Actor actor, Runnable onRecorded);
}
