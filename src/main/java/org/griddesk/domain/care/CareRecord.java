package org.griddesk.domain.care;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/// One care record of a household (关爱帮扶记录): who judged its risk and groups when, and what was done.
///
/// @param note what was done and found, in words; null when this desk cannot open it (no data key)
public record CareRecord(long id, String householdId, Instant at, String actorId, String actorName, RiskLevel risk,
                         Set<SpecialGroup> groups, String note) {
    /// the longest note taken, in characters
    public static final int MAX_NOTE = 500;

    public CareRecord {
        if (householdId == null || at == null || risk == null) {
            throw new IllegalArgumentException("a care record needs its household, time and risk level");
        }
        groups = groups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groups));
    }
}
