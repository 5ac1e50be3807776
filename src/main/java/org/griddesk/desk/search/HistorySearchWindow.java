package org.griddesk.desk.search;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.desk.detail.CallerPanel;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailView;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.TicketCell;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.ui.Fxml;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.griddesk.ui.TaskExecutor;
import org.griddesk.ui.Windows;

/// The 历史工单查询 window: binds [HistorySearchViewModel] to `fxml/search/history-search.fxml`. Works
/// by keyboard: the free text has the focus, Enter searches, Tab reaches the filters and the list,
/// the arrow keys pick a ticket, Alt+R reopens it (for those the rules let), Esc closes.
public final class HistorySearchWindow {
    static final String FXML = "/fxml/search/history-search.fxml";
    /// the menu item's accelerator
    public static final KeyCombination OPEN = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final HistorySearchViewModel model;
    private final HistoryAccess access;
    private final TaskExecutor executor;
    private final Messages words;
    private final Messages desk;

    @FXML private Parent root;
    @FXML private TextField textField;
    @FXML private TextField phoneField;
    @FXML private TextField nameField;
    @FXML private TextField addressField;
    @FXML private ComboBox<Choice<String>> categoryBox;
    @FXML private ComboBox<Choice<Channel>> channelBox;
    @FXML private ComboBox<Choice<String>> unitBox;
    @FXML private ComboBox<Choice<TicketState>> stateBox;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private ComboBox<Choice<Boolean>> orderBox;
    @FXML private Button searchButton;
    @FXML private Button clearButton;
    @FXML private Label summary;
    @FXML private ListView<QueueItem> list;
    @FXML private StackPane detailPane;
    @FXML private Label hint;

    /// A filter's choice: its value (null: any) and what the list shows.
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    HistorySearchWindow(HistoryAccess access, TaskExecutor executor, Clock clock, Language language) {
        this.access = access;
        this.executor = executor;
        this.words = Messages.of(language, CallerPanel.BUNDLE);
        this.desk = Messages.of(language);
        this.model = new HistorySearchViewModel(access, executor, clock, words);
        Fxml.load(this, FXML, words.bundle());
        bind();
    }

    /// Whether `actor` searches the history here: a centre's dispatchers and supervisors (their
    /// centre's tickets and those below it) and district managers (every one). A team's handler works
    /// the team's queue, the wall and the administrators see no tickets' history.
    public static boolean allowedFor(org.griddesk.domain.org.Actor actor) {
        if (actor == null) {
            return false;
        }
        return switch (actor.role()) {
            case DISPATCHER, SUPERVISOR -> actor.unit().isCentre();
            case DISTRICT_MANAGER -> true;
            default -> false;
        };
    }

