package org.griddesk.ui;

import java.util.Locale;
import java.util.Optional;

/// The languages GridDesk speaks. Chinese first: it is the default everywhere.
public enum Language {
    ZH_CN("zh_CN", Locale.SIMPLIFIED_CHINESE),
    EN("en", Locale.ENGLISH);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /// Accepts the codes people type: `zh`, `zh_CN`, `zh-CN`, `cn`, `en`, `en_US`, `english` ...
    public static Optional<Language> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (t.startsWith("zh") || t.equals("cn") || t.equals("chinese") || t.equals("中文")) {
            return Optional.of(ZH_CN);
        }
        if (t.startsWith("en") || t.equals("english")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
