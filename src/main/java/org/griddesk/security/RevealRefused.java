package org.griddesk.security;

/// A reveal of personal data refused by a rule (no permission, outside the person's scope, no or
/// too long a reason, no data key on this desk): a message key of `i18n/personaldata` and its
/// arguments. Nothing was shown, and the attempt was audited.
public final class RevealRefused extends RuntimeException {
    /// the bundle of the messages about personal data: reveals, the data key
    public static final String BUNDLE = "i18n/personaldata";

    private final String messageKey;
    private final transient Object[] args;

    public RevealRefused(String messageKey, Object... args) {
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
