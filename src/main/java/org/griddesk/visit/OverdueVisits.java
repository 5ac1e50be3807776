package org.griddesk.visit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitScope;

/// What a centre watches of its area's duty visits at `at` ([VisitPlans#overdueFor]): every overdue
/// visit, the longest overdue first, then the visits open major events still call for (due within
/// 24 hours, not yet overdue). Households are named by id and masked name only.
///
/// @param scope        whose households: a town (AREA) or the district
/// @param visits       overdue first (the longest first), then open major-event visits by due time
/// @param maskedNames  household id → 张*华 ("" when this desk cannot open it)
/// @param regionNames  region code → name, for the towns, communities and grids listed
/// @param events       the major events the visits name, by id
public record OverdueVisits(VisitScope scope, Instant at, List<VisitDue> visits, Map<String, String> maskedNames,
                            Map<String, String> regionNames, Map<Long, MajorEvent> events) {
    public OverdueVisits {
        visits = List.copyOf(visits);
        maskedNames = Map.copyOf(maskedNames);
        regionNames = Map.copyOf(regionNames);
        events = Map.copyOf(events);
    }

    /// One community's overdue visits at a glance.
    ///
    /// @param oldestDueBy the due time of its longest overdue visit
    public record CommunityOverdue(String areaCode, String communityCode, long overdue, long eventOverdue, Instant oldestDueBy) {
    }

    /// The overdue visits alone.
    public List<VisitDue> overdue() {
        return visits.stream().filter(VisitDue::overdue).toList();
    }

    /// The communities with overdue visits, the longest overdue first (then the most overdue).
    public List<CommunityOverdue> byCommunity() {
        Map<String, List<VisitDue>> grouped = new LinkedHashMap<>();
        for (VisitDue due : overdue()) {
            grouped.computeIfAbsent(String.valueOf(due.communityCode()), c -> new ArrayList<>()).add(due);
        }
        List<CommunityOverdue> rows = new ArrayList<>();
        grouped.forEach((community, dues) -> rows.add(new CommunityOverdue(dues.getFirst().areaCode(), community, dues.size(),
                dues.stream().filter(d -> d.reason() == VisitDue.Reason.MAJOR_EVENT).count(),
                dues.stream().map(VisitDue::dueBy).min(Comparator.naturalOrder()).orElseThrow())));
        rows.sort(Comparator.comparing(CommunityOverdue::oldestDueBy)
                .thenComparing(Comparator.comparingLong(CommunityOverdue::overdue).reversed())
                .thenComparing(CommunityOverdue::communityCode));
        return rows;
    }

    /// A region's name, or its code when the map has no such live region.
    public String name(String code) {
        return code == null ? "" : Objects.requireNonNullElse(regionNames.get(code), code);
    }
}
