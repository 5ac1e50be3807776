package org.griddesk.desk.admin;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;

/// The system administrator's table of visit frequencies (`fxml/admin/visit-frequencies.fxml`), a
/// tab of the administration screen, bound to a [VisitFrequenciesViewModel]: each must-visit group
/// with its frequency and its default, and a form to set the picked group's.
public final class VisitFrequenciesScreen {
    public static final String FXML = "/fxml/admin/visit-frequencies.fxml";
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    private final VisitFrequenciesViewModel model;
    private final SecurityTexts texts;
    private final Parent root;

    @FXML private TableView<GroupFrequency> groupsTable;
    @FXML private TableColumn<GroupFrequency, String> groupColumn;
    @FXML private TableColumn<GroupFrequency, String> frequencyColumn;
    @FXML private TableColumn<GroupFrequency, String> standardColumn;
    @FXML private Label pickedGroup;
    @FXML private ComboBox<VisitFrequency> frequencyChoice;
    @FXML private Button setFrequency;
    @FXML private ProgressIndicator frequenciesBusy;
    @FXML private Label frequenciesMessage;

    public VisitFrequenciesScreen(VisitFrequenciesViewModel model, SecurityTexts texts) {
        this.model = model;
        this.texts = texts;
        this.root = texts.layout(FXML, this);
    }

    @FXML
    private void initialize() {
        groupsTable.setItems(model.groups());
        groupsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        AdminScreen.column(groupColumn, g -> model.groupName(g.group()));
        AdminScreen.column(frequencyColumn, g -> g.wrong() != null ? texts.get("admin.visits.wrong", g.wrong())
                : model.frequencyName(g.frequency()) + (g.changed() ? texts.get("admin.visits.changed") : ""));
        AdminScreen.column(standardColumn, g -> model.frequencyName(g.standard()));
        groupsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            pickedGroup.setText(now == null ? texts.get("admin.visits.pickFirst") : model.groupName(now.group()));
            if (now != null && groupsTable.getSelectionModel().getSelectedItem() != now) {
                groupsTable.getSelectionModel().select(now);
            }
        });
        pickedGroup.setText(texts.get("admin.visits.pickFirst"));
        frequencyChoice.getItems().setAll(model.frequencies());
        frequencyChoice.setButtonCell(new FrequencyCell());
        frequencyChoice.setCellFactory(list -> new FrequencyCell());
        frequencyChoice.valueProperty().bindBidirectional(model.frequencyProperty());
        setFrequency.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        frequenciesBusy.visibleProperty().bind(model.busyProperty());
        frequenciesMessage.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((obs, was, refused) -> frequenciesMessage.pseudoClassStateChanged(REFUSED, refused));
    }

    private final class FrequencyCell extends ListCell<VisitFrequency> {
        @Override
        protected void updateItem(VisitFrequency item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : model.frequencyName(item));
        }
    }

    public Parent node() {
        return root;
    }

    /// Reads the table (on showing the screen).
    public void refresh() {
        model.refresh();
    }

    @FXML
    private void set() {
        model.set();
    }
}
