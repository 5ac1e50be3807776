package org.griddesk.supervise.drill;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.ui.Windows;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailView;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.TicketCell;
import org.griddesk.ui.Language;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;

/// The drill-down window: a read-only history list of any tickets, closed ones too, with the queue's
/// cells; picking one shows its detail and trail beside the list. It binds [TicketListModel] to
/// `fxml/supervise/ticket-list.fxml`.
public final class TicketListWindow {
    static final String FXML = "/fxml/supervise/ticket-list.fxml";
    /// the bundle of the statistics view and its drill-downs
    public static final String BUNDLE = "i18n/stats";

    private final TicketListModel model;
    private final Messages words;
    private final Messages desk;

    @FXML
    private Parent root;
    @FXML
    private Label heading;
    @FXML
    private Label count;
    @FXML
    private ListView<QueueItem> list;
    @FXML
    private StackPane detailPane;
    @FXML
    private Label hint;

    TicketListWindow(TicketListModel model, Language language) {
        this.model = model;
        this.words = Messages.of(language, BUNDLE);
        this.desk = Messages.of(language);
        Fxml.load(this, FXML, words.bundle());
        bind();
    }

    /// Opens a list titled `title` (what it explains, e.g. `咸水沽镇 · 按时办结率 · 2026-11 · 未按时`)
    /// of the tickets `ids` names; `ids` is called off the FX thread, so it may ask the store.
    public static Stage open(Window owner, String title, Callable<List<Long>> ids, TicketLists lists, Language language) {
        TicketListModel model = new TicketListModel(title, lists);
        TicketListWindow window = new TicketListWindow(model, language);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(window.words.get("drill.windowTitle", title));
        Scene scene = Windows.fit(stage, window.root, 1280, 820);
        SceneStyle.apply(scene);
        stage.show();
        model.load(ids);
        return stage;
    }

    private void bind() {
        heading.setText(model.title());
        TicketCell.Looks looks = TicketCell.Looks.readOnly(desk, model::now);
        list.setItems(model.rows());
        list.setCellFactory(v -> new TicketCell(looks));
        list.setFixedCellSize(TicketCell.HEIGHT);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                model.pick(picked.id());
            }
        });
        model.statusProperty().addListener((obs, old, now) -> showStatus());
        showStatus();
        model.detailProperty().addListener((obs, old, d) -> showDetail(d));
    }

    private void showStatus() {
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("drillPlaceholder");
        switch (model.statusProperty().get()) {
            case LOADING -> {
                placeholder.setText(words.get("drill.loading"));
                count.setText("");
            }
            case EMPTY -> {
                placeholder.setText(words.get("drill.empty"));
                count.setText(words.get("drill.count", 0));
            }
            case FAILED -> {
                placeholder.setText(words.get("drill.failed", model.failureProperty().get()));
                count.setText("");
            }
            case SHOWN -> {
                int leftOut = model.leftOutProperty().get();
                count.setText(leftOut == 0 ? words.get("drill.count", model.rows().size())
                        : words.get("drill.countLeftOut", model.rows().size(), leftOut));
                placeholder.setText(words.get("drill.allLeftOut", leftOut));
            }
        }
        list.setPlaceholder(placeholder);
    }

    private void showDetail(TicketDetail d) {
        if (d == null) {
            detailPane.getChildren().setAll(hint);
            return;
        }
        // read-only: no actions, no reveal of the citizen, no mini map
        detailPane.getChildren().setAll(new TicketDetailView(desk, d,
                new TicketDetailView.Extras(new Region(), label -> Optional.empty(), Optional.empty())));
    }
}
