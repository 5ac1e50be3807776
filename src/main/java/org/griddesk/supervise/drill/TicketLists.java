package org.griddesk.supervise.drill;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.DeskModel;
import org.griddesk.domain.org.Organisation;
import org.griddesk.security.Session;
import org.griddesk.security.TicketScope;
import org.griddesk.ui.Language;
import org.griddesk.ui.TaskExecutor;

/// What every drill-down needs, held once per desk and handed to each screen that explains a figure:
/// `lists.forViewer(session).open(owner, "咸水沽镇 · 按时办结率 · 2026-11 · 未按时", () -> engine.ticketsMissing(…), language)`.
/// A list shows only the tickets its viewer's [TicketScope] covers, and says how many it left out;
/// a list with no viewer shows none.
///
/// @param history      the store's tickets, or null while the district is not read yet (the list then says so)
/// @param organisation the district's organisation (null until read), for the viewer's scope
/// @param viewer       who opens the lists (null until [#forViewer])
public record TicketLists(TaskExecutor executor, Clock clock, Supplier<TicketHistory> history,
                          Supplier<Organisation> organisation, Session viewer) {

    /// The desk's readers and organisation, once it has read the district.
    public static TicketLists of(DeskModel desk, TaskExecutor executor, Clock clock) {
        return new TicketLists(executor, clock, () -> {
            DeskModel.Readers readers = desk.readers();
            return readers == null ? null : TicketHistory.of(readers);
        }, () -> {
            DeskModel.Tools tools = desk.toolsProperty().get();
            return tools == null ? null : tools.organisation();
        }, null);
    }

    /// The same lists, for what `person` may see.
    public TicketLists forViewer(Session person) {
        return new TicketLists(executor, clock, history, organisation, person);
    }

    /// the viewer's scope ([TicketScope#NONE] without a viewer or before the organisation is read)
    TicketScope scope() {
        Organisation org = organisation.get();
        return viewer == null || org == null ? TicketScope.NONE : TicketScope.of(viewer, org);
    }

    /// Opens a history list titled `title` of the tickets `ids` names (called off the FX thread).
    public Stage open(Window owner, String title, Callable<List<Long>> ids, Language language) {
        return TicketListWindow.open(owner, title, ids, this, language);
    }
}
