package org.griddesk.supervise.consult;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.griddesk.ui.IsoDates;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.org.Unit;
import org.griddesk.store.supervise.HardCase;
import org.griddesk.supervise.TicketLineCell;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;

/// Binds [ConsultationViewModel] to `fxml/supervise/consultation.fxml`: the cases (several may be
/// chosen for one consultation), the tickets of the focused case, the record's form.
public final class ConsultationView {
    static final String FXML = "/fxml/supervise/consultation.fxml";

    private final ConsultationViewModel model;

    @FXML
    private Parent root;
    @FXML
    private Label rules;
    @FXML
    private Label count;
    @FXML
    private Label message;
    @FXML
    private Button refresh;
    @FXML
    private ListView<HardCase> cases;
    @FXML
    private ListView<QueueItem> tickets;
    @FXML
    private DatePicker heldOn;
    @FXML
    private TextField units;
    @FXML
    private TextArea findings;
    @FXML
    private TextArea decision;
    @FXML
    private ComboBox<Unit> followUp;
    @FXML
    private DatePicker followUpDue;
    @FXML
    private Button record;
    @FXML
    private Label onlyRead;

    public ConsultationView(ConsultationViewModel model, Messages deskWords, LongConsumer openTicket) {
        this.model = model;
        Fxml.load(this, FXML, model.words().bundle());
        bind(deskWords, openTicket);
    }

    public Parent root() {
        return root;
    }

    private void bind(Messages deskWords, LongConsumer openTicket) {
        rules.setText(model.rulesText());
        count.textProperty().bind(model.countProperty());
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        refresh.disableProperty().bind(model.busyProperty());
        cases.setItems(model.cases());
        cases.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        cases.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HardCase c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : model.describe(c));
                setId(empty || c == null ? null : "consultCase-" + c.reason().name() + "-" + getIndex());
            }
        });
        cases.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                tickets.getItems().setAll(now == null ? List.of() : model.rowsOf(now)));
        TicketLineCell.use(tickets, deskWords, openTicket);
        model.cases().addListener((javafx.collections.ListChangeListener<HardCase>) c -> {
            if (cases.getSelectionModel().isEmpty() && !model.cases().isEmpty()) {
                cases.getSelectionModel().select(0);
            }
        });
        for (DatePicker picker : List.of(heldOn, followUpDue)) {
            picker.setConverter(IsoDates.converter(() -> null));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        heldOn.setValue(today);
        followUpDue.setValue(today.plusDays(7));
        followUp.setItems(model.units());
        followUp.setConverter(new StringConverter<>() {
            @Override
            public String toString(Unit u) {
                return u == null ? "" : u.name();
            }

            @Override
            public Unit fromString(String s) {
                return model.units().stream().filter(u -> u.name().equals(s)).findFirst().orElse(null);
            }
        });
        boolean may = model.mayRecord();
        for (var field : List.of(heldOn, units, findings, decision, followUp, followUpDue)) {
            field.setDisable(!may);
        }
        record.disableProperty().bind(model.busyProperty().or(cases.getSelectionModel().selectedItemProperty().isNull())
                .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !may)));
        onlyRead.setVisible(!may);
        onlyRead.setManaged(!may);
    }

    @FXML
    void refresh() {
        model.load();
    }

    @FXML
    void record() {
        model.record(List.copyOf(cases.getSelectionModel().getSelectedItems()), heldOn.getValue(), units.getText(), findings.getText(),
                decision.getText(), followUp.getValue(), followUpDue.getValue());
    }
}
