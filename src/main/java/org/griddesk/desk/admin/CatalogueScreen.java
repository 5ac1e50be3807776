package org.griddesk.desk.admin;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlineClass;

/// The system administrator's catalogue tab (`fxml/admin/catalogue.fxml`), bound to a
/// [CatalogueViewModel]: the items in a table, and the selected item's rule beside it.
public final class CatalogueScreen {
    public static final String FXML = "/fxml/admin/catalogue.fxml";

    private final CatalogueViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TextField itemFilter;
    @FXML private ProgressIndicator itemsBusy;
    @FXML private TableView<Item> itemsTable;
    @FXML private TableColumn<Item, String> itemCodeColumn;
    @FXML private TableColumn<Item, String> itemNameColumn;
    @FXML private TableColumn<Item, String> itemDeadlineColumn;
    @FXML private TableColumn<Item, String> itemConsultationColumn;
    @FXML private TableColumn<Item, String> itemStreetColumn;
    @FXML private TableColumn<Item, String> itemDistrictColumn;
    @FXML private Label selectedItem;
    @FXML private ComboBox<DeadlineClass> deadlineClass;
    @FXML private TextField deadlineDays;
    @FXML private CheckBox consultation;
    @FXML private ComboBox<TeamType> streetTeamType;
    @FXML private ComboBox<TeamType> districtTeamType;
    @FXML private Button saveItem;
    @FXML private Label itemsMessage;

    public CatalogueScreen(CatalogueViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        itemFilter.textProperty().bindBidirectional(model.filterProperty());
        itemsBusy.visibleProperty().bind(model.busyProperty());
        itemsTable.setItems(model.items());
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(itemCodeColumn, Item::code);
        AdminScreen.column(itemNameColumn, Item::name);
        AdminScreen.column(itemDeadlineColumn, i -> texts.get("admin.district.deadline." + i.deadline().deadlineClass().name()) + " · "
                + texts.get("admin.district.taxonomy.days.value", i.deadline().workingDays()));
        AdminScreen.column(itemConsultationColumn, i -> i.consultation() ? texts.get("admin.district.taxonomy.yes") : "");
        AdminScreen.column(itemStreetColumn, i -> typeWords(i.streetTeamType()));
        AdminScreen.column(itemDistrictColumn, i -> typeWords(i.districtTeamType()));
        itemsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && itemsTable.getSelectionModel().getSelectedItem() != now) {
                itemsTable.getSelectionModel().select(now);
            }
            selectedItem.setText(now == null ? "" : now.code() + " " + now.name());
        });
        deadlineClass.getItems().setAll(DeadlineClass.values());
        deadlineClass.valueProperty().bindBidirectional(model.deadlineClassProperty());
        AdminScreen.choices(deadlineClass, c -> texts.get("admin.district.deadline." + c.name()));
        deadlineDays.textProperty().bindBidirectional(model.daysProperty());
        deadlineDays.editableProperty().bind(model.deadlineClassProperty().isEqualTo(DeadlineClass.STATUTORY));
        consultation.selectedProperty().bindBidirectional(model.consultationProperty());
        model.teamTypes().addListener((ListChangeListener<TeamType>) c -> {
            streetTeamType.getItems().setAll(model.teamTypes(UnitLevel.STREET));
            districtTeamType.getItems().setAll(model.teamTypes(UnitLevel.DISTRICT));
        });
        streetTeamType.valueProperty().bindBidirectional(model.streetTeamTypeProperty());
        districtTeamType.valueProperty().bindBidirectional(model.districtTeamTypeProperty());
        AdminScreen.choices(streetTeamType, OrganisationScreen::teamTypeWords);
        AdminScreen.choices(districtTeamType, OrganisationScreen::teamTypeWords);
        for (Node n : new Node[] {deadlineClass, deadlineDays, consultation, streetTeamType, districtTeamType,
            saveItem}) {
            n.disableProperty().bind(model.selectedProperty().isNull());
        }
        AdminScreen.message(itemsMessage, model.messageProperty(), model.refusedProperty());
    }

    private String typeWords(String code) {
        return model.teamTypes().stream().filter(t -> t.code().equals(code)).findFirst().map(OrganisationScreen::teamTypeWords)
                .orElse(code);
    }

    public Parent node() {
        return root;
    }

    public void refresh() {
        model.refresh();
    }

    @FXML
    private void save() {
        model.save();
    }
}
