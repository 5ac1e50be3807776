package org.griddesk.dispatch;

import java.util.Locale;
import java.util.Optional;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;

/// Who sits at the desk: a signed-in person acting in a role for a unit (a centre for dispatchers
/// and supervisors, a team for a handler; a district manager or a wall display may belong to any
/// unit). Everything they do is recorded under [#actor()] in the trail, with their account's id.
///
/// @param accountId the account's id, as the trail records it
/// @param name      the person's name
public record DeskUser(Role role, Unit unit, String accountId, String name) {
    public DeskUser {
        if (role == null || unit == null || accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("a desk user needs a role, a unit and an account");
        }
        if (!seats(role)) {
            throw new IllegalArgumentException("the desk seats people who work or read tickets, not " + role);
        }
        if ((role == Role.HANDLER && !unit.isTeam()) || ((role == Role.DISPATCHER || role == Role.SUPERVISOR) && !unit.isCentre())) {
            throw new IllegalArgumentException(role + " cannot sit for " + unit.id());
        }
        name = name == null ? accountId : name;
    }

    /// A demo identity without an account (`DEMO-DISPATCHER-JN`, 演示调度员): tests and tools that
    /// act at the desk's model without signing in.
    public DeskUser(Role role, Unit unit) {
        this(role, unit, "DEMO-" + role.name() + "-" + unit.id(), demoName(role));
    }

    /// Whether the desk's ticket views seat this role (administrators get their own screens, grid
    /// workers and channels use the gateway).
    public static boolean seats(Role role) {
        return switch (role) {
            case DISPATCHER, SUPERVISOR, HANDLER, DISTRICT_MANAGER, WALL_DISPLAY -> true;
            default -> false;
        };
    }

    private static String demoName(Role role) {
        return switch (role) {
            case DISPATCHER -> "演示调度员";
            case SUPERVISOR -> "演示值班长";
            case HANDLER -> "演示处置员";
            default -> "演示" + role.name();
        };
    }

    /// The identity the trail records.
    public Actor actor() {
        return new Actor(accountId, name, role, unit);
    }

    /// The centre whose queue this user works: the unit itself, or a team's centre.
    public String centreId() {
        return role == Role.HANDLER || !unit.isCentre() ? unit.parentId() : unit.id();
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }

    /// `ROLE@UNIT`.
    public String spec() {
        return role.name() + "@" + unit.id();
    }

    /// The demo identity a [#spec()] names in this organisation; empty when it names none (another
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
        return role.name().toLowerCase(Locale.ROOT) + "@" + unit.id() + "(" + accountId + ")";
    }
}
