package org.griddesk.supervise.visit;

import java.time.Duration;
import java.time.Instant;
import org.griddesk.visit.OverdueVisits;

/// One community's overdue visits at a glance: how many, how many for major events, and its longest
/// overdue one (due by, days late).
record CommunityLine(String areaName, String communityCode, String communityName, long overdue, long eventOverdue,
                     String oldestDueBy, long oldestDaysLate) {

    static CommunityLine of(OverdueVisits.CommunityOverdue row, OverdueVisits list, Instant now) {
        return new CommunityLine(list.name(row.areaCode()), row.communityCode(), list.name(row.communityCode()), row.overdue(),
                row.eventOverdue(), VisitLine.time(row.oldestDueBy()), Duration.between(row.oldestDueBy(), now).toDays());
    }
}
