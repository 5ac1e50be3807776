package org.griddesk.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.org.Role;

/// What the system and security administrators do to accounts (三员分立: each operation needs its
/// permission of [org.griddesk.domain.org.Permissions], checked here, below any screen or command).
/// Every call is audited, refused or not; a refusal throws [AccountRefused] and writes nothing else.
public interface AccountAdministration {
    /// Every account (system and security administrators).
    List<AccountSummary> list(Session by);

    /// A new account without roles, with an initial password to be changed at first sign-in (system administrator).
    AccountSummary add(Session by, NewAccount account);

    /// Disables or enables an account (system administrator); a disabled account cannot sign in.
    void setEnabled(Session by, String username, boolean enabled);

    /// Replaces an account's roles (security administrator). No account holds two administrator
    /// roles, and no administrator holds a role that handles tickets.
    void setRoles(Session by, String username, Set<Role> roles);

    /// Lifts a lockout (security administrator).
    void unlock(Session by, String username);

    /// Sets a temporary password, returned once, to be changed at the next sign-in (security administrator).
    String resetPassword(Session by, String username);

    PasswordPolicySettings policy(Session by);

    /// Changes the password and session policy (security administrator).
    void setPolicy(Session by, PasswordPolicySettings policy);

    record AccountSummary(String accountId, String username, String displayName, String unitId, Set<Role> roles,
                          boolean enabled, Instant lockedUntil, Instant passwordChangedAt, Instant lastSignInAt,
                          boolean secondFactor) {
    }

    record NewAccount(String username, String displayName, String unitId, char[] initialPassword) {
    }

    /// @param minLength          at least 8
    /// @param expiryDays         a password older than this must be changed (0: never)
    /// @param historySize        how many earlier passwords may not be used again (at least 5)
    /// @param maxFailures        failed sign-ins in a row that lock the account
    /// @param lockMinutes        how long a lockout lasts
    /// @param idleLockMinutes    a desk left idle this long locks itself
    record PasswordPolicySettings(int minLength, int expiryDays, int historySize, int maxFailures, int lockMinutes,
                                  int idleLockMinutes) {
        public static final PasswordPolicySettings DEFAULT = new PasswordPolicySettings(8, 90, 5, 5, 15, 15);
    }
}
