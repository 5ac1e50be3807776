package org.griddesk.dispatch;

import java.util.Locale;
import java.util.Optional;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
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

    /// `ROLE@UNIT`, as the configuration file keeps the desk's last identity.
    public String spec() {
        return role.name() + "@" + unit.id();
    }

    /// The identity a [#spec()] names in this organisation; empty when it names none (another
    /// district's, or a role the desk does not seat).
    public static Optional<DeskUser> fromSpec(String spec, Organisation organisation) {
        if (spec == null || !spec.contains("@")) {
            return Optional.empty();
        }
        try {
            Role role = Role.valueOf(spec.substring(0, spec.indexOf('@')).strip());
            return organisation.unit(spec.substring(spec.indexOf('@') + 1).strip()).map(unit -> new DeskUser(role, unit));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return role.name().toLowerCase(Locale.ROOT) + "@" + unit.id();
    }
}
