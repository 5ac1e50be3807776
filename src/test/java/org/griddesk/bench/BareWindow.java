package org.griddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/// Baseline for the start-up benchmark: the least a JavaFX program can do to show a window
/// (one label, default theme), measured exactly as GridDesk measures itself.
public final class BareWindow extends Application {
    private static Path report;

    /// Not `main` of the Application subclass itself, so that it also starts from a class path.
    public static final class Main {
        public static void main(String[] args) {
            report = Path.of(args[0]);
            Application.launch(BareWindow.class);
        }
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(new Label("网格指挥台")), 1920, 1080));
        stage.setOnShown(e -> {
            long shown = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            try {
                Files.writeString(report, "{\"windowShownMs\":" + shown + ",\"storeReadyMs\":" + shown + "}\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            Platform.exit();
        });
        stage.show();
    }
}
