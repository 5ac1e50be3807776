package org.griddesk.desk.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
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
        FXMLLoader loader = new FXMLLoader(AuditAdminScreen.class.getResource(FXML), texts.bundle());
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + FXML, e);
        }
        root.getStylesheets().add(AuditAdminScreen.class.getResource(SecurityTexts.STYLESHEET).toExternalForm());
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
