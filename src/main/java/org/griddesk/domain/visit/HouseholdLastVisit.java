package org.griddesk.domain.visit;

import java.time.Instant;
import java.time.LocalDate;
import org.griddesk.domain.district.VisitHousehold.Category;

/// A must-visit household where the map puts it (grid, community, town) and its latest visit: the
/// day (null: never visited) and, for a visit recorded from the app, its moment (null otherwise).
public record HouseholdLastVisit(String householdId, String gridCode, String communityCode, String areaCode, Category category,
                                 LocalDate lastDay, Instant lastAt) {
}
