package org.griddesk.domain.district;

/// What part of the district's base data a committed change touched (`district_change.change_kind`):
/// desks and gateways read the district anew on any of them.
public enum DistrictChangeKind {
    /// a new version of the grids (towns, communities, grids)
    MAP,
    /// centres, teams, departments and their contacts
    ORGANISATION,
    /// grid workers and grid leaders
    WORKERS,
    CAMERAS,
    /// categories, items and the responsibility catalogue (team types)
    TAXONOMY,
    /// the holiday calendar (working days)
    CALENDAR,
    /// intake channels' and teams' keys
    CHANNEL_KEYS,
    /// must-visit households
    HOUSEHOLDS,
    /// how often each group of must-visit households is visited
    VISIT_FREQUENCIES
}
