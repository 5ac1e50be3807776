package org.griddesk.desk.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import org.griddesk.domain.org.Role;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The words of sign-in, the lock screen, the session menu and the administration screens
/// (`i18n/signin`), and the refusals the account service gives (`i18n/security`, its keys).
public final class SecurityTexts {
    public static final String BUNDLE = "i18n/signin";
    /// the stylesheet of sign-in, lock screen, demo marker and administration screens
    public static final String STYLESHEET = "/css/signin.css";
    /// the account service's refusals (its message keys)
    public static final String REFUSALS = "i18n/security";

    private final Language language;
    private final ResourceBundle own;
    private final Optional<ResourceBundle> refusals;

    private SecurityTexts(Language language) {
        this.language = language;
        this.own = Messages.bundle(BUNDLE, language);
        Optional<ResourceBundle> found;
        try {
            found = Optional.of(Messages.bundle(REFUSALS, language));
        } catch (MissingResourceException e) {
            found = Optional.empty();
        }
        this.refusals = found;
    }

    public static SecurityTexts of(Language language) {
        return new SecurityTexts(language);
    }

    public Language language() {
        return language;
    }

    /// The bundle the FXML layouts read (`%signin.username` …).
    public ResourceBundle bundle() {
        return own;
    }

    /// Loads one of the sign-in, lock or administration layouts with these words, its stylesheet
    /// added, bound to `controller`.
    public <T extends Parent> T layout(String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(SecurityTexts.class.getResource(fxml), own);
        loader.setController(controller);
        try {
            T root = loader.load();
            root.getStylesheets().add(SecurityTexts.class.getResource(STYLESHEET).toExternalForm());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + fxml, e);
        }
    }

    /// A text of the desk's own, with `{0}`-style arguments.
    public String get(String key, Object... args) {
        return pattern(own, key).map(p -> format(p, args)).orElse("!" + key + "!");
    }

    /// A refusal in words: the account service's key, or, should it name a key this desk does not
    /// know, the key itself in a sentence (never a blank).
    public String refusal(String key, Object... args) {
        return refusals.flatMap(bundle -> pattern(bundle, key)).or(() -> pattern(own, key)).map(p -> format(p, args))
                .orElseGet(() -> get("signin.refused.other", key));
    }

    /// 调度员, Dispatcher …
    public String role(Role role) {
        return get("role.name." + role.name());
    }

    private static Optional<String> pattern(ResourceBundle bundle, String key) {
        try {
            return Optional.of(bundle.getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private String format(String pattern, Object... args) {
        return args == null || args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
