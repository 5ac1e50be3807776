package org.griddesk.store.feed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/// What one look at the store found that nobody here had seen: the trail's new events (in the order
/// they were read, each exactly once) and how many household visits were recorded.
public record ChangeBatch(List<Change> changes, int visits) {
    public ChangeBatch {
        changes = List.copyOf(changes);
    }

    /// The tickets these events changed, each once, in the order first changed.
    public Set<Long> ticketIds() {
        Set<Long> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.ticketId()));
        return ids;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && visits == 0;
    }
}
