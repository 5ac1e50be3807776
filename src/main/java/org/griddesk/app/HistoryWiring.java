package org.griddesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.search.HistoryAccess;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.search.HistoryFeed;
import org.griddesk.search.HistoryIndex;
import org.griddesk.search.HistorySearch;
import org.griddesk.search.SearchScope;
import org.griddesk.security.Session;
import org.griddesk.security.TicketScope;
import org.griddesk.store.search.HistoryRows;

/// Wires the history search: the index in the data folder following the core's feed, and what the
/// search screen and the caller panel ask of the desk (its readers, the person signed in, the
/// lifecycle's reopen).
final class HistoryWiring implements HistoryAccess {
    private final Supplier<HistorySearch> search;
    private final DeskModel model;

    HistoryWiring(Supplier<HistorySearch> search, DeskModel model) {
        this.search = search;
        this.model = model;
    }

    /// The index of `started`'s store in `dataFolder/index/tickets`, told every change the feed reads.
    static HistorySearch follow(DeskCore started, Path dataFolder) {
        HistoryIndex index = new HistoryIndex(dataFolder.resolve("index").resolve("tickets"),
                new HistoryRows(started.database().dsl()), Clock.systemUTC());
        HistoryFeed.follow(started, index);
        return new HistorySearch(index);
    }

    @Override
    public HistorySearch search() {
        return search.get();
    }

    @Override
    public SearchScope scope() {
        Session viewer = model.sessionProperty().get();
        DeskModel.Tools tools = model.toolsProperty().get();
        return viewer == null || tools == null ? SearchScope.NONE : SearchScope.of(TicketScope.of(viewer, tools.organisation()),
                tools.organisation());
    }

    @Override
    public List<HistoryRows.Category> categories() {
        HistorySearch s = search.get();
        return s == null ? List.of() : s.index().rows().categories();
    }

    @Override
    public List<Unit> units() {
        DeskModel.Tools tools = model.toolsProperty().get();
        return tools == null ? List.of() : tools.organisation().units().stream()
                .sorted(java.util.Comparator.comparing(Unit::level).thenComparing(Unit::id)).toList();
    }

    @Override
    public boolean mayReopen(Ticket ticket) {
        DeskModel.Tools tools = model.toolsProperty().get();
        DeskUser user = model.userProperty().get();
        return tools != null && user != null && tools.actions().check(reopening(ticket, "-"), user.actor()).verdict()
                != TicketActions.Check.Verdict.REFUSED;
    }

    @Override
    public void reopen(Ticket ticket, String reason, Consumer<TicketActions.Outcome> done) {
        DeskUser user = model.userProperty().get();
        if (user == null) {
            return;
        }
        model.run(reopening(ticket, reason), user.actor(), done);
    }

    private static DeskCommand reopening(Ticket ticket, String reason) {
        return new DeskCommand.Worded(ticket, Action.REOPEN, reason);
    }

    @Override
    public HistorySearch.CallerHistory callerHistory(long ticketId, Instant now) {
        HistorySearch s = search.get();
        return s == null ? new HistorySearch.CallerHistory(HistoryIndex.State.BUILDING, List.of(), List.of())
                : s.callerHistory(ticketId, scope(), now);
    }

    @Override
    public List<QueueItem> rows(List<Long> ids, Instant now) {
        DeskModel.Readers readers = model.readers();
        SearchScope scope = scope();
        // asked of every row as the store has it now, whatever the index said (it may lag a hand-over)
        return readers == null || ids.isEmpty() ? List.of()
                : readers.rows().loadAny(ids, now).stream().filter(r -> scope.covers(r.ownerUnitId())).toList();
    }

    @Override
    public TicketDetail detail(long ticketId, Instant now) {
        TicketDetail d = model.readers().details().load(ticketId, now);
        if (!scope().covers(d.ticket().ownerUnitId())) {
            throw new IllegalStateException("ticket " + d.ticket().code() + " is outside what the person at the desk may see");
        }
        return d;
    }
}
