package org.griddesk.desk.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.map.MapView;
import org.griddesk.store.view.SavedViewRepository;
import org.griddesk.ui.Messages;
import org.griddesk.ui.ShownAs;
import org.kordamp.ikonli.javafx.FontIcon;

/// The intake queue on screen: a filter bar and a virtualised list (only the visible rows exist, so
/// ten thousand tickets scroll as smoothly as ten). Each row: the channel's icon, the code and item,
/// the start of the text, the place, the countdown to the deadline it races (coloured at risk and
/// overdue) and badges for duplicate suggestions, open whistles and folded alarms.
public final class QueueView extends VBox {
    private final QueueViewModel model;
    private final ListView<QueueItem> list = new ListView<>();
    private final ComboBox<Channel> channel = new ComboBox<>();
    private final ComboBox<QueueViewModel.Stage> stage = new ComboBox<>();
    private final CheckBox overdue = new CheckBox();
    private final CheckBox mine = new CheckBox();
    private final ComboBox<QueueItem.Named> area = new ComboBox<>();
    private final ComboBox<QueueItem.Named> category = new ComboBox<>();
    private final ComboBox<QueueViewModel.Sort> sort = new ComboBox<>();
    private final ComboBox<SavedViewRepository.SavedView> views = new ComboBox<>();
    private final Button saveView = new Button();
    private Consumer<String> viewSaver = name -> { };
    private final TextField search = new TextField();
    private final Label counts = new Label();
    private final Label empty = new Label();
    private final Label newUrgent = new Label();
    private Messages messages;
    private Consumer<QueueItem> dragStart = q -> { };
    private Consumer<QueueItem> picked = q -> { };
    private long pickedId = -1;
    /// the counts as last written
    private Counts counted;
    /// the cells the list made (a screenful and a few): the clock ticks them
    private final List<QueueRow> rows = new ArrayList<>();
    private Runnable dragEnd = () -> { };
    private ContextMenuRequest menu = (q, n, x, y) -> { };

