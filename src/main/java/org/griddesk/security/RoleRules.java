package org.griddesk.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Role;

/// Which roles one account may hold together (三员分立, GB/T 22239 8.1.4.2): never two of the three
/// administrators, and no administrator in a role that handles tickets (any role holding a
/// `TICKET_*` permission of [Permissions]). Channels are keys, not people.
public final class RoleRules {
    private RoleRules() {
    }

    /// The refusal key of `i18n/security` for a set of roles, or empty when one account may hold them.
    public static Optional<String> refusal(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of("roles.none");
        }
        if (roles.contains(Role.CHANNEL)) {
            return Optional.of("roles.channel");
        }
        Set<Role> administrators = EnumSet.copyOf(roles);
        administrators.retainAll(Role.ADMINISTRATORS);
        if (administrators.size() > 1) {
            return Optional.of("roles.twoAdministrators");
        }
        if (!administrators.isEmpty() && roles.stream().anyMatch(RoleRules::handlesTickets)) {
            return Optional.of("roles.administratorHandlesTickets");
        }
        return Optional.empty();
    }

    /// Whether a role holds any ticket action.
    public static boolean handlesTickets(Role role) {
        return Permissions.of(role).stream().anyMatch(RoleRules::isTicketAction);
    }

    static boolean isTicketAction(Permission permission) {
        return permission.name().startsWith("TICKET_");
    }
}
