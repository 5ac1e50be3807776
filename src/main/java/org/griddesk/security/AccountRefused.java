package org.griddesk.security;

/// An account operation refused by a rule (no permission, two administrator roles, a weak or
/// reused password, an unknown unit …): a message key of `i18n/security` and its arguments.
/// Nothing was written, and the attempt was audited.
public final class AccountRefused extends RefusedInWords {
    public AccountRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
