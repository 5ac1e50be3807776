package org.griddesk.domain.assessment;

/// What a figure is counted for. A ticket belongs to a unit of each dimension as `docs/assessment.md`
/// says: to centres by the centre that owns it, to teams and departments by the team it was dispatched
/// to, to places (town, community, grid) and grid workers by its grid.
public enum UnitDimension {
    /// the whole district: one unit
    DISTRICT("全区"),
    /// the 12 town/street centres (and the district centre for what it owns itself)
    CENTRE("镇街中心"),
    /// district departments: teams at district level
    DEPARTMENT("区级部门"),
    /// town teams: teams at street level
    TEAM("镇街队伍"),
    /// the full-time grid worker of a ticket's grid
    GRID_WORKER("网格员"),
    /// the community (社区/村) holding a ticket's grid
    COMMUNITY("社区"),
    GRID("网格");

    private final String zhName;

    UnitDimension(String zhName) {
        this.zhName = zhName;
    }

    public String zhName() {
        return zhName;
    }
}
