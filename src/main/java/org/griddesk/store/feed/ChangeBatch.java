package org.griddesk.store.feed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/// What one look at the store found that nobody here had seen: the trail's new events (in the order
/// they were read, each exactly once) and how many household visits were recorded — or, from a
/// feed that skips ahead ([ChangeFeed#skipAheadWhile]), only that something changed (`skipped`).
public record ChangeBatch(List<Change> changes, int visits, boolean skipped) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }

    public ChangeBatch(List<Change> changes, int visits) {
        this(changes, visits, false);
    }

    /// Changes were committed that the feed did not read one by one: whoever shows the store reads it whole.
    public static ChangeBatch skippedAhead() {
        return new ChangeBatch(List.of(), 0, true);
    }

    /// The tickets these events changed, each once, in the order first changed.
    public Set<Long> ticketIds() {
        Set<Long> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.ticketId()));
        return ids;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && visits == 0 && !skipped;
    }
}
