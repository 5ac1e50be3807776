package org.griddesk.security;

/// A reveal of personal data refused by a rule (no permission, outside the person's scope, no or
/// too long a reason, no data key on this desk, a session that no longer stands): a message key of
/// `i18n/personaldata` and its arguments. Nothing was shown, and the attempt was audited.
public final class RevealRefused extends RefusedInWords {
    /// the bundle of the messages about personal data: reveals, the data key
    public static final String BUNDLE = "i18n/personaldata";

    public RevealRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
