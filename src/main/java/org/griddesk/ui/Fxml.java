package org.griddesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;

/// Loads a screen's FXML with its texts into the controller that is loading it.
public final class Fxml {
    private Fxml() {
    }

    /// Loads `resource` (a class-path path such as `/fxml/supervise/ranking.fxml`) with `controller` as
    /// its controller; returns the root. A missing or broken file is a programming error.
    public static <T> T load(Object controller, String resource, ResourceBundle texts) {
        FXMLLoader loader = new FXMLLoader(controller.getClass().getResource(resource), texts);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
