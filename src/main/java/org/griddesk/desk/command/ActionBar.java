package org.griddesk.desk.command;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.griddesk.desk.detail.RevealReasonDialog;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.security.RevealPolicy;
import org.griddesk.security.RevealRefused;
import org.griddesk.ui.Layouts;
import org.griddesk.ui.Messages;

/// The controls through which a ticket's actions are started: the detail pane's row of buttons
/// (the first spelled out with its team, each with its shortcut), the catalogue's suggested teams,
/// the merge offers, the 显示 button beside the masked citizen, and the queue's context menu. Each
/// starts its action through [Dispatching].
public final class ActionBar {
    private final Dispatching dispatching;

    public ActionBar(Dispatching dispatching) {
        this.dispatching = dispatching;
    }

    private Messages messages() {
        return dispatching.messages();
    }

    /// The detail pane's actions for the ticket.
    public Node of(TicketDetail d) {
        FlowPane bar = new FlowPane(6, 6);
        bar.getStyleClass().add("action-bar");
        bar.setId("actionBar");
        List<Action> available = dispatching.available(d);
        for (int i = 0; i < available.size(); i++) {
            Action a = available.get(i);
            Button b = button(dispatching.label(d, a), "action-" + a.name(), i == 0 ? "action-primary" : "action-secondary");
            b.setTooltip(new Tooltip(i == 0 ? "Ctrl+Enter" : i <= 9 ? "Ctrl+" + i : ""));
            b.setOnAction(e -> dispatching.start(d, a));
            bar.getChildren().add(b);
        }
        if (available.isEmpty() && dispatching.ready()) {
            bar.getChildren().add(new Label(messages().get("detail.noActions", dispatching.teamName(d.ticket().ownerUnitId()))));
        }
        VBox panel = new VBox(6, bar);
        Action dispatch = available.contains(Action.ACCEPT_AND_DISPATCH) ? Action.ACCEPT_AND_DISPATCH
                : available.contains(Action.DISPATCH) ? Action.DISPATCH : null;
        if (dispatch != null) {
            panel.getChildren().add(suggestions(d, dispatch));
        }
        if (available.contains(Action.MERGE) && !d.duplicates().isEmpty()) {
            FlowPane merges = new FlowPane(6, 6);
            merges.getStyleClass().add("merge-offers");
            for (var dup : d.duplicates().subList(0, Math.min(3, d.duplicates().size()))) {
                Button merge = button(messages().get("detail.mergeInto", dup.candidateCode(), Math.round(dup.score() * 100)),
                        "merge-" + dup.candidateCode(), null);
                merge.setOnAction(e -> dispatching.start(d, Action.MERGE, ActionInput.EMPTY.withMaster(dup.candidateCode())));
                merges.getChildren().add(merge);
            }
            panel.getChildren().add(merges);
        }
        return panel;
    }

    /// The catalogue's suggestions for the ticket, each with why and a one-click dispatch.
    private Node suggestions(TicketDetail d, Action dispatch) {
        VBox box = new VBox(3);
        box.getStyleClass().add("suggested-teams");
        box.setId("suggestedTeams");
        Label title = new Label(messages().get("detail.suggested"));
        title.getStyleClass().add("detail-section");
        box.getChildren().add(title);
        ActionInput defaults = dispatching.defaults(d, dispatch);
        var actions = dispatching.actions();
        var options = actions.responsibility().teamsFor(d.ticket().ownerUnitId(), defaults.itemCode());
        String item = Optional.ofNullable(actions.item(defaults.itemCode())).map(i -> i.name()).orElse("");
        if (!item.isEmpty() && d.ticket().deadline() == null && d.intake().itemHint() == null) {
            Label guessed = new Label(messages().get("detail.itemGuessed", item));
            guessed.getStyleClass().add("detail-value");
            box.getChildren().add(guessed);
        }
        if (d.ticket().deadline() == null && d.intake().itemHint() == null) {
            itemSuggestions(d, dispatch).ifPresent(box.getChildren()::add);
        }
        for (var s : options.subList(0, Math.min(3, options.size()))) {
            Label why = new Label(s.team().name() + " · " + messages().get("why." + s.why().name(), s.itemName()));
            why.getStyleClass().add("detail-value");
            why.setWrapText(true);
            Button go = button(messages().get("detail.dispatchHere"), "suggest-" + s.team().id(), "suggest-button");
            go.setOnAction(e -> dispatching.drop(d, dispatching.onTeam(d, s.team().id())));
            box.getChildren().add(Layouts.spread(8, Pos.CENTER_LEFT, why, go));
        }
        return box;
    }

