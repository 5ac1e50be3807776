package org.griddesk.dispatch;

import java.util.Locale;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;

/// Who sits at the desk: a role in a unit (a centre for dispatchers and supervisors, a team for a
/// department handler). Until accounts and sign-in come, these are demo identities; everything they
/// do is recorded under [#actor()] in the trail.
public record DeskUser(Role role, Unit unit) {
    public DeskUser {
        if (role != Role.DISPATCHER && role != Role.SUPERVISOR && role != Role.HANDLER) {
            throw new IllegalArgumentException("the desk seats dispatchers, supervisors and handlers, not " + role);
        }
        if (role == Role.HANDLER ? !unit.isTeam() : !unit.isCentre()) {
            throw new IllegalArgumentException(role + " cannot sit for " + unit.id());
        }
    }

    /// The identity the trail records: `DEMO-DISPATCHER-JN`, named 演示调度员 etc.
    public Actor actor() {
        String name = switch (role) {
            case DISPATCHER -> "演示调度员";
            case SUPERVISOR -> "演示值班长";
            default -> "演示处置员";
        };
        return new Actor("DEMO-" + role.name() + "-" + unit.id(), name, role, unit);
    }

    /// The centre whose queue this user works: the unit itself, or a team's centre.
    public String centreId() {
        return role == Role.HANDLER ? unit.parentId() : unit.id();
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(Locale.ROOT) + "@" + unit.id();
    }
}
