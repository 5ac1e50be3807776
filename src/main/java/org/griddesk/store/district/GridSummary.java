package org.griddesk.store.district;

/// One grid at a glance: its worker, its people, its cameras and this month's must-visits.
///
/// @param plannedVisits households that must be visited this month
/// @param visited       of those, visited so far this month
public record GridSummary(String gridCode, String workerName, int households, int residents, int cameras, int plannedVisits,
                          int visited) {
    /// Share of this month's must-visits done (1 when none are due).
    public double visitCoverage() {
        return plannedVisits == 0 ? 1.0 : (double) visited / plannedVisits;
    }
}
