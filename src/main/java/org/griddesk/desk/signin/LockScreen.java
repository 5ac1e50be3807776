package org.griddesk.desk.signin;

import javafx.application.Platform;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import org.griddesk.desk.session.SecurityTexts;

/// The lock screen's node (`fxml/signin/lock-screen.fxml`), bound to a [LockViewModel]. The desk
/// puts it in place of its work area, whose panes it hides meanwhile (nothing readable behind).
public final class LockScreen {
    public static final String FXML = "/fxml/signin/lock-screen.fxml";

    private final LockViewModel model;
    private final ObservableStringValue who;
    private final Parent root;

    @FXML private Label lockWho;
    @FXML private Label lockPrompt;
    @FXML private PasswordField unlockPassword;
    @FXML private Label unlockMessage;
    @FXML private ProgressIndicator unlockBusy;
    @FXML private Button unlockButton;
    @FXML private Button lockSignOut;

    /// @param who the person signed in, in words (the status bar's)
    public LockScreen(LockViewModel model, SecurityTexts texts, ObservableStringValue who) {
        this.model = model;
        this.who = who;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        lockWho.textProperty().bind(who);
        unlockPassword.textProperty().bindBidirectional(model.passwordProperty());
        unlockMessage.textProperty().bind(model.messageProperty());
        unlockMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        unlockMessage.managedProperty().bind(unlockMessage.visibleProperty());
        unlockBusy.visibleProperty().bind(model.busyProperty());
        unlockButton.disableProperty().bind(model.busyProperty());
        lockSignOut.disableProperty().bind(model.busyProperty());
        unlockPassword.disableProperty().bind(model.busyProperty());
    }

    public Parent node() {
        return root;
    }

    /// Shown: the prompt names the person, the password field has the focus.
    public void shown() {
        lockPrompt.setText(model.prompt());
        Platform.runLater(unlockPassword::requestFocus);
    }

    @FXML
    private void unlock() {
        model.unlock();
    }

    @FXML
    private void signOut() {
        model.signOut();
    }
}
