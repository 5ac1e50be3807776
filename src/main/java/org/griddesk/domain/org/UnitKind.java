package org.griddesk.domain.org;

/// A centre owns tickets; a team handles them.
public enum UnitKind {
    CENTRE,
    TEAM
}
