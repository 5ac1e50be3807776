package org.griddesk.desk.admin;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import org.griddesk.desk.session.SecurityTexts;

/// The audit administrator's screen (`fxml/admin/audit-admin.fxml`): one way to the audit log
/// viewer (`desk.audit`), which the desk's wiring hands in; it says so when none is wired.
public final class AuditAdminScreen {
    public static final String FXML = "/fxml/admin/audit-admin.fxml";

    private final Runnable open;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private Label auditMessage;

    /// @param open opens the viewer (null: not wired into this desk)
    public AuditAdminScreen(SecurityTexts texts, Runnable open) {
        this.texts = texts;
        this.open = open;
        this.root = texts.layout(FXML, this);
    }

    public Parent node() {
        return root;
    }

    @FXML
    private void open() {
        if (open == null) {
            auditMessage.setText(texts.get("admin.audit.notAvailable"));
        } else {
            open.run();
        }
    }
}
