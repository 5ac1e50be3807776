package org.griddesk.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.InputEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.security.Session;
import org.griddesk.ui.Language;

/// The 督查考核 menu: one item per supervision screen the signed-in person may open, the whole menu
/// hidden when there is none; the windows it opened close when the desk locks or the person leaves.
final class SupervisionMenu {
    private final List<SupervisionScreen> screens = new ArrayList<>();
    private final List<Window> open = new ArrayList<>();
    private final Supplier<Window> owner;
    private final Runnable input;
    private Menu menu;
    private Session session;
    private Language language = Language.ZH_CN;

    /// @param input what work in an opened window tells the desk (it keeps the idle lock away)
    SupervisionMenu(Supplier<Window> owner, Runnable input) {
        this.owner = owner;
        this.input = input;
    }

    void add(SupervisionScreen screen) {
        screens.add(screen);
        refill();
    }

    void fill(Menu menu) {
        this.menu = menu;
        refill();
    }

    void useLanguage(Language language) {
        this.language = language;
        refill();
    }

    /// the person now at the desk (null: nobody)
    void person(Session now) {
        this.session = now;
        refill();
    }

    /// Closes the screens and every window opened from them (a drill-down list shows tickets too).
    void closeAll() {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (!open.contains(window) && openedFromAScreen(window)) {
                window.hide();
            }
        }
        List.copyOf(open).forEach(Window::hide);
        open.clear();
    }

    private boolean openedFromAScreen(Window window) {
        Window owner = window instanceof Stage stage ? stage.getOwner() : null;
        while (owner != null) {
            if (open.contains(owner)) {
                return true;
            }
            owner = owner instanceof Stage stage ? stage.getOwner() : null;
        }
        return false;
    }

    private void refill() {
        if (menu == null) {
            return;
        }
        menu.getItems().clear();
        if (session != null) {
            for (SupervisionScreen screen : screens) {
                if (screen.allowedFor(session)) {
                    MenuItem item = new MenuItem(screen.title(language));
                    item.setOnAction(e -> openScreen(screen));
                    menu.getItems().add(item);
                }
            }
        }
        menu.setVisible(!menu.getItems().isEmpty());
    }

    void openScreen(SupervisionScreen screen) {
        Session now = session;
        if (now == null || !screen.allowedFor(now)) {
            return;
        }
        Window window = screen.open(owner.get(), now, language);
        if (window != null) {
            open.add(window);
            window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> open.remove(window));
            if (window.getScene() != null) {
                window.getScene().addEventFilter(InputEvent.ANY, e -> input.run());
            }
        }
    }
}
