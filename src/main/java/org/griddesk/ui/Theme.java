package org.griddesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;

/// Dark for wall screens (the default), light for bright offices.
public enum Theme {
    DARK,
    LIGHT;

    /// The AtlantaFX user-agent stylesheet for this theme.
    public String userAgentStylesheet() {
        return switch (this) {
            case DARK -> new PrimerDark().getUserAgentStylesheet();
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "dark", "深色" -> Optional.of(DARK);
            case "light", "浅色" -> Optional.of(LIGHT);
            default -> Optional.empty();
        };
    }
}
