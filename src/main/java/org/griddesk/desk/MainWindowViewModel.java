package org.griddesk.desk;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.griddesk.ui.Language;
import org.griddesk.ui.Theme;

/// The window-wide choices a user makes from the menu: theme and language.
public final class MainWindowViewModel {
    // Properties
    private final ObjectProperty<Theme> theme;
    private final ObjectProperty<Language> language;

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

    // Commands
    public void switchTheme(Theme newTheme) {
        theme.set(newTheme);
    }

    public void switchLanguage(Language newLanguage) {
        language.set(newLanguage);
    }
}
