package org.griddesk.security;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The words of `i18n/security` for refusals and sign-in results, in the desk's or the command's
/// language (Chinese unless English is asked for; never the JVM's default locale).
public final class AccountTexts {
    public static final String BUNDLE = "i18n/security";

    private final Locale locale;
    private final ResourceBundle bundle;

    public AccountTexts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    public String of(AccountRefused refused) {
        return text(refused.messageKey(), refused.args());
    }

    public String of(SignInResult.Refused refused) {
        return text(refused.messageKey(), refused.args());
    }
}
