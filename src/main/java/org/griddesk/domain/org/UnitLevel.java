package org.griddesk.domain.org;

/// The three levels of the net (一网统领) plus the city above the district.
public enum UnitLevel {
    CITY,
    /// the district grid-management centre and district departments
    DISTRICT,
    /// the 10 town/street centres and 2 zone bodies, and their teams
    STREET
}
