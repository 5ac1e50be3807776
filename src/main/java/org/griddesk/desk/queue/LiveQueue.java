package org.griddesk.desk.queue;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/// The open tickets a desk shows, kept current from the change feed: a batch of changes reads only
/// the tickets it names (a few rows, however long the queue) and patches the list; a whole reload
/// now and then (every half minute at the desk) brings every row's risk up to the clock. Oldest
/// first, as the store gives them.
/// Off the FX thread; the methods are synchronized, and each returns a numbered copy: two threads
/// may hand their copies to the window out of order, and the window shows only a newer one.
public final class LiveQueue {
    /// The queue as of one change: `version` grows with every change.
    public record Snapshot(long version, List<QueueItem> rows) {
    }

    /// more tickets named than this (a backlog, a first start's history) and the whole queue is read
    static final int MAX_NAMED = 500;

    private final QueueLoader loader;
    private final TreeMap<Long, QueueItem> rows = new TreeMap<>();
    private long version;

    public LiveQueue(QueueLoader loader, List<QueueItem> loaded) {
        this.loader = loader;
        loaded.forEach(item -> rows.put(item.id(), item));
    }

    /// The queue after these tickets changed: each read again, those no longer open dropped.
    public synchronized Snapshot changed(Collection<Long> ticketIds, Instant now) {
        if (ticketIds.size() > MAX_NAMED) {
            return reloaded(now);
        }
        Set<Long> gone = new HashSet<>(ticketIds);
        for (QueueItem item : loader.load(ticketIds, now)) {
            rows.put(item.id(), item);
            gone.remove(item.id());
        }
        gone.forEach(rows::remove);
        return new Snapshot(++version, List.copyOf(rows.values()));
    }

    /// The whole queue read again.
    public synchronized Snapshot reloaded(Instant now) {
        rows.clear();
        loader.load(now).forEach(item -> rows.put(item.id(), item));
        return new Snapshot(++version, List.copyOf(rows.values()));
    }
}
