package org.griddesk.domain.org;

/// A centre or a team.
///
/// @param id       stable code, e.g. `JN` (district centre), `JN-XSG` (咸水沽镇 centre), `JN-CGW` (城管委)
/// @param name     Chinese name
/// @param level    where it sits in the net
/// @param kind     centre or team
/// @param parentId for a centre, the centre one level up (null for the city); for a team, its centre
public record Unit(String id, String name, UnitLevel level, UnitKind kind, String parentId) {
    public Unit {
        if (id == null || id.isBlank() || name == null || level == null || kind == null) {
            throw new IllegalArgumentException("a unit needs an id, a name, a level and a kind");
        }
    }

    public boolean isCentre() {
        return kind == UnitKind.CENTRE;
    }

    public boolean isTeam() {
        return kind == UnitKind.TEAM;
    }
}
