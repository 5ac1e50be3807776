package org.griddesk.desk.admin;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.SearchableComboBox;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.security.AlarmKindAdministration.AlarmKind;
import org.griddesk.security.AlarmKindAdministration.ItemChoice;

/// The system administrator's table of alarm kinds (`fxml/admin/alarm-kinds.fxml`), a tab of the
/// administration screen, bound to an [AlarmKindsViewModel]: the kinds mapped, and a form to map a
/// kind to an item found by its code or name, or to remove the selected mapping.
public final class AlarmKindsScreen {
    public static final String FXML = "/fxml/admin/alarm-kinds.fxml";
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final AlarmKindsViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TableView<AlarmKind> kindsTable;
    @FXML private TableColumn<AlarmKind, String> kindColumn;
    @FXML private TableColumn<AlarmKind, String> codeColumn;
    @FXML private TableColumn<AlarmKind, String> itemColumn;
    @FXML private TextField kindField;
    @FXML private SearchableComboBox<ItemChoice> itemChoice;
    @FXML private Button unmapKind;
    @FXML private ProgressIndicator kindsBusy;
    @FXML private Label kindsMessage;

    public AlarmKindsScreen(AlarmKindsViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        kindsTable.setItems(model.kinds());
        kindsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(kindColumn, AlarmKind::kind);
        AdminScreen.column(codeColumn, AlarmKind::itemCode);
        AdminScreen.column(itemColumn, k -> k.itemName() == null ? texts.get("alarmKind.itemGone") : k.itemName());
        kindsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                kindsTable.getSelectionModel().clearSelection();
            }
        });
        kindField.textProperty().bindBidirectional(model.kindProperty());
        itemChoice.setItems(model.items());
        itemChoice.valueProperty().bindBidirectional(model.itemProperty());
        unmapKind.disableProperty().bind(model.selectedProperty().isNull());
        kindsBusy.visibleProperty().bind(model.busyProperty());
        kindsMessage.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((obs, was, refused) -> kindsMessage.pseudoClassStateChanged(REFUSED, refused));
    }

    public Parent node() {
        return root;
    }

    /// Reads the table and the items (on showing the screen).
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void map() {
        model.map();
    }

    @FXML
    private void unmap() {
        model.unmap();
    }
}
