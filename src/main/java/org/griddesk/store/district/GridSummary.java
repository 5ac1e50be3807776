package org.griddesk.store.district;

import org.griddesk.domain.visit.VisitCoverage;

/// One grid at a glance: its worker, its people, its cameras and this month's must-visits.
///
/// @param visits this month's plan under the frequencies in force: the household-periods due (a
///               weekly household counts each week of the month) and how many have their visit
public record GridSummary(String gridCode, String workerName, int households, int residents, int cameras, VisitCoverage visits) {
    /// Share of this month's must-visits done (1 when none are due).
    public double visitCoverage() {
        return visits.share();
    }
}
