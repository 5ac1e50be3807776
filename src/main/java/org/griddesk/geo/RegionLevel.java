package org.griddesk.geo;

/// The three levels of the map below the district.
public enum RegionLevel {
    /// level 2: a town, street or zone (镇街、园区)
    AREA,
    /// level 3: a community or village with its grid work station (社区/村)
    COMMUNITY,
    /// a base grid (全科网格), one grid worker each
    GRID
}
