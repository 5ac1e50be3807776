package org.griddesk.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;

/// What a password must be (GB/T 22239 8.1.4.1: 口令复杂度 and periodic change): at least the
/// policy's length, of at least three of four kinds (upper case, lower case, digits, others), not
/// the user name, not one of the last passwords; and older than the expiry it must be changed.
public final class PasswordPolicy {
    /// kinds of characters a password must mix
    static final int KINDS_NEEDED = 3;
    /// the lowest values a security administrator may set
    public static final int MIN_LENGTH_FLOOR = 8;
    public static final int HISTORY_FLOOR = 5;

    private final PasswordPolicySettings settings;

    public PasswordPolicy(PasswordPolicySettings settings) {
        this.settings = settings;
    }

    /// The refusal key of `i18n/security` for a new password, or empty when it may be used.
    /// `earlierHashes` are the account's current and earlier hashes, newest first.
    public Optional<String> refusal(String username, char[] password, List<String> earlierHashes, PasswordHasher hasher) {
        if (password == null || password.length < settings.minLength()) {
            return Optional.of("password.tooShort");
        }
        if (kinds(password) < KINDS_NEEDED) {
            return Optional.of("password.tooSimple");
        }
        if (username != null && new String(password).equalsIgnoreCase(username)) {
            return Optional.of("password.isUsername");
        }
        int checked = Math.min(earlierHashes.size(), settings.historySize());
        for (int i = 0; i < checked; i++) {
            if (hasher.verify(password, earlierHashes.get(i))) {
                return Optional.of("password.reused");
            }
        }
        return Optional.empty();
    }

    /// Whether a password set at `changedAt` has expired by `now` (never when expiry is 0).
    public boolean expired(Instant changedAt, Instant now) {
        return settings.expiryDays() > 0 && !now.isBefore(changedAt.plus(Duration.ofDays(settings.expiryDays())));
    }

    static int kinds(char[] password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (char c : password) {
            if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /// The refusal key for settings a security administrator proposes, or empty when they hold.
    public static Optional<String> settingsRefusal(PasswordPolicySettings s) {
        if (s.minLength() < MIN_LENGTH_FLOOR || s.minLength() > 64) {
            return Optional.of("policy.minLength");
        }
        if (s.historySize() < HISTORY_FLOOR || s.historySize() > 24) {
            return Optional.of("policy.historySize");
        }
        if (s.expiryDays() < 0 || s.expiryDays() > 365) {
            return Optional.of("policy.expiryDays");
        }
        if (s.maxFailures() < 1 || s.maxFailures() > 10) {
            return Optional.of("policy.maxFailures");
        }
        if (s.lockMinutes() < 1 || s.lockMinutes() > 24 * 60) {
            return Optional.of("policy.lockMinutes");
        }
        if (s.idleLockMinutes() < 1 || s.idleLockMinutes() > 60) {
            return Optional.of("policy.idleLockMinutes");
        }
        return Optional.empty();
    }
}
