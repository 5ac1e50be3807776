package org.griddesk.security;

/// An account operation refused by a rule (no permission, two administrator roles, a weak or
/// reused password, an unknown unit …): a message key of `i18n/security` and its arguments.
/// Nothing was written, and the attempt was audited.
public final class AccountRefused extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public AccountRefused(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
