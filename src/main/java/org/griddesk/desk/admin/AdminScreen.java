package org.griddesk.desk.admin;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.griddesk.desk.admin.AdministrationViewModel.PolicyField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.AccountAdministration.AccountSummary;

/// The system and security administrators' screen (`fxml/admin/accounts.fxml`), bound to an
/// [AdministrationViewModel]: the accounts, and beside them what the administrator signed in may
/// do — the rest is greyed out by the permission table (the service refuses it anyway).
public final class AdminScreen {
    public static final String FXML = "/fxml/admin/accounts.fxml";
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ShiftSchedule.CENTRE_ZONE);

    private final AdministrationViewModel model;
    private final SecurityTexts texts;
    private final Role administrator;
    private final Parent root;

    @FXML private Label adminTitle;
    @FXML private ProgressIndicator adminBusy;
    @FXML private TableView<AccountSummary> accountsTable;
    @FXML private TableColumn<AccountSummary, String> usernameColumn;
    @FXML private TableColumn<AccountSummary, String> nameColumn;
    @FXML private TableColumn<AccountSummary, String> unitColumn;
    @FXML private TableColumn<AccountSummary, String> rolesColumn;
    @FXML private TableColumn<AccountSummary, String> stateColumn;
    @FXML private TableColumn<AccountSummary, String> lastSignInColumn;
    @FXML private VBox addSection;
    @FXML private VBox securitySection;
    @FXML private TextField newUsername;
    @FXML private TextField newDisplayName;
    @FXML private ComboBox<Unit> newUnit;
    @FXML private PasswordField newPassword;
    @FXML private Button enableAccount;
    @FXML private Button disableAccount;
    @FXML private FlowPane roleChoices;
    @FXML private Button saveRoles;
    @FXML private Button unlockAccount;
    @FXML private Button resetPassword;
    @FXML private Label temporaryPassword;
    @FXML private Button dismissTemporary;
    @FXML private javafx.scene.control.TabPane adminTabs;
    @FXML private Tab policyTab;
    @FXML private GridPane policyForm;
    @FXML private Button savePolicy;
    @FXML private Label adminMessage;

    public AdminScreen(AdministrationViewModel model, SecurityTexts texts, Role administrator) {
        this.model = model;
        this.texts = texts;
        this.administrator = administrator;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        adminTitle.setText(texts.get("admin.title." + administrator.name()));
        adminBusy.visibleProperty().bind(model.busyProperty());
        accountsTable.setItems(model.accounts());
        accountsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(usernameColumn, AccountSummary::username);
        column(nameColumn, AccountSummary::displayName);
        column(unitColumn, a -> model.units().stream().filter(u -> u.id().equals(a.unitId())).map(Unit::name).findFirst()
                .orElse(a.unitId()));
        column(rolesColumn, a -> a.roles().stream().sorted(Comparator.naturalOrder()).map(texts::role).collect(Collectors.joining("、")));
        column(stateColumn, this::state);
        column(lastSignInColumn, a -> a.lastSignInAt() == null ? "—" : WHEN.format(a.lastSignInAt()));
        accountsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && accountsTable.getSelectionModel().getSelectedItem() != now) {
                accountsTable.getSelectionModel().select(now);
            }
        });

        newUsername.textProperty().bindBidirectional(model.newUsernameProperty());
        newDisplayName.textProperty().bindBidirectional(model.newDisplayNameProperty());
        newPassword.textProperty().bindBidirectional(model.newPasswordProperty());
        newUnit.setItems(model.units());
        newUnit.valueProperty().bindBidirectional(model.newUnitProperty());
        newUnit.setCellFactory(list -> new UnitCell());
        newUnit.setButtonCell(new UnitCell());

        for (Role role : Role.PERSONAL) {
            CheckBox box = new CheckBox(texts.role(role));
            box.setId("role-" + role.name());
            box.selectedProperty().bindBidirectional(model.roleChoice(role));
            roleChoices.getChildren().add(box);
        }
        temporaryPassword.textProperty().bind(model.temporaryPasswordProperty());
        temporaryPassword.visibleProperty().bind(model.temporaryPasswordProperty().isNotEmpty());
        temporaryPassword.managedProperty().bind(temporaryPassword.visibleProperty());
        dismissTemporary.visibleProperty().bind(temporaryPassword.visibleProperty());
        dismissTemporary.managedProperty().bind(temporaryPassword.visibleProperty());

        int row = 0;
        for (PolicyField field : PolicyField.values()) {
            TextField input = new TextField();
            input.setId("policy-" + field.name());
            input.setPrefColumnCount(6);
            input.textProperty().bindBidirectional(model.policyField(field));
            policyForm.addRow(row++, new Label(texts.get(field.key())), input);
        }

        adminMessage.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((obs, was, refused) -> adminMessage.pseudoClassStateChanged(REFUSED, refused));
        greyOut();
    }

    /// What the administrator signed in may not do is greyed out (the service refuses it anyway).
    private void greyOut() {
        boolean accounts = model.may(Permission.ACCOUNT_MANAGE);
        addSection.setDisable(!accounts);
        addSection.setVisible(accounts);
        addSection.setManaged(accounts);
        enableAccount.setDisable(!accounts);
        disableAccount.setDisable(!accounts);
        boolean security = model.may(Permission.ROLE_ASSIGN) || model.may(Permission.ACCOUNT_UNLOCK)
                || model.may(Permission.PASSWORD_RESET);
        securitySection.setVisible(security);
        securitySection.setManaged(security);
        saveRoles.setDisable(!model.may(Permission.ROLE_ASSIGN));
        roleChoices.setDisable(!model.may(Permission.ROLE_ASSIGN));
        unlockAccount.setDisable(!model.may(Permission.ACCOUNT_UNLOCK));
        resetPassword.setDisable(!model.may(Permission.PASSWORD_RESET));
        policyTab.setDisable(!model.may(Permission.PASSWORD_POLICY_MANAGE));
        savePolicy.setDisable(!model.may(Permission.PASSWORD_POLICY_MANAGE));
    }

    private String state(AccountSummary a) {
        Instant locked = a.lockedUntil();
        if (locked != null && locked.isAfter(Instant.now())) {
            return texts.get("admin.state.locked", WHEN.format(locked));
        }
        return texts.get(a.enabled() ? "admin.state.enabled" : "admin.state.disabled");
    }

    /// A text column of an administration table.
    static <R> void column(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /// Adds a tab of another administration screen (the system administrator's alarm kinds).
    public void addTab(String title, javafx.scene.Node content) {
        addTab("alarmKindsTab", title, content);
    }

    /// Adds a tab of another administration screen, with the id tests find it by.
    public void addTab(String id, String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        adminTabs.getTabs().add(tab);
    }

    /// An administration tab's message: its words, marked when they are a refusal.
    static void message(Label label, ReadOnlyStringProperty text, ReadOnlyBooleanProperty refused) {
        label.textProperty().bind(text);
        label.pseudoClassStateChanged(REFUSED, refused.get());
        refused.addListener((obs, was, now) -> label.pseudoClassStateChanged(REFUSED, now));
    }

    /// A choice box that shows each value in words (empty for none).
    static <T> void choices(ComboBox<T> box, Function<T, String> words) {
        box.setCellFactory(list -> new WordsCell<>(words));
        box.setButtonCell(new WordsCell<>(words));
    }

    private static final class WordsCell<T> extends ListCell<T> {
        private final Function<T, String> words;

        WordsCell(Function<T, String> words) {
            this.words = words;
        }

        @Override
        protected void updateItem(T value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : words.apply(value));
        }
    }

    /// Shows it: the accounts, the units and (for the security administrator) the policy are read.
    public Parent node() {
        return root;
    }

    /// Reads what the screen shows (on showing it, and on 刷新).
    @FXML
    public void refresh() {
        model.refresh();
        if (model.may(Permission.PASSWORD_POLICY_MANAGE)) {
            model.loadPolicy();
        }
    }

    @FXML
    private void add() {
        model.add();
    }

    @FXML
    private void enable() {
        model.setEnabled(true);
    }

    @FXML
    private void disable() {
        model.setEnabled(false);
    }

    @FXML
    private void saveRoles() {
        model.saveRoles();
    }

    @FXML
    private void unlock() {
        model.unlock();
    }

    @FXML
    private void resetPassword() {
        model.resetPassword();
    }

    @FXML
    private void dismissTemporary() {
        model.dismissTemporaryPassword();
    }

    @FXML
    private void savePolicy() {
        model.savePolicy();
    }

    /// A unit by its name.
    private static final class UnitCell extends ListCell<Unit> {
        @Override
        protected void updateItem(Unit unit, boolean empty) {
            super.updateItem(unit, empty);
            setText(empty || unit == null ? null : unit.name());
        }
    }
}
