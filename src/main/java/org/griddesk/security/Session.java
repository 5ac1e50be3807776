package org.griddesk.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Role;

/// A person signed in: their account, the unit they belong to, their roles, when and where they
/// signed in. What they may do is [Permissions]' answer for their roles; services take a session
/// and ask [#may] before anything else.
///
/// @param accountId   the account's stable id (what the trail and the audit record)
/// @param username    the sign-in name
/// @param displayName the person's name, shown in the status bar and the trail
/// @param unitId      the centre or team they belong to
public record Session(String accountId, String username, String displayName, String unitId, Set<Role> roles,
                      Instant signedInAt, Workstation from) {
    public Session {
        if (accountId == null || username == null || unitId == null || roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a session needs an account, a unit and at least one role");
        }
        roles = Set.copyOf(roles);
        displayName = displayName == null ? username : displayName;
    }

    public boolean may(Permission permission) {
        return Permissions.allows(roles, permission);
    }

    /// The role the person acts in at the desk and in the trail: the one of their roles with the
    /// most permissions (a supervisor who is also a dispatcher acts as supervisor).
    public Role actingRole() {
        Role best = null;
        for (Role role : EnumSet.copyOf(roles)) {
            if (best == null || Permissions.of(role).size() > Permissions.of(best).size()) {
                best = role;
            }
        }
        return best;
    }
}
