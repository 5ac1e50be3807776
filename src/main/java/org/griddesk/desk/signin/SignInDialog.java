package org.griddesk.desk.signin;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.desk.signin.SignInViewModel.Step;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Accounts;
import org.griddesk.ui.SceneStyle;

/// The sign-in dialog over the desk (modal; the desk behind it shows no data): its layout in
/// `fxml/signin/sign-in.fxml`, its logic in [SignInViewModel]. Closing it at sign-in leaves the
/// desk (`onCancel`); closing a password change asked from the desk only closes it.
public final class SignInDialog {
    public static final String FXML = "/fxml/signin/sign-in.fxml";

    private final SignInViewModel model;
    private final Runnable onCancel;
    private final SecurityTexts texts;
    private final Stage stage;

    @FXML private TextField signInUsername;
    @FXML private PasswordField signInPassword;
    @FXML private TextField signInCode;
    @FXML private PasswordField oldPassword;
    @FXML private PasswordField newPassword;
    @FXML private PasswordField repeatPassword;
    @FXML private VBox credentialsPane;
    @FXML private VBox codePane;
    @FXML private VBox changePane;
    @FXML private Label changeReason;
    @FXML private Label policyText;
    @FXML private Label signInMessage;
    @FXML private Label waitingLabel;
    @FXML private ProgressIndicator signInBusy;
    @FXML private Button signInButton;
    @FXML private Button backButton;
    @FXML private Button exitButton;
    @FXML private VBox demoPane;
    @FXML private ListView<Accounts.DemoAccount> demoAccounts;

    public SignInDialog(Window owner, SignInViewModel model, SecurityTexts texts, Runnable onCancel) {
        this.model = model;
        this.texts = texts;
        this.onCancel = onCancel;
        this.stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.APPLICATION_MODAL);
        stage.setTitle(texts.get("signin.title"));
        stage.setResizable(false);
        Scene scene = new Scene(texts.layout(FXML, this));
        SceneStyle.apply(scene);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            e.consume();
            exit();
        });
    }

    @FXML
    private void initialize() {
        signInUsername.textProperty().bindBidirectional(model.usernameProperty());
        signInPassword.textProperty().bindBidirectional(model.passwordProperty());
        signInCode.textProperty().bindBidirectional(model.codeProperty());
        oldPassword.textProperty().bindBidirectional(model.oldPasswordProperty());
        newPassword.textProperty().bindBidirectional(model.newPasswordProperty());
        repeatPassword.textProperty().bindBidirectional(model.repeatPasswordProperty());
        changeReason.textProperty().bind(model.changeReasonProperty());
        signInMessage.textProperty().bind(model.messageProperty());
        show(signInMessage, model.messageProperty().isNotEmpty().get());
        model.messageProperty().addListener((obs, old, now) -> {
            show(signInMessage, !now.isEmpty());
            if (stage != null) {
                Platform.runLater(this::fit); // a long message wraps over more lines: the dialog grows with it
            }
        });
        signInBusy.visibleProperty().bind(model.busyProperty());
        waitingLabel.visibleProperty().bind(model.readyProperty().not().and(model.unavailableProperty().not()));
        waitingLabel.managedProperty().bind(waitingLabel.visibleProperty());
        signInButton.disableProperty().bind(model.busyProperty().or(model.readyProperty().not()));
        credentialsPane.disableProperty().bind(model.busyProperty());
        codePane.disableProperty().bind(model.busyProperty());
        changePane.disableProperty().bind(model.busyProperty());
        demoPane.disableProperty().bind(model.busyProperty());
        demoAccounts.setItems(model.demoAccounts());
        demoAccounts.setCellFactory(list -> new DemoCell());
        demoAccounts.getSelectionModel().selectedItemProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                model.chooseDemo(chosen);
                Platform.runLater(() -> {
                    demoAccounts.getSelectionModel().clearSelection();
                    signInButton.requestFocus();
                });
            }
        });
        demoPane.visibleProperty().bind(Bindings.isNotEmpty(model.demoAccounts()));
        demoPane.managedProperty().bind(demoPane.visibleProperty());
        model.demoAccounts().addListener((ListChangeListener<Accounts.DemoAccount>) c -> fit());
        model.stepProperty().addListener((obs, old, step) -> showStep(step));
        showStep(model.stepProperty().get());
    }

    private void showStep(Step step) {
        show(credentialsPane, step == Step.CREDENTIALS);
        show(codePane, step == Step.SECOND_FACTOR);
        show(changePane, step == Step.CHANGE_PASSWORD);
        policyText.setText(model.policyText());
        boolean fromDesk = model.changeFromDesk();
        show(backButton, step != Step.CREDENTIALS && !fromDesk);
        exitButton.setText(texts.get(fromDesk ? "signin.button.cancel" : "signin.button.exit"));
        signInButton.setText(texts.get(switch (step) {
            case CREDENTIALS -> "signin.button";
            case SECOND_FACTOR -> "signin.button.code";
            case CHANGE_PASSWORD -> fromDesk ? "signin.button.changeOnly" : "signin.button.change";
        }));
        Node first = switch (step) {
            case CREDENTIALS -> signInUsername.getText().isEmpty() ? signInUsername : signInPassword;
            case SECOND_FACTOR -> signInCode;
            case CHANGE_PASSWORD -> oldPassword.getText().isEmpty() ? oldPassword : newPassword;
        };
        Platform.runLater(first::requestFocus);
        if (stage != null) {
            fit();
        }
    }

    /// The dialog as large as what it shows now, and over the middle of the desk (it grows when the
    /// demo accounts arrive, after it is shown).
    private void fit() {
        stage.sizeToScene();
        Window owner = stage.getOwner();
        if (stage.isShowing() && owner != null && owner.getWidth() > 0) {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + (owner.getHeight() - stage.getHeight()) / 2);
        }
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /// Shows the dialog (it stays until [#close]).
    public void show() {
        showStep(model.stepProperty().get());
        if (!stage.isShowing()) {
            stage.show();
            fit();
            stage.toFront();
        }
    }

    public void close() {
        stage.hide();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    @FXML
    private void submit() {
        model.submit();
    }

    @FXML
    private void back() {
        model.back();
    }

    @FXML
    private void exit() {
        if (!model.busyProperty().get()) {
            onCancel.run();
        }
    }

    /// A demo account: its name, display name and role.
    private final class DemoCell extends ListCell<Accounts.DemoAccount> {
        @Override
        protected void updateItem(Accounts.DemoAccount account, boolean empty) {
            super.updateItem(account, empty);
            if (empty || account == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                return;
            }
            Label name = new Label(account.displayName());
            name.getStyleClass().add("demo-account-name");
            Label role = new Label(account.username() + " · " + roleName(account.roleKey()) + " · " + account.unitName());
            role.getStyleClass().add("demo-account-role");
            setGraphic(new VBox(2, name, role));
            setText(null);
            setId("demo-" + account.username());
        }
    }

    /// The role's name when the key names a role (`DISPATCHER`, `role.DISPATCHER` …), else the key's own words.
    private String roleName(String key) {
        if (key == null) {
            return "";
        }
        String name = key.substring(key.lastIndexOf('.') + 1);
        try {
            return texts.role(Role.valueOf(name));
        } catch (IllegalArgumentException e) {
            return texts.refusal(key).equals(texts.get("signin.refused.other", key)) ? key : texts.refusal(key);
        }
    }

    /// The dialog's window (tests).
    public Stage stage() {
        return stage;
    }
}
