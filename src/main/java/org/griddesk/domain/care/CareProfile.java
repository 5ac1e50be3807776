package org.griddesk.domain.care;

import java.time.Instant;
import java.util.Set;
import org.griddesk.domain.district.VisitHousehold;

/// A must-visit household as the special-groups list shows it, masked: its category, the groups and
/// risk its last care record gave (none and LOW before any), and how often and when it was last cared for.
///
/// @param maskedName 张*华, or "" when this desk cannot open it
/// @param lastCare   null before any care record
public record CareProfile(String householdId, String gridCode, VisitHousehold.Category category, String maskedName,
                          String maskedPhone, Set<SpecialGroup> groups, RiskLevel risk, int records, Instant lastCare) {
    public CareProfile {
        groups = Set.copyOf(groups);
    }
}
