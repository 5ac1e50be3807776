package org.griddesk.desk;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;

/// The window-wide choices a user makes from the menu: theme, language, and the demo feed (the
/// simulator posting gentle traffic to the desk's own gateway, so a newcomer sees the queue come alive).
public final class MainWindowViewModel {
    // Properties
    private final ObjectProperty<Theme> theme;
    private final ObjectProperty<Language> language;
    private final BooleanProperty demoFeed = new SimpleBooleanProperty(this, "demoFeed", false);
    private final BooleanProperty demoFeedAvailable = new SimpleBooleanProperty(this, "demoFeedAvailable", false);
    /// the desktop notifications are muted until the next shift (issue 24, timers)
    private final BooleanProperty alertsMuted = new SimpleBooleanProperty(this, "alertsMuted", false);

    public MainWindowViewModel(Language language, Theme theme) {
        this.language = new SimpleObjectProperty<>(this, "language", language);
        this.theme = new SimpleObjectProperty<>(this, "theme", theme);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public Theme getTheme() {
        return theme.get();
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public Language getLanguage() {
        return language.get();
    }

    /// Whether the demo feed runs.
    public BooleanProperty alertsMutedProperty() {
        return alertsMuted;
    }

    public BooleanProperty demoFeedProperty() {
        return demoFeed;
    }

    /// Whether the demo feed can run: the desk's gateway is up on a store with a district.
    public BooleanProperty demoFeedAvailableProperty() {
        return demoFeedAvailable;
    }

    // Commands
    public void switchTheme(Theme newTheme) {
        theme.set(newTheme);
    }

    public void switchLanguage(Language newLanguage) {
        language.set(newLanguage);
    }
}
