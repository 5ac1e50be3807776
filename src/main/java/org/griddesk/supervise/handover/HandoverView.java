package org.griddesk.supervise.handover;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongConsumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.store.supervise.HandOver;
import org.griddesk.supervise.TicketLineCell;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;

/// Binds [HandoverViewModel] to `fxml/supervise/handover.fxml`: one ticket list per section (made
/// here, five alike), the hand-overs to pick from, the note and the sign-off.
public final class HandoverView {
    static final String FXML = "/fxml/supervise/handover.fxml";

    private final HandoverViewModel model;
    private final Map<HandOver.Section, ListView<QueueItem>> lists = new EnumMap<>(HandOver.Section.class);
    private final Map<HandOver.Section, Label> titles = new EnumMap<>(HandOver.Section.class);

    @FXML
    private Parent root;
    @FXML
    private Label heading;
    @FXML
    private Label shownNote;
    @FXML
    private Label message;
    @FXML
    private HBox sections;
    @FXML
    private ListView<HandOver> history;
    @FXML
    private TextArea signNote;
    @FXML
    private Button sign;
    @FXML
    private TextArea note;
    @FXML
    private Button write;

    public HandoverView(HandoverViewModel model, Messages deskWords, LongConsumer openTicket) {
        this.model = model;
        Fxml.load(this, FXML, model.words().bundle());
        bind(deskWords, openTicket);
    }

    public Parent root() {
        return root;
    }

    private void bind(Messages deskWords, LongConsumer openTicket) {
        for (HandOver.Section section : HandOver.Section.values()) {
            Label title = new Label();
            title.getStyleClass().add("supervision-section");
            ListView<QueueItem> list = new ListView<>();
            list.setId("handover-" + section.name());
            TicketLineCell.use(list, deskWords, openTicket);
            VBox.setVgrow(list, Priority.ALWAYS);
            VBox column = new VBox(4, title, list);
            column.setMinWidth(0);
            column.setPrefWidth(0);
            HBox.setHgrow(column, Priority.ALWAYS);
            sections.getChildren().add(column);
            lists.put(section, list);
            titles.put(section, title);
        }
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        history.setItems(model.history());
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(HandOver h, boolean empty) {
                super.updateItem(h, empty);
                setText(empty || h == null ? null : model.describe(h));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        history.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != model.shownProperty().get()) {
                model.shownProperty().set(now);
            }
        });
        model.shownProperty().addListener((obs, old, now) -> show(now));
        sign.disableProperty().bind(model.busyProperty().or(Bindings.createBooleanBinding(() -> {
            HandOver h = model.shownProperty().get();
            return h == null || h.id() == 0 || h.signed();
        }, model.shownProperty())));
        write.disableProperty().bind(model.busyProperty());
        note.textProperty().bindBidirectional(model.noteProperty());
    }

    private void show(HandOver h) {
        if (h == null) {
            return;
        }
        if (history.getSelectionModel().getSelectedItem() != h) {
            history.getSelectionModel().select(h);
        }
        heading.setText(model.describe(h));
        shownNote.setText(h.note() == null || h.note().isBlank() ? "" : h.note()
                + (h.signNote() == null ? "" : "\n" + h.signNote()));
        for (HandOver.Section section : HandOver.Section.values()) {
            lists.get(section).getItems().setAll(model.rowsOf(h, section));
            titles.get(section).setText(model.sectionTitle(section, h.tickets().get(section).size()));
        }
    }

    @FXML
    void write() {
        model.write();
    }

    @FXML
    void sign() {
        HandOver h = model.shownProperty().get();
        if (h != null && h.id() != 0) {
            model.signOff(h, signNote.getText());
        }
    }
}
