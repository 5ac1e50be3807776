package org.griddesk.ui;

import java.util.List;
import java.util.stream.Stream;
import javafx.collections.ListChangeListener;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/// GridDesk's icon (a grid with the dispatched cell) on every window: the title bar, the task bar and
/// Alt+Tab show it rather than Java's cup. The installers carry the same picture (installer/icons).
public final class AppIcon {
    /// the sizes in `/icons/griddesk-N.png`: Windows picks 16 and 32 for the title and task bar, Linux desktops the larger
    static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /// The icon in every size, loaded from the jar.
    public static List<Image> images() {
        return SIZES.stream().map(size -> AppIcon.class.getResource("/icons/griddesk-" + size + ".png"))
                .flatMap(url -> url == null ? Stream.empty() : Stream.of(new Image(url.toExternalForm())))
                .toList();
    }

    /// Gives every stage the application shows from now on (the desk, its screens, dialogs and alerts) the icon,
    /// unless it has its own. Call once on the FX thread.
    public static void onEveryWindow() {
        List<Image> images = images();
        for (Window shown : Window.getWindows()) {
            give(shown, images);
        }
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(window -> give(window, images));
            }
        });
    }

    private static void give(Window window, List<Image> images) {
        if (window instanceof Stage stage && stage.getIcons().isEmpty()) {
            stage.getIcons().setAll(images);
        }
    }
}