    /// Opens the window over `owner`.
    public static Stage open(Window owner, HistoryAccess access, TaskExecutor executor, Clock clock, Language language) {
        HistorySearchWindow window = new HistorySearchWindow(access, executor, clock, language);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(window.words.get("search.windowTitle"));
        Scene scene = Windows.fit(stage, window.root, 1500, 900);
        SceneStyle.apply(scene);
        // Esc closes the window from any field, the list or a closed drop-down (which would take the
        // key itself); an open drop-down's list only closes
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !(scene.getFocusOwner() instanceof ComboBoxBase<?> box && box.isShowing())) {
                e.consume();
                stage.close();
            }
        });
        stage.setOnHidden(e -> window.model.close());
        stage.show();
        window.textField.requestFocus();
        window.fillChoices();
        // the index is opened (or built) as soon as the window is: the first search then waits less
        executor.submit(() -> {
            var search = access.search();
            if (search != null) {
                search.index().start();
            }
            return null;
        }, ignored -> { }, ignored -> { });
        return stage;
    }

    HistorySearchViewModel model() {
        return model;
    }

    private void bind() {
        textField.textProperty().bindBidirectional(model.textProperty());
        phoneField.textProperty().bindBidirectional(model.phoneProperty());
        nameField.textProperty().bindBidirectional(model.nameProperty());
        addressField.textProperty().bindBidirectional(model.addressProperty());
        fromPicker.valueProperty().bindBidirectional(model.fromProperty());
        toPicker.valueProperty().bindBidirectional(model.toProperty());
        List<Choice<Channel>> channels = new ArrayList<>(List.of(any()));
        for (Channel c : Channel.values()) {
            channels.add(new Choice<>(c, desk.get("channel." + c.name())));
        }
        choose(channelBox, channels, model.channelProperty());
        List<Choice<TicketState>> states = new ArrayList<>(List.of(any()));
        for (TicketState s : TicketState.values()) {
            states.add(new Choice<>(s, desk.get("state." + s.name())));
        }
        choose(stateBox, states, model.stateProperty());
        orderBox.getItems().setAll(new Choice<>(false, words.get("search.order.RELEVANCE")),
                new Choice<>(true, words.get("search.order.NEWEST")));
        orderBox.getSelectionModel().select(0);
        orderBox.valueProperty().addListener((obs, old, now) -> {
            model.newestFirstProperty().set(now != null && now.value());
            if (!model.rows().isEmpty()) {
                model.search();
            }
        });
        choose(categoryBox, List.of(any()), model.categoryProperty());
        choose(unitBox, List.of(any()), model.unitProperty());

        TicketCell.Looks looks = TicketCell.Looks.readOnly(desk, model::now);
        list.setItems(model.rows());
        list.setCellFactory(v -> new TicketCell(looks));
        list.setFixedCellSize(TicketCell.HEIGHT);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, picked) -> {
            if (picked != null) {
                model.pick(picked.id());
            }
        });
        summary.textProperty().bind(model.summaryProperty());
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setId("historyPlaceholder");
        placeholder.textProperty().bind(model.summaryProperty()); // 查询中… then what came of it, never one stale
        list.setPlaceholder(placeholder);
        model.detailProperty().addListener((obs, old, d) -> showDetail(d));
    }

    /// The categories and units, read off the FX thread.
    private void fillChoices() {
        executor.submit(() -> new Choices(access.categories(), access.units().stream()
                .map(u -> new Choice<>(u.id(), u.name())).toList()), read -> {
            List<Choice<String>> categories = new ArrayList<>(List.of(any()));
            for (HistoryRows.Category c : read.categories()) {
                categories.add(new Choice<>(c.code(), c.name()));
            }
            categoryBox.getItems().setAll(categories);
            categoryBox.getSelectionModel().select(0);
            List<Choice<String>> units = new ArrayList<>(List.of(any()));
            units.addAll(read.units());
            unitBox.getItems().setAll(units);
            unitBox.getSelectionModel().select(0);
        }, ignored -> { });
    }

    private record Choices(List<HistoryRows.Category> categories, List<Choice<String>> units) {
    }

    private <T> Choice<T> any() {
        return new Choice<>(null, words.get("search.any"));
    }

    private static <T> void choose(ComboBox<Choice<T>> box, List<Choice<T>> choices, ObjectProperty<T> into) {
        box.getItems().setAll(choices);
        box.getSelectionModel().select(0);
        box.valueProperty().addListener((obs, old, now) -> into.set(now == null ? null : now.value()));
    }

    private void showDetail(TicketDetail d) {
        if (d == null) {
            detailPane.getChildren().setAll(hint);
            return;
        }
        Node caller = new CallerPanel(desk, d.ticket().id(), access, executor, model.now(), this::openFromPanel);
        TicketDetailView view = new TicketDetailView(desk, d, new TicketDetailView.Extras(reopenBar(), label -> Optional.empty(),
                Optional.empty(), Optional.of(caller), shown -> Optional.empty()));
        detailPane.getChildren().setAll(view);
    }

    /// A caller panel's link: the ticket is picked here (and selected when it is in the list).
    private void openFromPanel(long ticketId) {
        list.getItems().stream().filter(r -> r.id() == ticketId).findFirst()
                .ifPresentOrElse(r -> list.getSelectionModel().select(r), () -> model.pick(ticketId));
    }

    /// The reopen row: shown only to whoever the rules let reopen the ticket shown.
    private Node reopenBar() {
        Label message = new Label();
        message.setId("historyReopenMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        if (!model.mayReopenProperty().get()) {
            return message;
        }
        TextField reason = new TextField();
        reason.setId("historyReopenReason");
        reason.setPromptText(words.get("reopen.reason"));
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button reopen = new Button(words.get("reopen.button"));
        reopen.setId("historyReopen");
        reopen.setMnemonicParsing(true);
        Consumer<Object> run = e -> model.reopen(reason.getText());
        reopen.setOnAction(run::accept);
        reason.setOnAction(e -> {
            run.accept(e);
            e.consume();
        });
        HBox row = new HBox(8, reason, reopen);
        VBox bar = new VBox(4, row, message);
        bar.setPadding(new Insets(4, 0, 4, 0));
        return bar;
    }

    @FXML
    private void search() {
        model.search();
    }

    @FXML
    private void clear() {
        model.textProperty().set("");
        model.phoneProperty().set("");
        model.nameProperty().set("");
        model.addressProperty().set("");
        categoryBox.getSelectionModel().select(0);
        channelBox.getSelectionModel().select(0);
        unitBox.getSelectionModel().select(0);
        stateBox.getSelectionModel().select(0);
        orderBox.getSelectionModel().select(0);
        model.fromProperty().set(null);
        model.toProperty().set(null);
        textField.requestFocus();
    }
}
