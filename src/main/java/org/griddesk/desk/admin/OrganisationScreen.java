package org.griddesk.desk.admin;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.Masking;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;

/// The system administrator's organisation tab (`fxml/admin/organisation.fxml`), bound to an
/// [OrganisationViewModel]: the units in a table (phones masked), the selected one's name, contact
/// and team type beside it, and a form for a new unit.
public final class OrganisationScreen {
    public static final String FXML = "/fxml/admin/organisation.fxml";

    private final OrganisationViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TextField unitFilter;
    @FXML private ProgressIndicator unitsBusy;
    @FXML private TableView<UnitEntry> unitsTable;
    @FXML private TableColumn<UnitEntry, String> unitIdColumn;
    @FXML private TableColumn<UnitEntry, String> unitNameColumn;
    @FXML private TableColumn<UnitEntry, String> unitLevelColumn;
    @FXML private TableColumn<UnitEntry, String> unitKindColumn;
    @FXML private TableColumn<UnitEntry, String> unitParentColumn;
    @FXML private TableColumn<UnitEntry, String> unitTeamTypeColumn;
    @FXML private TableColumn<UnitEntry, String> unitContactColumn;
    @FXML private TableColumn<UnitEntry, String> unitPhoneColumn;
    @FXML private Label selectedUnit;
    @FXML private TextField unitName;
    @FXML private TextField contactName;
    @FXML private TextField contactPhone;
    @FXML private ComboBox<TeamType> unitTeamType;
    @FXML private Button renameUnit;
    @FXML private Button saveContact;
    @FXML private Button saveTeamType;
    @FXML private Button removeUnit;
    @FXML private ComboBox<UnitKind> newKind;
    @FXML private ComboBox<UnitLevel> newLevel;
    @FXML private TextField newUnitId;
    @FXML private TextField newUnitName;
    @FXML private ComboBox<UnitEntry> newParent;
    @FXML private Label newTeamTypeLabel;
    @FXML private ComboBox<TeamType> newTeamType;
    @FXML private Label unitsMessage;

    public OrganisationScreen(OrganisationViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        unitFilter.textProperty().bindBidirectional(model.filterProperty());
        unitsBusy.visibleProperty().bind(model.busyProperty());
        unitsTable.setItems(model.units());
        unitsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(unitIdColumn, u -> u.unit().id());
        AdminScreen.column(unitNameColumn, u -> u.unit().name());
        AdminScreen.column(unitLevelColumn, u -> texts.get("admin.district.level." + u.unit().level().name()));
        AdminScreen.column(unitKindColumn, u -> texts.get("admin.district.kind." + u.unit().kind().name()));
        AdminScreen.column(unitParentColumn, this::parentName);
        AdminScreen.column(unitTeamTypeColumn, u -> u.teamTypeCode() == null ? "" : teamTypeName(u.teamTypeCode()));
        AdminScreen.column(unitContactColumn, u -> u.contactName() == null ? "" : u.contactName());
        AdminScreen.column(unitPhoneColumn, u -> u.contactPhone() == null ? "" : Masking.phone(u.contactPhone()));
        unitsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                unitsTable.getSelectionModel().clearSelection();
            } else if (unitsTable.getSelectionModel().getSelectedItem() != now) {
                unitsTable.getSelectionModel().select(now);
            }
        });

        unitName.textProperty().bindBidirectional(model.nameProperty());
        contactName.textProperty().bindBidirectional(model.contactNameProperty());
        contactPhone.textProperty().bindBidirectional(model.contactPhoneProperty());
        unitTeamType.setItems(model.teamTypes());
        unitTeamType.valueProperty().bindBidirectional(model.teamTypeProperty());
        AdminScreen.choices(unitTeamType, OrganisationScreen::teamTypeWords);
        for (Button b : new Button[] {renameUnit, saveContact, removeUnit}) {
            b.disableProperty().bind(model.selectedProperty().isNull());
        }
        // a centre has no team type: only a team's or department's is changed
        BooleanBinding noTeam = Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || !model.selectedProperty().get().unit().isTeam(), model.selectedProperty());
        saveTeamType.disableProperty().bind(noTeam);
        unitTeamType.disableProperty().bind(noTeam);
        selectedUnit.textProperty().bind(Bindings.createStringBinding(() -> {
            UnitEntry now = model.selectedProperty().get();
            return now == null ? texts.get("admin.district.org.selected")
                    : texts.get("admin.district.org.selectedUnit", now.unit().id(), now.unit().name());
        }, model.selectedProperty()));

        newKind.getItems().setAll(UnitKind.values());
        newKind.valueProperty().bindBidirectional(model.newKindProperty());
        AdminScreen.choices(newKind, k -> texts.get("admin.district.kind." + k.name()));
        newLevel.getItems().setAll(UnitLevel.values());
        newLevel.valueProperty().bindBidirectional(model.newLevelProperty());
        AdminScreen.choices(newLevel, l -> texts.get("admin.district.level." + l.name()));
        newUnitId.textProperty().bindBidirectional(model.newIdProperty());
        newUnitName.textProperty().bindBidirectional(model.newNameProperty());
        model.units().addListener((ListChangeListener<UnitEntry>) c -> newParent.getItems().setAll(model.centres()));
        newParent.valueProperty().bindBidirectional(model.newParentProperty());
        AdminScreen.choices(newParent, u -> u.unit().id() + " " + u.unit().name());
        newTeamType.setItems(model.teamTypes());
        newTeamType.valueProperty().bindBidirectional(model.newTeamTypeProperty());
        AdminScreen.choices(newTeamType, OrganisationScreen::teamTypeWords);
        newTeamType.disableProperty().bind(model.newKindProperty().isNotEqualTo(UnitKind.TEAM));
        newTeamTypeLabel.disableProperty().bind(newTeamType.disableProperty());

        AdminScreen.message(unitsMessage, model.messageProperty(), model.refusedProperty());
    }

    private String parentName(UnitEntry u) {
        return u.unit().parentId() == null ? "" : model.unitName(u.unit().parentId());
    }

    private String teamTypeName(String code) {
        return model.teamTypes().stream().filter(t -> t.code().equals(code)).findFirst().map(OrganisationScreen::teamTypeWords)
                .orElse(code);
    }

    static String teamTypeWords(TeamType type) {
        return type.code() + " " + type.name();
    }

    public Parent node() {
        return root;
    }

    /// Reads the units and team types (on showing the screen).
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void rename() {
        model.rename();
    }

    @FXML
    private void saveContact() {
        model.saveContact();
    }

    @FXML
    private void saveTeamType() {
        model.saveTeamType();
    }

    @FXML
    private void remove() {
        model.remove();
    }

    @FXML
    private void add() {
        model.add();
    }
}
