package org.griddesk.security;

import java.util.List;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlinePolicy;

/// What the system administrator does to the taxonomy and responsibility catalogue (事项与职责目录):
/// an item's deadline, whether the centre may answer it directly, and the team types that handle it
/// in a town and at the district. Needs [org.griddesk.domain.org.Permission#CONFIGURATION_MANAGE];
/// changes are audited and recorded as a change of the district; a refusal throws
/// [AccountRefused], audited, changing nothing.
public interface TaxonomyAdministration {
    /// Every item, by code.
    List<Item> catalogueItems(Session by);

    /// The catalogue's team types, by code.
    List<TeamType> catalogueTeamTypes(Session by);

    /// Changes one item's rule; the team types must be the catalogue's, at the street and district levels.
    void changeItemRule(Session by, String itemCode, DeadlinePolicy deadline, boolean consultation, String streetTeamType,
                        String districtTeamType);
}
