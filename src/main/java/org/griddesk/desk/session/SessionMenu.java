package org.griddesk.desk.session;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyCodeCombination;
import org.griddesk.domain.org.Permission;

/// The 身份 menu of a signed-in desk: 修改密码, 锁定 (Ctrl+L), 注销, 切换用户, and for the audit
/// administrator the audit log. Greyed out while nobody is signed in.
public final class SessionMenu {
    /// Ctrl+L (⌘L): locks the desk at once
    public static final KeyCombination LOCK = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);

    /// What the items do.
    public interface Actions {
        void changePassword();

        void lock();

        void signOut();

        void switchUser();

        void openAuditLog();
    }

    private SessionMenu() {
    }

    public static void fill(Menu menu, SecurityTexts texts, SessionViewModel sessions, Actions actions) {
        menu.getItems().setAll(
                item("sessionChangePassword", texts.get("session.menu.changePassword"), actions::changePassword),
                item("sessionLock", texts.get("session.menu.lock"), actions::lock),
                new SeparatorMenuItem(),
                item("sessionSignOut", texts.get("session.menu.signOut"), actions::signOut),
                item("sessionSwitchUser", texts.get("session.menu.switchUser"), actions::switchUser));
        menu.getItems().get(1).setAccelerator(LOCK);
        MenuItem audit = item("sessionAuditLog", texts.get("session.menu.audit"), actions::openAuditLog);
        menu.getItems().addAll(new SeparatorMenuItem(), audit);
        Runnable grey = () -> {
            boolean in = sessions.current() != null;
            menu.getItems().forEach(i -> i.setDisable(!in));
            audit.setVisible(sessions.may(Permission.AUDIT_READ));
        };
        grey.run();
        sessions.sessionProperty().addListener((obs, old, now) -> grey.run());
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
