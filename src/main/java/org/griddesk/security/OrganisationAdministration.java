package org.griddesk.security;

import java.util.List;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;

/// What the system administrator does to the district's centres, teams and departments. Each call
/// needs [org.griddesk.domain.org.Permission#ORGANISATION_MANAGE], checked here, below any screen;
/// every change is audited and recorded as a change of the district (desks and gateways read it
/// anew), and a refusal throws [AccountRefused], audited, changing nothing.
public interface OrganisationAdministration {
    /// Every unit with its team type and contact, by id.
    List<UnitEntry> units(Session by);

    /// The catalogue's team types, which a team or department must be one of.
    List<TeamType> unitTeamTypes(Session by);

    /// Adds a unit (a new id): a town centre's id is its town's code, a team hangs under the
    /// centre of its level with a team type of that level.
    void addUnit(Session by, NewUnit unit);

    void renameUnit(Session by, String unitId, String name);

    /// @param phone a mobile or a landline with its area code, in any spelling; both blank clear the contact
    void changeContact(Session by, String unitId, String name, String phone);

    void changeTeamType(Session by, String unitId, String teamTypeCode);

    /// Removes a unit no ticket, account, unit or key names (refused in words otherwise).
    void removeUnit(Session by, String unitId);

    /// A unit as the administrator types it (checked by the service, not here).
    ///
    /// @param teamTypeCode null for a centre
    record NewUnit(String id, String name, UnitLevel level, UnitKind kind, String parentId, String teamTypeCode,
                   String contactName, String contactPhone) {
    }
}