    public QueueView(QueueViewModel model, Messages messages) {
        this.model = model;
        getStyleClass().add("queue-view");
        empty.setWrapText(true);
        empty.setTextAlignment(TextAlignment.CENTER);
        empty.setPadding(new Insets(0, 24, 0, 24));
        channel.setItems(FXCollections.observableArrayList(Channel.values()));
        channel.getItems().addFirst(null);
        channel.valueProperty().bindBidirectional(model.channelProperty());
        stage.setItems(FXCollections.observableArrayList(QueueViewModel.Stage.values()));
        stage.valueProperty().bindBidirectional(model.stageProperty());
        overdue.selectedProperty().bindBidirectional(model.overdueOnlyProperty());
        mine.selectedProperty().bindBidirectional(model.mineOnlyProperty());
        search.textProperty().bindBidirectional(model.searchProperty());
        area.setItems(withNone(model.areas()));
        area.valueProperty().bindBidirectional(model.areaProperty());
        category.setItems(withNone(model.categories()));
        category.valueProperty().bindBidirectional(model.categoryProperty());
        sort.setItems(FXCollections.observableArrayList(QueueViewModel.Sort.values()));
        sort.valueProperty().bindBidirectional(model.sortProperty());
        sort.setId("queueSort");
        area.setId("queueArea");
        category.setId("queueCategory");
        views.setId("queueViews");
        saveView.setId("queueSaveView");
        saveView.setGraphic(new FontIcon("mdal-bookmark_border"));
        saveView.setFocusTraversable(false);
        views.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SavedViewRepository.SavedView view, boolean empty) {
                super.updateItem(view, empty);
                setText(empty || view == null ? null : view.name());
            }
        });
        views.setButtonCell(views.getCellFactory().call(null));
        views.valueProperty().addListener((obs, old, view) -> {
            if (view != null) {
                model.applyView(view.spec());
            }
        });
        saveView.setOnAction(e -> askViewName());
        search.setId("queueSearch");
        channel.setId("queueChannel");
        stage.setId("queueStage");
        overdue.setId("queueOverdue");
        mine.setId("queueMine");
        counts.setId("queueCounts");
        counts.getStyleClass().add("queue-counts");
        list.setId("queueList");
        list.getStyleClass().add("queue-list");
        list.setItems(model.shown());
        list.setCellFactory(v -> {
            QueueRow row = new QueueRow(this);
            rows.add(row);
            return row;
        });
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                userPicked();
            }
        });
        list.addEventHandler(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode().isNavigationKey()) {
                userPicked();
            }
        });
        model.shown().addListener((ListChangeListener<QueueItem>) c -> keepPick());
        model.loadedProperty().addListener((obs, was, loaded) -> {
            if (!loaded) { // emptied for the next person (sign-out, change of person): their first click picks anew
                pickedId = -1;
                list.getSelectionModel().clearSelection();
            }
        });
        list.setFixedCellSize(TicketCell.HEIGHT);
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox filters = new HBox(6, channel, stage);
        filters.getStyleClass().add("queue-filters");
        HBox places = new HBox(6, area, category);
        places.getStyleClass().add("queue-filters");
        HBox saved = new HBox(6, views, sort, saveView);
        saved.getStyleClass().add("queue-filters");
        HBox.setHgrow(views, Priority.ALWAYS);
        views.setMaxWidth(Double.MAX_VALUE);
        newUrgent.setId("queueNewUrgent");
        newUrgent.getStyleClass().add("queue-new-urgent");
        newUrgent.setFocusTraversable(false);
        HBox toggles = new HBox(10, overdue, mine, spacer(), newUrgent, counts);
        toggles.setAlignment(Pos.CENTER_LEFT);
        toggles.getStyleClass().add("queue-filters");
        getChildren().addAll(search, filters, places, saved, toggles, list);
        // the clock: each row shown updates its own countdown (no rebuild of the list's cells)
        model.nowProperty().addListener((obs, old, now) -> rows.forEach(QueueRow::tick));
        model.fresh().addListener((SetChangeListener<Long>) c -> {
            // a clear tells of each row it takes away: the rows are drawn again once, when it is done
            if (c.wasAdded() || c.getSet().isEmpty()) {
                rows.forEach(QueueRow::tick);
            }
        });
        model.freshUrgentProperty().addListener((obs, old, n) -> showCounts());
        model.shown().addListener((ListChangeListener<QueueItem>) c -> showCounts());
        model.overdueProperty().addListener((obs, old, n) -> showCounts());
        model.atRiskProperty().addListener((obs, old, n) -> showCounts());
        model.historyArrivingProperty().addListener((obs, old, arriving) -> showCounts());
        useMessages(messages);
    }

    /// Relabels everything in the given language.
    public void useMessages(Messages newMessages) {
        this.messages = newMessages;
        search.setPromptText(messages.get("queue.search"));
        overdue.setText(messages.get("queue.filter.overdue"));
        mine.setText(messages.get("queue.filter.mine"));
        channel.setConverter(converter(c -> c == null ? messages.get("queue.filter.allChannels") : messages.get("channel." + c.name())));
        stage.setConverter(converter(s -> messages.get("queue.stage." + s.name())));
        sort.setConverter(converter(o -> messages.get("queue.sort." + o.name())));
        area.setConverter(converter(a -> a == null ? messages.get("queue.filter.allAreas") : a.name()));
        category.setConverter(converter(c -> c == null ? messages.get("queue.filter.allCategories") : c.name()));
        views.setPromptText(messages.get("queue.views"));
        saveView.setTooltip(new Tooltip(messages.get("queue.saveView")));
        list.setPlaceholder(empty);
        showCounts();
        list.refresh();
    }

    /// The user's saved views, for the views menu.
    public void showViews(List<SavedViewRepository.SavedView> saved) {
        views.getItems().setAll(saved);
    }

    /// Calls `onSave` with the name the user gives the current filters.
    public void onSaveView(Consumer<String> onSave) {
        this.viewSaver = onSave;
    }

    private void askViewName() {
        TextInputDialog ask = new TextInputDialog();
        ask.initOwner(getScene() == null ? null : getScene().getWindow());
        ask.setTitle(messages.get("queue.saveView"));
        ask.setHeaderText(messages.get("queue.saveViewText", model.viewSpec().isEmpty() ? messages.get("queue.noFilters") : model.viewSpec()));
        ask.getEditor().setId("viewName");
        Node ok = ask.getDialogPane().lookupButton(ButtonType.OK);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            String name = ask.getEditor().getText().strip();
            return name.isEmpty() || name.length() > SavedViewRepository.MAX_NAME;
        }, ask.getEditor().textProperty()));
        ask.setOnHidden(e -> {
            String name = ask.getResult();
            if (name != null && !name.isBlank()) {
                viewSaver.accept(name.strip());
            }
        });
        ask.show();
    }

    /// A list with "all" (null) first that follows `options`.
    private static <T> ObservableList<T> withNone(ObservableList<T> options) {
        ObservableList<T> out = FXCollections.observableArrayList();
        Runnable copy = () -> {
            List<T> next = new ArrayList<>();
            next.add(null);
            next.addAll(options);
            out.setAll(next);
        };
        copy.run();
        options.addListener((ListChangeListener<T>) c -> copy.run());
        return out;
    }

    /// Calls `onSelect` with each ticket the user picks in the list (a click, the arrow keys, a
    /// drag). Rows that move as the queue reloads or is filtered never count as picked: the pick stays
    /// on its ticket, wherever its row goes.
    public void onSelect(Consumer<QueueItem> onSelect) {
        this.picked = onSelect;
    }

    /// Selects the row of this ticket, if it is shown, and scrolls to it.
    public void select(long ticketId) {
        pickedId = ticketId;
        for (int i = 0; i < model.shown().size(); i++) {
            if (model.shown().get(i).id() == ticketId) {
                if (list.getSelectionModel().getSelectedIndex() != i) {
                    list.getSelectionModel().select(i);
                    list.scrollTo(Math.max(0, i - 2));
                }
                return;
            }
        }
    }

    /// Selects the ticket's row and scrolls it into view (a ticket just entered at the desk).
    public void reveal(long ticketId) {
        select(ticketId);
        int at = list.getSelectionModel().getSelectedIndex();
        if (at >= 0 && list.getSelectionModel().getSelectedItem().id() == ticketId) {
            list.scrollTo(Math.max(0, at - 2));
        }
    }

    private void userPicked() {
        QueueItem item = list.getSelectionModel().getSelectedItem();
        long id = item == null ? -1 : item.id();
        if (id != pickedId || item != null) {
            pickedId = id;
            picked.accept(item);
        }
    }

    /// After a reload or a filter: the picked ticket's row is selected again, or none.
    private void keepPick() {
        // the row selected is most often still the pick: no search through the rows then
        int selected = list.getSelectionModel().getSelectedIndex();
        boolean onIt = selected >= 0 && selected < model.shown().size() && model.shown().get(selected).id() == pickedId;
        if (onIt || selected < 0 && pickedId < 0) {
            return;
        }
        int at = -1;
        for (int i = 0; i < model.shown().size(); i++) {
            if (model.shown().get(i).id() == pickedId) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedIndex() != at) {
            list.getSelectionModel().select(at);
        }
    }

    /// Calls `onDragStart` when a row is dragged (its ticket goes on the dragboard as
    /// [org.griddesk.map.MapView#TICKET]), and `onDragEnd` when the drag is over, dropped or not.
    public void onDrag(Consumer<QueueItem> onDragStart, Runnable onDragEnd) {
        this.dragStart = onDragStart;
        this.dragEnd = onDragEnd;
    }

    /// Calls `onMenu` with the row's ticket and the screen point of a right click (or the menu key).
    public void onContextMenu(ContextMenuRequest onMenu) {
        this.menu = onMenu;
    }

    /// A right click on a row.
    public interface ContextMenuRequest {
        void open(QueueItem item, Node anchor, double screenX, double screenY);
    }

    ListView<QueueItem> list() {
        return list;
    }

    /// The counts as last written, so that the several changes of one reload write them once.
    private record Counts(Messages words, String none, int shown, int overdue, int atRisk, int freshUrgent) {
    }

    private void showCounts() {
        // an empty list says whether the filters hide everything, nothing is open at all, or the
        // first start has not yet written the days that hold the open tickets
        String none = model.total() > 0 ? "queue.empty" : model.historyArrivingProperty().get() ? "queue.arriving" : "queue.none";
        Counts now = new Counts(messages, none, model.shown().size(), model.overdueProperty().get(), model.atRiskProperty().get(),
                model.freshUrgentProperty().get());
        if (now.equals(counted)) {
            return;
        }
        counted = now;
        empty.setText(messages.get(none));
        counts.setText(messages.get("queue.counts", now.shown(), now.overdue(), now.atRisk()));
        // new urgent work draws the eye (a badge, the rows' colour), never the keyboard focus
        newUrgent.setText(now.freshUrgent() == 0 ? "" : messages.get("queue.newUrgent", now.freshUrgent()));
        newUrgent.setVisible(now.freshUrgent() > 0);
        newUrgent.setManaged(now.freshUrgent() > 0);
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return ShownAs.text(text);
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    // ---- what a row asks of its list

    /// the words, the model's clock and its fresh tickets, as the rows show them
    TicketCell.Looks looks() {
        return new TicketCell.Looks() {
            @Override
            public Messages messages() {
                return messages;
            }

            @Override
            public java.time.Instant now() {
                return model.nowProperty().get();
            }

            @Override
            public boolean fresh(long ticketId) {
                return model.fresh().contains(ticketId);
            }
        };
    }

    /// A row's ticket was picked by a drag or a right click: selected, as if clicked.
    void pickedOnRow(QueueItem q) {
        list.getSelectionModel().select(q);
        userPicked();
    }

    void dragStarted(QueueItem q) {
        dragStart.accept(q);
    }

    void dragEnded() {
        dragEnd.run();
    }

    void menuAsked(QueueItem q, Node anchor, double x, double y) {
        menu.open(q, anchor, x, y);
    }
}
