package org.griddesk.store.digest;

import org.griddesk.security.RefusedInWords;

/// The digest refused by a rule (no permission, a day that has not come): a message key of
/// `i18n/digest` and its arguments. Nothing was computed or written, and the attempt was audited.
public final class DigestRefused extends RefusedInWords {
    public static final String BUNDLE = "i18n/digest";

    public DigestRefused(String messageKey, Object... args) {
        super(messageKey, args);
    }
}
