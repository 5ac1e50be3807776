package org.griddesk.domain.district;

import java.time.LocalDate;

/// A grid worker's monthly visit to a must-visit household (八必访), as recorded.
public record HouseholdVisit(String householdId, String workerId, LocalDate visitedOn, String note) {
}
