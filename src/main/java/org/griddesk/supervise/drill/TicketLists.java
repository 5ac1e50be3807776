package org.griddesk.supervise.drill;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.DeskModel;
import org.griddesk.ui.Language;
import org.griddesk.ui.TaskExecutor;

/// What every drill-down needs, held once per desk and handed to each screen that explains a figure:
/// `lists.open(owner, "咸水沽镇 · 按时办结率 · 2026-11 · 未按时", () -> engine.ticketsMissing(…), language)`.
///
/// @param history the store's tickets, or null while the district is not read yet (the list then says so)
public record TicketLists(TaskExecutor executor, Clock clock, Supplier<TicketHistory> history) {

    /// The desk's readers, once it has read the district.
    public static TicketLists of(DeskModel desk, TaskExecutor executor, Clock clock) {
        return new TicketLists(executor, clock, () -> {
            DeskModel.Readers readers = desk.readers();
            return readers == null ? null : TicketHistory.of(readers);
        });
    }

    /// Opens a history list titled `title` of the tickets `ids` names (called off the FX thread).
    public Stage open(Window owner, String title, Callable<List<Long>> ids, Language language) {
        return TicketListWindow.open(owner, title, ids, this, language);
    }
}
