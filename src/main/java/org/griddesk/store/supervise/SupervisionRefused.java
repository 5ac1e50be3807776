package org.griddesk.store.supervise;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.griddesk.security.RefusedInWords;

/// A consultation or hand-over refused by a rule (no permission, wrong unit, the same person signing
/// off, a missing field): said in words from the feature's bundle (`i18n/consult` or
/// `i18n/handover`). Nothing was written; refusals for who the person is were audited.
public final class SupervisionRefused extends RefusedInWords {
    private final String bundle;

    SupervisionRefused(String bundle, String messageKey, Object... args) {
        super(messageKey, args);
        this.bundle = bundle;
    }

    static SupervisionRefused consult(String key, Object... args) {
        return new SupervisionRefused("i18n/consult", key, args);
    }

    static SupervisionRefused handover(String key, Object... args) {
        return new SupervisionRefused("i18n/handover", key, args);
    }

    /// The reason in Chinese (`zh`) or English.
    public String message(Locale locale) {
        Locale which = locale.getLanguage().equals("zh") ? Locale.ROOT : Locale.ENGLISH;
        ResourceBundle words = ResourceBundle.getBundle(bundle, which,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(words.getString(messageKey()), locale).format(args());
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
