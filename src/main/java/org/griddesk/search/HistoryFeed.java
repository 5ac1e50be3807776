package org.griddesk.search;

import org.griddesk.dispatch.DeskCore;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.ChangeBatch;

/// Tells the history index every change a desk's feed reads: the tickets it names, or that the
/// feed skipped ahead (then the index reads the trail from its own position).
public final class HistoryFeed implements DeskCore.Listener {
    private final HistoryIndex index;

    private HistoryFeed(HistoryIndex index) {
        this.index = index;
    }

    /// From now on `core`'s feed keeps `index` current.
    public static void follow(DeskCore core, HistoryIndex index) {
        core.subscribe(new HistoryFeed(index));
    }

    @Override
    public void onState(ConnectionState state) {
        // the index needs nothing while the store is away: the feed catches up when it returns
    }

    @Override
    public void onChanges(ChangeBatch batch) {
        if (batch.skipped()) {
            index.skippedAhead();
        } else if (!batch.changes().isEmpty()) {
            index.changed(batch.ticketIds(), batch.changes().stream().mapToLong(Change::seq).max().orElse(0));
        }
    }
}
