package org.griddesk.supervise;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.command.Dispatching;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.store.supervise.TimerLists;
import org.griddesk.ui.Layouts;
import org.griddesk.ui.Messages;

/// The shift supervisor's board (值班长台), over the queue when a supervisor sits at the desk:
/// extensions and escalations waiting for a decision, the overdue and at-risk work with 督办 in one
/// click, whistles waiting for check-in, and the hand-over summary the next shift inherits. What it
/// shows is [SupervisorBoardModel]'s; this view draws it and starts its one-click actions.
public final class SupervisorBoard extends VBox implements DeskWindow.QueuePane {
    /// at most this many rows per section; the queue below holds the rest
    static final int ROWS = 6;

    private final QueueViewModel queue;
    private final Dispatching dispatching;
    private final LongConsumer pick;
    private final VBox sections = new VBox(8);
    private Messages messages;
    private DeskUser user;
    private ObservableValue<TimerLists> timers;
    private Function<String, String> teamName = id -> id;
    /// what the clock's tick redraws: the countdowns of the rows shown (no read of the store)
    private final List<Consumer<Instant>> countdowns = new ArrayList<>();

    /// Follows who sits at the desk (shown to supervisors only) and the queue's rows (read again on
    /// every change).
    public SupervisorBoard(Messages messages, QueueViewModel queue, ObservableValue<DeskUser> user, Dispatching dispatching,
                           LongConsumer pick) {
        this.messages = messages;
        this.queue = queue;
        this.dispatching = dispatching;
        this.pick = pick;
        useUser(user.getValue());
        user.addListener((obs, old, now) -> useUser(now));
        queue.all().addListener((ListChangeListener<QueueItem>) c -> refresh());
        getStyleClass().add("supervisor-board");
        setId("supervisorBoard");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(320);
        getChildren().add(scroll);
        setVisible(false);
        setManaged(false);
    }

    /// Shows the centre's timers as `timers` holds them (whistle check-ins counting down and late,
    /// overdue contact and callbacks), counting down on the queue's clock; `teamName` names a team.
    public SupervisorBoard withTimers(ObservableValue<TimerLists> lists, Function<String, String> teamNames) {
        this.timers = lists;
        this.teamName = teamNames;
        lists.addListener((obs, old, now) -> refresh());
        queue.nowProperty().addListener((obs, old, now) -> countdowns.forEach(c -> c.accept(now)));
        refresh();
        return this;
    }

    /// Puts a link to a supervision screen (e.g. 会商研判 N) at the top of the board.
    public SupervisorBoard withLink(Node link) {
        getChildren().add(0, link);
        return this;
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void useMessages(Messages m) {
        this.messages = m;
        refresh();
    }

    void useUser(DeskUser newUser) {
        this.user = newUser;
        boolean shown = newUser != null && newUser.supervisor();
        setVisible(shown);
        setManaged(shown);
        refresh();
    }

    /// Reads the board again from the queue's rows (they are current: the queue reloads on every change).
    void refresh() {
        sections.getChildren().clear();
        countdowns.clear();
        if (user == null || !user.supervisor()) {
            return;
        }
        SupervisorBoardModel board = SupervisorBoardModel.of(user, queue.all(), queue.nowProperty().get());
        section("supervisor.extensions", board.extensions(), i -> List.of(
                button("supervisor.approve", () -> dispatching.quick(i.id(), Action.APPROVE_EXTENSION, in -> in.withCitizenInformed(true))),
                button("supervisor.deny", () -> dispatching.quick(i.id(), Action.REJECT_EXTENSION, in -> in))));
        section("supervisor.escalated", board.escalated(), i -> List.of(
                button("supervisor.take", () -> dispatching.quick(i.id(), Action.ACCEPT_AND_DISPATCH, in -> in))));
        TimerRows timerRows = timers == null ? null
                : new TimerRows(Messages.of(messages.language(), TimerRows.BUNDLE), pick, teamName, countdowns::add);
        Instant now = Objects.requireNonNullElseGet(queue.nowProperty().get(), Instant::now);
        if (timerRows == null) {
            section("supervisor.whistles", board.whistles(), i -> List.of());
        } else { // first: a late check-in asks for a call to the department now
            sections.getChildren().addAll(timerRows.whistles(timers.getValue().whistles(), now, ROWS));
        }
        section("supervisor.overdue", board.overdue(), i -> List.of(button("supervisor.urge", () -> dispatching.quick(i.id(),
                Action.URGE, in -> in.withText(messages.get("supervisor.urgeNote"))))));
        if (timerRows != null) {
            TimerLists lists = timers.getValue();
            sections.getChildren().addAll(timerRows.overdue("timers.contact", "contact", lists.overdueContact(), now, ROWS));
            sections.getChildren().addAll(timerRows.overdue("timers.callback", "callback", lists.overdueCallbacks(), now, ROWS));
        }
        handOver(board.handOver());
    }

    private void section(String key, List<QueueItem> rows, Function<QueueItem, List<Button>> buttons) {
        Label title = new Label(messages.get(key, rows.size()));
        title.getStyleClass().add("supervisor-section");
        sections.getChildren().add(title);
        for (QueueItem i : rows.subList(0, Math.min(ROWS, rows.size()))) {
            Label what = new Label(i.code() + "  " + (i.itemName().isEmpty() ? i.shortText() : i.itemName()));
            what.getStyleClass().add("supervisor-row-text");
            what.setMinWidth(0);
            what.setOnMouseClicked(e -> pick.accept(i.id()));
            HBox row = Layouts.spread(6, Pos.CENTER_LEFT, what, buttons.apply(i).toArray(Node[]::new));
            row.getStyleClass().add("supervisor-row");
            row.setId("supervisor-" + key.substring(key.indexOf('.') + 1) + "-" + i.code());
            sections.getChildren().add(row);
        }
    }

    private void handOver(SupervisorBoardModel.HandOver h) {
        String summary = messages.get("supervisor.handOverText", h.open(), h.nearBreach(), h.overdue(), h.callbacks(), h.whistles(),
                h.extensions());
        Label title = new Label(messages.get("supervisor.handOver"));
        title.getStyleClass().add("supervisor-section");
        Label text = new Label(summary);
        text.setId("handOverSummary");
        text.setWrapText(true);
        Button copy = button("supervisor.copy", () -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(summary);
            Clipboard.getSystemClipboard().setContent(content);
        });
        sections.getChildren().addAll(title, text, copy);
    }

    private Button button(String key, Runnable action) {
        Button b = new Button(messages.get(key));
        b.getStyleClass().add("supervisor-button");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
