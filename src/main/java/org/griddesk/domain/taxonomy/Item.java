package org.griddesk.domain.taxonomy;

import org.griddesk.domain.ticket.DeadlinePolicy;

/// One of the items of the taxonomy (事项), with what the responsibility catalogue (职责目录) says
/// about it: its deadline, whether the centre may answer it directly, and which team type handles
/// it at town level and at district level.
public record Item(String code, String name, String categoryCode, String subcategoryCode, DeadlinePolicy deadline,
                   boolean consultation, String streetTeamType, String districtTeamType) {
}
