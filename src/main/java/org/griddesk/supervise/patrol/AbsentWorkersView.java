package org.griddesk.supervise.patrol;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.griddesk.store.patrol.AbsentWorkers.Absent;
import org.griddesk.ui.Fxml;

/// The screen of [AbsentWorkersViewModel] (`/fxml/supervise/absent-workers.fxml`): binds in one place.
final class AbsentWorkersView {
    private static final String FXML = "/fxml/supervise/absent-workers.fxml";

    @FXML
    private BorderPane root;
    @FXML
    private Label heading;
    @FXML
    private Label message;
    @FXML
    private DatePicker day;
    @FXML
    private TableView<Absent> table;
    @FXML
    private TableColumn<Absent, String> gridColumn;
    @FXML
    private TableColumn<Absent, String> gridNameColumn;
    @FXML
    private TableColumn<Absent, String> workerColumn;
    @FXML
    private TableColumn<Absent, String> phoneColumn;
    @FXML
    private TableColumn<Absent, String> communityColumn;

    private final AbsentWorkersViewModel model;

    AbsentWorkersView(AbsentWorkersViewModel model) {
        this.model = model;
        Fxml.load(this, FXML, model.words().bundle());
        heading.textProperty().bind(model.headingProperty());
        message.textProperty().bind(model.messageProperty());
        day.valueProperty().bindBidirectional(model.dayProperty());
        day.valueProperty().addListener((obs, old, now) -> model.load());
        table.setItems(model.rows());
        column(gridColumn, Absent::gridCode);
        column(gridNameColumn, Absent::gridName);
        column(workerColumn, Absent::name);
        column(phoneColumn, Absent::maskedPhone);
        column(communityColumn, Absent::communityCode);
    }

    private static void column(TableColumn<Absent, String> column, Function<Absent, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void refresh() {
        model.load();
    }

    BorderPane root() {
        return root;
    }
}
