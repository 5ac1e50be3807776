package org.griddesk.desk.district;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.detail.EvidenceItem;
import org.griddesk.desk.detail.EvidenceLoader;
import org.griddesk.desk.detail.EvidenceStrip;
import org.griddesk.desk.detail.EvidenceViewer;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.AttachmentType;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;

/// A camera's card, opened by a click on the camera on the map (or its code in the map's search):
/// code, kind and grid, the live-view link (the stream handed to the system's player), and its
/// recent alarms. Keys: Enter opens the selected alarm's ticket, Space its snapshot in the
/// evidence viewer, L the live view, Esc closes.
public final class CameraCard {
    static final String FXML = "/fxml/district/camera-card.fxml";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(WorkCalendar.ZONE);

    private final CameraCardModel model;
    private final Messages texts;
    private final Messages messages;
    private final EvidenceLoader evidence;
    private final Consumer<String> openTicket;
    private final Stage stage = new Stage();

    @FXML private Parent root;
    @FXML private Label code;
    @FXML private Label kind;
    @FXML private Label place;
    @FXML private Button live;
    @FXML private Hyperlink stream;
    @FXML private Label empty;
    @FXML private TableView<CameraAlarms.Recent> alarms;
    @FXML private TableColumn<CameraAlarms.Recent, String> atColumn;
    @FXML private TableColumn<CameraAlarms.Recent, String> typeColumn;
    @FXML private TableColumn<CameraAlarms.Recent, String> confidenceColumn;
    @FXML private TableColumn<CameraAlarms.Recent, String> ticketColumn;
    @FXML private TableColumn<CameraAlarms.Recent, String> stateColumn;
    @FXML private TableColumn<CameraAlarms.Recent, String> snapshotColumn;

    /// `messages` the desk's texts (states), `texts` the evidence bundle; `place` where the camera is
    /// in words; `openTicket` shows a ticket by its code at the desk.
    public CameraCard(CameraCardModel model, Messages messages, Messages texts, String placeText, EvidenceLoader evidence,
                      Consumer<String> openTicket, Window owner) {
        this.model = model;
        this.messages = messages;
        this.texts = texts;
        this.evidence = evidence;
        this.openTicket = openTicket;
        Fxml.load(this, FXML, texts.bundle());
        code.setText(model.camera().code());
        kind.setText(texts.get("camera.kind." + model.camera().kind().name()));
        place.setText(placeText);
        columns();
        alarms.setItems(model.alarms());
        model.loadedProperty().addListener((obs, old, now) -> empty.setText(texts.get(model.failedProperty().get()
                ? "camera.failed" : "camera.none")));
        live.disableProperty().bind(model.streamUrlProperty().isEmpty());
        stream.textProperty().bind(model.streamUrlProperty());
        stream.visibleProperty().bind(model.streamUrlProperty().isNotEmpty());
        stream.managedProperty().bind(stream.visibleProperty());
        alarms.setRowFactory(t -> {
            TableRow<CameraAlarms.Recent> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    openTicket.accept(row.getItem().ticketCode());
                }
            });
            return row;
        });
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        scene.getStylesheets().add(CameraCard.class.getResource(EvidenceStrip.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        stage.setTitle(texts.get("camera.title", model.camera().code()));
    }

    /// Shows the card and reads its alarms.
    public CameraCard show() {
        stage.show();
        alarms.requestFocus();
        model.load();
        return this;
    }

    public Stage stage() {
        return stage;
    }

    private void columns() {
        atColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(TIME.format(c.getValue().alarmAt())));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().alarmType()));
        confidenceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Math.round(c.getValue().confidence() * 100) + "%"));
        ticketColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ticketCode()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get("state." + c.getValue().ticketState().name())));
        snapshotColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().snapshot() ? texts.get("camera.snapshot.yes") : ""));
    }

    private void key(KeyEvent e) {
        CameraAlarms.Recent selected = alarms.getSelectionModel().getSelectedItem();
        if (e.getCode() == KeyCode.ESCAPE) {
            stage.close();
        } else if (e.getCode() == KeyCode.ENTER && selected != null) {
            openTicket.accept(selected.ticketCode());
        } else if (e.getCode() == KeyCode.SPACE && selected != null) {
            showSnapshot(selected);
        } else if (e.getCode() == KeyCode.L) {
            openLive();
        } else {
            return;
        }
        e.consume();
    }

    /// The alarm's snapshot in the evidence viewer, with the camera's other snapshots to page through.
    void showSnapshot(CameraAlarms.Recent selected) {
        List<EvidenceItem> snapshots = model.alarms().stream().filter(CameraAlarms.Recent::snapshot)
                .map(a -> new EvidenceItem(EvidenceItem.Kind.SNAPSHOT, a.alarmId(), a.alarmType() + " · " + a.ticketCode(),
                        AttachmentType.JPEG, 0, EvidenceItem.Origin.VIDEO, a.alarmAt())).toList();
        int at = snapshots.stream().map(EvidenceItem::key).toList().indexOf(selected.alarmId());
        if (at >= 0) {
            EvidenceViewer.show(stage, texts, evidence, snapshots, at);
        }
    }

    @FXML
    private void openLive() {
        model.openLive();
    }
}
