package org.griddesk.store.feed;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.district.DistrictChangeKind;

/// What one look at the store found that nobody here had seen: the trail's new events (in the order
/// they were read, each exactly once), how many household visits were recorded and which parts of
/// the district's base data changed (`district`: read the district anew) — or, from a feed that
/// skips ahead ([ChangeFeed#skipAheadWhile]), only that something changed (`skipped`).
public record ChangeBatch(List<Change> changes, int visits, boolean skipped, Set<DistrictChangeKind> district) {
    public ChangeBatch {
        changes = List.copyOf(changes);
        district = district.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(district));
    }

    public ChangeBatch(List<Change> changes, int visits) {
        this(changes, visits, false, Set.of());
    }

    /// Changes were committed that the feed did not read one by one: whoever shows the store reads it whole.
    public static ChangeBatch skippedAhead() {
        return new ChangeBatch(List.of(), 0, true, Set.of());
    }

    /// Whether the district's base data changed: its map, organisation, workers, cameras, taxonomy,
    /// calendar or keys.
    public boolean districtChanged() {
        return !district.isEmpty();
    }

    /// The tickets these events changed, each once, in the order first changed.
    public Set<Long> ticketIds() {
        Set<Long> ids = new LinkedHashSet<>();
        changes.forEach(c -> ids.add(c.ticketId()));
        return ids;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && visits == 0 && !skipped && district.isEmpty();
    }
}
