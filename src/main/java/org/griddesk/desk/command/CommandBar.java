package org.griddesk.desk.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import javafx.stage.Window;
import org.griddesk.desk.board.TeamBoard;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.CommandLine;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.Pinyin;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.ui.Messages;

/// Ctrl+K or `/`: one line to run any action without the mouse — `派 2611-0042 城管`,
/// `dispatch 0042 chengguan`, `延期 0042 3 需协调管线单位` — with completion of verbs, open tickets,
/// teams, departments and items as one types (Tab or ↓ to pick, Enter to run, Esc to close). A line
/// the rules accept runs at once; one that still lacks something opens the action's form, filled.
public final class CommandBar {
    static final int SHOWN = 8;

    private final Dispatching dispatching;
    private final QueueViewModel queue;
    private final LongConsumer pick;
    private final Popup popup = new Popup();
    private final TextField line = new TextField();
    private final ListView<String[]> completions = new ListView<>();
    private final Label status = new Label();
    private Messages messages;

    public CommandBar(Messages messages, Dispatching dispatching, QueueViewModel queue, LongConsumer pick) {
        this.messages = messages;
        this.dispatching = dispatching;
        this.queue = queue;
        this.pick = pick;
        line.setId("commandLine");
        line.setPrefWidth(720);
        line.getStyleClass().add("command-line");
        completions.setId("commandCompletions");
        completions.setPrefHeight(SHOWN * 30 + 4);
        completions.setFocusTraversable(false);
        completions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String[] c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c[1]);
            }
        });
        completions.setOnMouseClicked(e -> takeCompletion());
        status.setId("commandStatus");
        status.getStyleClass().add("command-status");
        status.setWrapText(true);
        VBox box = new VBox(6, line, completions, status);
        box.getStyleClass().add("command-bar");
        box.setPadding(new Insets(10));
        popup.getContent().add(box);
        popup.setAutoHide(true);
        line.textProperty().addListener((obs, old, now) -> refreshCompletions());
        line.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        useMessages(messages);
    }

    public void useMessages(Messages m) {
        this.messages = m;
        line.setPromptText(m.get("command.prompt"));
    }

    public void show(Window owner) {
        line.clear();
        status.setText(messages.get("command.hint"));
        refreshCompletions();
        popup.show(owner, owner.getX() + (owner.getWidth() - 740) / 2, owner.getY() + 90);
        line.requestFocus();
    }

    boolean showing() {
        return popup.isShowing();
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> popup.hide();
            case DOWN -> completions.getSelectionModel().selectNext();
            case UP -> completions.getSelectionModel().selectPrevious();
            case TAB -> takeCompletion();
            case ENTER -> run();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void takeCompletion() {
        String[] chosen = completions.getSelectionModel().getSelectedItem();
        if (chosen == null && !completions.getItems().isEmpty()) {
            chosen = completions.getItems().getFirst();
        }
        if (chosen != null) {
            line.setText(chosen[0]);
            line.positionCaret(line.getText().length());
        }
    }

    private void refreshCompletions() {
        completions.setItems(FXCollections.observableArrayList(CommandLine.complete(line.getText(), vocabulary(), SHOWN)));
    }

    /// Runs the line: reads the ticket, fills the form from the words, runs or opens the form.
    private void run() {
        CommandLine.Parsed parsed = CommandLine.parse(line.getText());
        if (!parsed.ok()) {
            status.setText(messages.get(parsed.error()));
            return;
        }
        List<String> codes = queue.all().stream().map(QueueItem::code).toList();
        String code = CommandLine.ticketCode(parsed.ticket(), codes).orElse(parsed.ticket());
        dispatching.detail().find(code, found -> {
            if (found.isEmpty()) {
                status.setText(messages.get("command.noSuchTicket", parsed.ticket()));
                return;
            }
            TicketDetail d = found.get();
            Action action = parsed.action() == Action.ACCEPT_AND_DISPATCH && !ActionInput.needsAccepting(d.ticket())
                    ? Action.DISPATCH : parsed.action();
            CommandLine.Filled filled = CommandLine.fill(parsed, d.ticket(), dispatching.defaults(d, action), dispatching.actions());
            if (!filled.ok()) {
                status.setText(messages.get(filled.error(), filled.word()));
                return;
            }
            DeskCommand command = dispatching.command(d, action, filled.input());
            TicketActions.Check check = dispatching.check(command);
            if (check.verdict() == TicketActions.Check.Verdict.REFUSED) {
                status.setText(check.message(messages.language().locale()));
                return;
            }
            popup.hide();
            if (check.allowed()) {
                dispatching.perform(command, () -> pick.accept(d.ticket().id()));
            } else {
                pick.accept(d.ticket().id());
                dispatching.form(d, action, filled.input()); // the form says what is still missing
            }
        });
    }

    private CommandLine.Vocabulary vocabulary() {
        return new CommandLine.Vocabulary() {
            @Override
            public List<String[]> tickets(String typed) {
                List<String[]> out = new ArrayList<>();
                String t = typed.toLowerCase(Locale.ROOT);
                for (QueueItem i : queue.shown()) {
                    if (i.code().contains(t) || !t.isEmpty() && Pinyin.matches(i.shortText(), t)) {
                        out.add(new String[] {i.code(), (i.itemName().isEmpty() ? "" : i.itemName() + " · ") + i.shortText()});
                        if (out.size() == SHOWN) {
                            break;
                        }
                    }
                }
                return out;
            }

            @Override
            public List<String> names(Action action, String ticket) {
                var actions = dispatching.actions();
                if (actions == null) {
                    return List.of();
                }
                List<String> codes = queue.all().stream().map(QueueItem::code).toList();
                var item = CommandLine.ticketCode(ticket, codes)
                        .flatMap(code -> queue.all().stream().filter(i -> i.code().equals(code)).findFirst());
                // a ticket without an item yet: the item its text suggests when the model is sure of it
                var itemCode = item.map(i -> i.work().itemCode() != null ? i.work().itemCode()
                        : actions.suggestions().primary(i.shortText()).map(Item::code).orElse(null)).orElse(null);
                return switch (action.input()) {
                    case TEAM -> item.map(i -> actions.responsibility().teamsFor(i.ownerUnitId(), itemCode).stream()
                            .map(s -> TeamBoard.shortName(s.team().name())).toList()).orElse(List.of());
                    case DEPARTMENTS -> actions.responsibility().departmentsFor(itemCode).stream()
                            .map(s -> TeamBoard.shortName(s.team().name())).toList();
                    case ITEM -> suggestedFirst(actions, item.map(QueueItem::shortText).orElse(""));
                    case CALLBACK -> List.of("满意", "基本满意", "不满意");
                    case MASTER -> codes;
                    case GRID -> actions.grids().all().stream().map(g -> g.name()).toList();
                    case CENTRE -> actions.towns().stream().map(u -> u.name()).toList();
                    default -> List.of();
                };
            }
        };
    }

    /// Every item's name, those the text suggests first (most probable first).
    private static List<String> suggestedFirst(org.griddesk.dispatch.TicketActions actions, String text) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        actions.suggestions().top(text).forEach(s -> names.add(s.item().name()));
        actions.items().forEach(i -> names.add(i.name()));
        return List.copyOf(names);
    }
}
