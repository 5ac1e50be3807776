package org.griddesk.security;

/// How a sign-in (or a password change at sign-in) ended.
public sealed interface SignInResult {
    /// In: the desk opens for this session.
    record SignedIn(Session session) implements SignInResult {
    }

    /// The password is right but must be changed before anything else (first sign-in, a reset by
    /// the security administrator, or expiry); `reasonKey` names which, for the dialog.
    record PasswordChangeRequired(String username, String reasonKey) implements SignInResult {
    }

    /// The password is right and the account has a second factor: the code is asked for.
    record SecondFactorRequired(String username) implements SignInResult {
    }

    /// Not in: a message key of `i18n/security` and its arguments. Unknown user and wrong password
    /// give the same key, and take the same time.
    record Refused(String messageKey, Object... args) implements SignInResult {
    }
}
