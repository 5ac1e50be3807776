package org.griddesk.ui;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The user-visible strings of one language, read from `i18n/messages*.properties`.
///
/// The base bundle is Chinese. Loading never falls back to the JVM's default locale, so an
/// English user on a Chinese Windows gets English and vice versa.
public final class Messages {
    public static final String BUNDLE = "i18n/messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    public static Messages of(Language language) {
        return new Messages(language, bundle(BUNDLE, language));
    }

    /// The strings of a feature's own bundle (e.g. `i18n/personaldata`).
    public static Messages of(Language language, String baseName) {
        return new Messages(language, bundle(baseName, language));
    }

    /// Loads any GridDesk bundle for a language without falling back to the JVM default locale.
    public static ResourceBundle bundle(String baseName, Language language) {
        return ResourceBundle.getBundle(baseName, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Language language() {
        return language;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /// The text for a key, with `{0}`-style arguments filled in.
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