    /// The items the ticket's text suggests, each a button that opens the dispatch form filled for
    /// that item (its deadline, its team): one click and a confirmation. The model's probability on
    /// each, or "by name" for the simple guess when there is no model.
    private Optional<Node> itemSuggestions(TicketDetail d, Action dispatch) {
        var suggested = dispatching.actions().suggestions().top(d.ticket().intake().summary());
        if (suggested.isEmpty()) {
            return Optional.empty();
        }
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 4);
        row.setId("suggestedItems");
        row.getChildren().add(new Label(messages().get("detail.itemSuggested")));
        for (var s : suggested) {
            String text = s.item().name() + " " + (!s.learnt() ? messages().get("detail.itemByName")
                    : org.griddesk.ui.Percent.of(messages(), s.confidence()));
            Button take = button(text, "item-" + s.item().code(), "suggest-button");
            take.setOnAction(e -> dispatching.form(d, dispatch,
                    dispatching.actions().defaults(d.ticket(), dispatch, s.item().code(), d.intake().urgent())));
            row.getChildren().add(take);
        }
        return Optional.of(row);
    }

    /// A 显示 button next to the masked citizen, for those who may reveal it ([RevealPolicy] greys
    /// it out; [org.griddesk.store.PersonalDataService] decides): it asks the reason, then shows the
    /// caller the service returns, or its refusal. None for a caller this desk cannot open.
    public Optional<Node> revealControl(TicketDetail d, Label caller) {
        var user = dispatching.user();
        var session = dispatching.session();
        Caller shown = d.ticket().intake().caller();
        if (user == null || session == null || shown == null || !shown.readable() || !RevealPolicy.mayReveal(d.ticket(), user.actor())) {
            return Optional.empty();
        }
        Messages texts = Messages.of(messages().language(), RevealRefused.BUNDLE);
        Button reveal = button(messages().get("detail.reveal"), "revealCaller", "suggest-button");
        reveal.setTooltip(new Tooltip(messages().get("detail.revealWhy")));
        reveal.setOnAction(e -> new RevealReasonDialog(texts, d.ticket().code(), reveal.getScene().getWindow()).show(reason ->
                dispatching.detail().reveal(d.ticket().id(), session, reason, c -> {
                    caller.setText(((c.name() == null ? "" : c.name()) + " " + c.phone()).strip());
                    reveal.setDisable(true);
                }, refusal -> caller.setText(texts.get(refusal)))));
        return Optional.of(reveal);
    }

    /// A context menu of the ticket's actions (the queue's right click), once its detail is read.
    public void contextMenu(long ticketId, Node anchor, double screenX, double screenY) {
        if (!dispatching.ready()) {
            return;
        }
        dispatching.detail().read(ticketId, d -> {
            ContextMenu menu = new ContextMenu();
            menu.setId("queueMenu");
            for (Action a : dispatching.available(d)) {
                MenuItem item = new MenuItem(dispatching.label(d, a));
                item.setId("menu-" + a.name());
                item.setOnAction(e -> dispatching.start(d, a));
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem(messages().get("detail.noActions", dispatching.teamName(d.ticket().ownerUnitId())));
                none.setDisable(true);
                menu.getItems().add(none);
            }
            menu.show(anchor, screenX, screenY);
        });
    }

    private static Button button(String text, String id, String styleClass) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        if (styleClass != null) {
            b.getStyleClass().add(styleClass);
        }
        return b;
    }
}
