package org.griddesk.app;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import org.slf4j.LoggerFactory;

/// Why the desk cannot start, shown in a window before it exits: a desk started from its icon or the
/// Start menu has no console, so the words printed there would reach nobody. Without a display (a
/// server, the tests) only the console and the log say it.
final class StartupError {
    private StartupError() {
    }

    /// Shows `message` (its OK button in `language`) and waits until it is closed; returns at once
    /// when there is no display.
    static void show(String message, java.util.Locale language) {
        LoggerFactory.getLogger(StartupError.class).error("the desk cannot start: {}", message);
        if (!hasDisplay()) {
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        java.util.Locale.setDefault(language); // the dialog's own button speaks the desk's language
        try {
            Platform.startup(() -> { });
            // shown once the toolkit runs (a nested event loop inside its start-up draws nothing)
            Platform.runLater(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
                alert.setTitle("网格指挥台 GridDesk");
                alert.setHeaderText("无法启动 / Cannot start");
                alert.getDialogPane().setMinWidth(600);
                alert.showAndWait();
                closed.countDown();
            });
            closed.await(10, TimeUnit.MINUTES);
        } catch (RuntimeException | InterruptedException | LinkageError noWindow) {
            LoggerFactory.getLogger(StartupError.class).debug("no window for the startup error: {}", noWindow.toString());
        } finally {
            Platform.exit();
        }
    }

    private static boolean hasDisplay() {
        if (Boolean.getBoolean("java.awt.headless") || Boolean.getBoolean("testfx.headless")) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        return os.contains("win") || os.contains("mac") || System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
    }
}
