package org.griddesk.security;

import java.util.List;

/// Signing in and out at a desk, as the desk asks it (the store's `AccountService` answers).
/// Every call is audited; none may run on the FX thread (each may take the ~300 ms of Argon2id).
public interface Accounts {
    /// Checks a name, a password and, when the account has one, a TOTP code (null when not yet
    /// asked). Failures count towards the lockout.
    SignInResult signIn(String username, char[] password, String secondFactor, Workstation from);

    /// Changes a password at sign-in (first sign-in, reset, expiry) or from the desk, checked
    /// against the policy and the last five; then signs in.
    SignInResult changePassword(String username, char[] oldPassword, char[] newPassword, String secondFactor, Workstation from);

    /// Whether the password unlocks a desk locked after being idle; wrong ones count towards the
    /// lockout (and a lockout signs the session out).
    boolean unlock(Session session, char[] password);

    /// Ends a session (sign-out, change of person, closing the desk).
    void signOut(Session session);

    /// The demo store's accounts for the "sign in as" list (演示库): empty in a real store.
    List<DemoAccount> demoAccounts();

    /// An account of the demo store: its name, its display name and role, and its password.
    record DemoAccount(String username, String displayName, String unitName, String roleKey, String password) {
    }
}
