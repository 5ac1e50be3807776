package org.griddesk.desk.care;

import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.care.CareProfile;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.care.SpecialGroup;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;
import org.griddesk.ui.Windows;

/// A grid's special groups and their care (`fxml/care/special-groups.fxml`), opened from the grid
/// card: the households highest risk first, the picked one's care records behind a reason, and the
/// form that records care (shown to those who may). Esc closes.
public final class SpecialGroupsCard {
    static final String FXML = "/fxml/care/special-groups.fxml";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(WorkCalendar.ZONE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkCalendar.ZONE);
    private static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private static final PseudoClass HIGH = PseudoClass.getPseudoClass("high");

    private final SpecialGroupsModel model;
    private final Messages texts;
    private final Stage stage = new Stage();

    @FXML private Parent root;
    @FXML private Label title;
    @FXML private ProgressIndicator busy;
    @FXML private TableView<CareProfile> households;
    @FXML private Label empty;
    @FXML private TableColumn<CareProfile, String> riskColumn;
    @FXML private TableColumn<CareProfile, String> categoryColumn;
    @FXML private TableColumn<CareProfile, String> nameColumn;
    @FXML private TableColumn<CareProfile, String> phoneColumn;
    @FXML private TableColumn<CareProfile, String> groupsColumn;
    @FXML private TableColumn<CareProfile, String> recordsColumn;
    @FXML private TableColumn<CareProfile, String> lastColumn;
    @FXML private TextField reason;
    @FXML private Button showHistory;
    @FXML private ListView<CareRecord> history;
    @FXML private VBox form;
    @FXML private ChoiceBox<RiskLevel> risk;
    @FXML private FlowPane groups;
    @FXML private TextArea note;
    @FXML private Button record;
    @FXML private Label message;

    /// `texts`: the personal-data bundle (i18n/personaldata); `owner` the desk's window.
    public SpecialGroupsCard(SpecialGroupsModel model, Messages texts, Window owner) {
        this.model = model;
        this.texts = texts;
        Fxml.load(this, FXML, texts.bundle());
        title.setText(texts.get("care.title", model.grid().name() + "（" + model.grid().code() + "）"));
        columns();
        households.setItems(model.profiles());
        // a list read anew empties the table's selection for a moment: the model keeps its household and
        // the table picks it again
        households.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && households.getSelectionModel().getSelectedItem() != now) {
                households.getSelectionModel().select(now);
            }
        });
        households.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CareProfile item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                pseudoClassStateChanged(HIGH, !isEmpty && item != null && item.risk() == RiskLevel.HIGH);
            }
        });
        history.setItems(model.history());
        history.setCellFactory(l -> new RecordCell());
        reason.textProperty().bindBidirectional(model.reasonProperty());
        showHistory.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        riskChoice();
        groupChecks();
        note.textProperty().bindBidirectional(model.noteProperty());
        record.disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        form.setVisible(model.mayRecord());
        form.setManaged(model.mayRecord());
        busy.visibleProperty().bind(model.busyProperty());
        message.textProperty().bind(model.messageProperty());
        model.refusedProperty().addListener((obs, was, now) -> message.pseudoClassStateChanged(REFUSED, now));
        model.profiles().addListener((javafx.collections.ListChangeListener<CareProfile>) c -> empty.setText(texts.get("care.none")));
        Windows.card(stage, root, owner, title.getText());
    }

    /// Shows the card and reads the grid's households.
    public SpecialGroupsCard show() {
        stage.show();
        model.load();
        return this;
    }

    public Stage stage() {
        return stage;
    }

    @FXML
    private void showHistory() {
        model.readHistory();
    }

    @FXML
    private void record() {
        model.record();
    }

    private void columns() {
        riskColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(texts.get("care.risk." + c.getValue().risk().name())));
        categoryColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().category().zhName()));
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().maskedName()));
        phoneColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().maskedPhone()));
        groupsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(SpecialGroupsModel.groupNames(c.getValue().groups())));
        recordsColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().records())));
        lastColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().lastCare() == null ? texts.get("care.never")
                : DAY.format(c.getValue().lastCare())));
    }

    private void riskChoice() {
        risk.getItems().setAll(RiskLevel.values());
        risk.setConverter(new StringConverter<>() {
            @Override
            public String toString(RiskLevel level) {
                return level == null ? "" : texts.get("care.risk." + level.name());
            }

            @Override
            public RiskLevel fromString(String text) {
                return null;
            }
        });
        risk.valueProperty().bindBidirectional(model.riskProperty());
    }

    /// One box per group, 四失 then 五类, kept in step with the model both ways.
    private void groupChecks() {
        for (SpecialGroup group : SpecialGroupsModel.allGroups()) {
            CheckBox box = new CheckBox(group.zhName());
            box.setId("careGroup-" + group.name());
            box.selectedProperty().addListener((obs, was, now) -> {
                Set<SpecialGroup> chosen = model.groupsProperty().get().isEmpty() ? EnumSet.noneOf(SpecialGroup.class)
                        : EnumSet.copyOf(model.groupsProperty().get());
                if (now ? chosen.add(group) : chosen.remove(group)) {
                    model.groupsProperty().set(chosen);
                }
            });
            model.groupsProperty().addListener((obs, was, now) -> box.setSelected(now.contains(group)));
            groups.getChildren().add(box);
        }
    }

    /// A care record: when, who, risk and groups on one line, the note wrapped under it.
    private final class RecordCell extends ListCell<CareRecord> {
        private final Label head = new Label();
        private final Label body = new Label();
        private final VBox box = new VBox(2, head, body);

        RecordCell() {
            head.getStyleClass().add("detail-what");
            body.setWrapText(true);
            box.maxWidthProperty().bind(history.widthProperty().subtract(28));
            body.maxWidthProperty().bind(box.maxWidthProperty());
        }

        @Override
        protected void updateItem(CareRecord item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            setText(null);
            if (isEmpty || item == null) {
                setGraphic(null);
                return;
            }
            head.setText(TIME.format(item.at()) + "  " + item.actorName() + "  " + texts.get("care.column.risk") + "："
                    + texts.get("care.risk." + item.risk().name())
                    + (item.groups().isEmpty() ? "" : "  " + SpecialGroupsModel.groupNames(item.groups())));
            body.setText(item.note() == null ? "" : item.note());
            setGraphic(box);
        }
    }
}
