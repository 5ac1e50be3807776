package org.griddesk.domain.visit;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/// Something about visits the rules do not take (a major event for an unknown area, a visit to a
/// household of another grid, a point outside the district…), with the reason in Chinese and
/// English (`i18n/visits*.properties`). Nothing has changed when this is thrown.
public final class VisitRefused extends RuntimeException {
    static final String BUNDLE = "i18n/visits";

    private final String key;
    private final transient Object[] args;

    /// @param key  the reason's message key, e.g. `visits.refused.role`
    /// @param args message arguments; message keys among them (`visits.action.*`) are translated too
    public VisitRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    /// The reason in the given language (Chinese for `zh`, English otherwise).
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] shown = java.util.Arrays.stream(args)
                .map(a -> a instanceof String s && bundle.containsKey(s) ? bundle.getString(s) : a).toArray();
        return new MessageFormat(bundle.getString(key), locale).format(shown);
    }

    /// Both languages, Chinese first, for logs and API errors.
    public String bilingual() {
        return message(Locale.SIMPLIFIED_CHINESE) + " / " + message(Locale.ENGLISH);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }
}
