package org.griddesk.domain.ticket;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/// A command the rules do not allow, with the reason in Chinese and English
/// (`i18n/refusals*.properties`). Nothing has changed when this is thrown.
public final class TransitionRefused extends RuntimeException {
    static final String BUNDLE = "i18n/refusals";
    /// the refusals that say the actor may not act on this ticket at all (their role, or a ticket
    /// outside their unit), as against the ticket's state or the form's content
    private static final Set<String> OUT_OF_BOUNDS = Set.of("refusal.role", "refusal.notOwner", "refusal.notAssignedTeam",
            "refusal.notSummoned", "refusal.notAbove", "refusal.consultNotDistrict", "refusal.notTransferTarget");

    private final String key;
    private final transient Object[] args;

    /// @param key  the reason's message key, e.g. `refusal.state`
    /// @param args message arguments; message keys among them (`action.*`, `state.*`, `role.*`) are
    ///             translated too
    public TransitionRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    /// Whether the actor was refused for who they are (role or unit), not for the ticket's state or
    /// the form: such attempts are audited.
    public boolean outOfBounds() {
        return OUT_OF_BOUNDS.contains(key);
    }

    /// The reason in the given language (Chinese for `zh`, English otherwise).
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Object[] shown = Arrays.stream(args)
                .map(a -> a instanceof String s && bundle.containsKey(s) ? bundle.getString(s) : a)
                .toArray();
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
