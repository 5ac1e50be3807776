package org.griddesk.desk.session;

import org.griddesk.domain.org.Role;
import org.griddesk.security.Session;

/// What the desk shows the person signed in, by the role they act in: the ticket desk (a centre's
/// queue for dispatchers and supervisors, the team's for a handler, every centre's, read-only, for a
/// district manager), the wall, or an administrator's screen, and nothing before anyone signs in.
/// What each may do on a ticket is still the permission table's answer, in the services.
public enum DeskFace {
    SIGNED_OUT,
    /// dispatchers and supervisors of a centre: the desk as it was
    CENTRE,
    /// a handler: the tickets given to their team
    TEAM,
    /// a district manager: every ticket of the district, read-only
    DISTRICT,
    /// the wall display: the wall window, no personal data
    WALL,
    SYSTEM_ADMIN,
    SECURITY_ADMIN,
    AUDIT_ADMIN,
    /// a grid worker's account: the workers' app only
    NO_DESK;

    public static DeskFace of(Session session) {
        if (session == null) {
            return SIGNED_OUT;
        }
        return switch (session.actingRole()) {
            case DISPATCHER, SUPERVISOR -> CENTRE;
            case HANDLER -> TEAM;
            case DISTRICT_MANAGER -> DISTRICT;
            case WALL_DISPLAY -> WALL;
            case SYSTEM_ADMIN -> SYSTEM_ADMIN;
            case SECURITY_ADMIN -> SECURITY_ADMIN;
            case AUDIT_ADMIN -> AUDIT_ADMIN;
            case GRID_WORKER, CHANNEL -> NO_DESK;
        };
    }

    /// Whether the queue, the map and the detail pane show.
    public boolean showsTickets() {
        return this == CENTRE || this == TEAM || this == DISTRICT;
    }

    /// Whether an administrator's screen shows instead of the tickets.
    public boolean administration() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /// The administrator role this face is for (null for the others).
    public Role administrator() {
        return switch (this) {
            case SYSTEM_ADMIN -> Role.SYSTEM_ADMIN;
            case SECURITY_ADMIN -> Role.SECURITY_ADMIN;
            case AUDIT_ADMIN -> Role.AUDIT_ADMIN;
            default -> null;
        };
    }
}
