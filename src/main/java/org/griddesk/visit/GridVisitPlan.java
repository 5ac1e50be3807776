package org.griddesk.visit;

import java.time.YearMonth;
import java.util.List;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.domain.visit.VisitRules.PlannedVisits;

/// A grid worker's plan for a month: for each must-visit household of the grid, the periods of its
/// frequency that overlap the month and the visit made in each.
public record GridVisitPlan(String gridCode, YearMonth month, List<PlannedVisits> households) {
    public GridVisitPlan {
        households = List.copyOf(households);
    }

    /// The plan's household-periods and how many have a visit, as [VisitPlans#coverage] counts them.
    public VisitCoverage coverage() {
        return new VisitCoverage(households.stream().mapToInt(PlannedVisits::due).sum(),
                households.stream().mapToInt(PlannedVisits::made).sum());
    }
}
