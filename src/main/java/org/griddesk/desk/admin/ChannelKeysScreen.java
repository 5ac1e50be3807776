package org.griddesk.desk.admin;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.controlsfx.control.SearchableComboBox;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.security.ChannelKeyAdministration.KeyHolder;
import org.griddesk.security.ChannelKeyAdministration.KeyRow;

/// The system administrator's gateway-key tab (`fxml/admin/channel-keys.fxml`), bound to a
/// [ChannelKeysViewModel]: the keys in a table, and the form that issues one (shown once, in a
/// read-only field to copy from) or revokes the selected one.
public final class ChannelKeysScreen {
    public static final String FXML = "/fxml/admin/channel-keys.fxml";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ShiftSchedule.CENTRE_ZONE);

    private final ChannelKeysViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TableView<KeyRow> keysTable;
    @FXML private TableColumn<KeyRow, String> keyIdColumn;
    @FXML private TableColumn<KeyRow, String> keyHolderColumn;
    @FXML private TableColumn<KeyRow, String> keyLabelColumn;
    @FXML private TableColumn<KeyRow, String> keyCreatedColumn;
    @FXML private TableColumn<KeyRow, String> keyStateColumn;
    @FXML private SearchableComboBox<KeyHolder> keyHolder;
    @FXML private TextField keyLabel;
    @FXML private Button revokeKey;
    @FXML private ProgressIndicator keysBusy;
    @FXML private Label keysMessage;
    @FXML private TextArea issuedKey;
    @FXML private Button dismissKey;

    public ChannelKeysScreen(ChannelKeysViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        keysTable.setItems(model.keys());
        keysTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(keyIdColumn, k -> Long.toString(k.id()));
        AdminScreen.column(keyHolderColumn, k -> k.holderName() + " (" + k.holder() + ")");
        AdminScreen.column(keyLabelColumn, KeyRow::label);
        AdminScreen.column(keyCreatedColumn, k -> WHEN.format(k.createdAt()));
        AdminScreen.column(keyStateColumn, k -> k.active() ? texts.get("admin.district.keys.active")
                : texts.get("admin.district.keys.revoked", WHEN.format(k.revokedAt())));
        keysTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                keysTable.getSelectionModel().clearSelection();
            }
        });
        keyHolder.setItems(model.holders());
        keyHolder.valueProperty().bindBidirectional(model.holderProperty());
        keyLabel.textProperty().bindBidirectional(model.labelProperty());
        revokeKey.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || !model.selectedProperty().get().active(), model.selectedProperty()));
        keysBusy.visibleProperty().bind(model.busyProperty());
        AdminScreen.message(keysMessage, model.messageProperty(), model.refusedProperty());
        issuedKey.textProperty().bind(model.issuedKeyProperty());
        issuedKey.visibleProperty().bind(model.issuedKeyProperty().isNotEmpty());
        issuedKey.managedProperty().bind(issuedKey.visibleProperty());
        dismissKey.visibleProperty().bind(issuedKey.visibleProperty());
        dismissKey.managedProperty().bind(issuedKey.visibleProperty());
    }

    public Parent node() {
        return root;
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void issue() {
        model.issue();
    }

    @FXML
    private void revoke() {
        model.revoke();
    }

    @FXML
    private void dismiss() {
        model.dismissKey();
    }
}
