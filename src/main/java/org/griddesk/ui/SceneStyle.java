package org.griddesk.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import javafx.scene.Scene;
import javafx.scene.text.Font;

/// What every GridDesk window's scene wears: the one theme stylesheet, and a Chinese font family
/// with real glyphs ([ChineseFonts]) as every control's default.
public final class SceneStyle {
    /// the theme stylesheet (colour variables, every feature's rules)
    public static final String STYLESHEET = "/css/griddesk.css";

    private SceneStyle() {
    }

    public static void apply(Scene scene) {
        scene.getStylesheets().add(SceneStyle.class.getResource(STYLESHEET).toExternalForm());
        ChineseFonts.choose(new HashSet<>(Font.getFamilies())).ifPresent(family -> scene.getStylesheets().add(fontStylesheet(family)));
    }

    /// A one-rule stylesheet that makes the family the default for every control.
    static String fontStylesheet(String family) {
        String css = ".root { -fx-font-family: \"" + family.replace("\"", "") + "\"; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
