package org.griddesk.desk.command;

import org.griddesk.desk.DeskBackend;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.ui.Layouts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;
import javafx.util.Duration;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.ui.Messages;

/// The desk's hands: runs lifecycle actions for the user at the desk from the detail pane's
/// buttons, the queue's context menu, the keyboard, drops and the command bar, all through one
/// path ([#perform]); says what happened in the notice bar; offers to undo a dispatch for
/// [#UNDO_WINDOW].
public final class Dispatching {
    /// how long a dispatch may be taken back (unless the team signs first)
    static final Duration UNDO_WINDOW = Duration.seconds(10);

    private final ObjectProperty<DeskUser> user = new SimpleObjectProperty<>(this, "user");
    private final ObjectProperty<TicketDetail> current = new SimpleObjectProperty<>(this, "current");
    private final NoticeBar notices;
    private final java.util.function.Supplier<Window> window;
    private Messages messages;
    private ActionNames names;
    private TicketActions actions;
    private Organisation organisation;
    private DeskBackend backend;
    /// the last time an action's outcome reached the screen, for the response figure (ns, or 0)
    private final java.util.List<Long> responseNanos = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Dispatching(Messages messages, NoticeBar notices, java.util.function.Supplier<Window> window) {
        this.messages = messages;
        this.names = new ActionNames(messages);
        this.notices = notices;
        this.window = window;
    }

    public void useMessages(Messages m) {
        this.messages = m;
        this.names = new ActionNames(m);
    }

    public void useTools(TicketActions a, Organisation o) {
        this.actions = a;
        this.organisation = o;
    }

    public void useBackend(DeskBackend b) {
        this.backend = b;
    }

    public boolean ready() {
        return actions != null && backend != null && user.get() != null;
    }

    public ObjectProperty<DeskUser> userProperty() {
        return user;
    }

    /// The ticket the detail pane shows (null when none).
    public ObjectProperty<TicketDetail> currentProperty() {
        return current;
    }

    public TicketActions actions() {
        return actions;
    }

    Optional<Organisation> organisation() {
        return Optional.ofNullable(organisation);
    }

    String actionName(Action a) {
        return names.of(a);
    }

    /// The actions the user may take on the ticket now; empty before the district is read.
    List<Action> available(TicketDetail d) {
        return ready() ? actions.available(d.ticket(), user.get().actor()) : List.of();
    }

    /// The form as it opens for this ticket and action.
    ActionInput defaults(TicketDetail d, Action a) {
        return actions.defaults(d.ticket(), a, d.intake().itemHint(), d.intake().urgent());
    }

    /// Starts an action: runs it at once when the prefilled form already passes the rules and needs
    /// no words from the user (accept-and-dispatch to the suggested team, withdraw, sign, check in),
    /// else opens its form.
    void start(TicketDetail d, Action a) {
        start(d, a, defaults(d, a));
    }

    void start(TicketDetail d, Action a, ActionInput input) {
        if (!ready()) {
            return;
        }
        boolean wordless = !a.hasText() && a.input() != Action.Input.DEPARTMENTS && a.input() != Action.Input.MASTER
                && a.input() != Action.Input.ITEM;
        if (wordless && actions.check(d.ticket(), a, input, user.get().actor()).allowed()) {
            perform(d.ticket(), a, input);
            return;
        }
        new ActionForm(messages, actions, user.get().actor(), d, a, input, window.get()).show(filled -> perform(d.ticket(), a, filled));
    }

    /// Runs the action on the ticket as the user saw it; the notice bar says how it went.
    void perform(Ticket seen, Action a, ActionInput input) {
        perform(seen, a, input, () -> { });
    }

    /// Runs the action, then `afterwards` once its outcome is on screen (the command bar shows the
    /// ticket only then: its detail pane is not built while the user waits for the answer).
    void perform(Ticket seen, Action a, ActionInput input, Runnable afterwards) {
        if (!ready()) {
            return;
        }
        long started = System.nanoTime();
        backend.run(seen.id(), seen.version(), a, input, user.get().actor(), outcome -> {
            shown(outcome, a, input);
            responseNanos.add(System.nanoTime() - started);
            afterwards.run();
        });
    }

    private void shown(TicketActions.Outcome outcome, Action a, ActionInput input) {
        Locale locale = messages.language().locale();
        Ticket t = outcome.ticket();
        if (outcome.ok()) {
            String done = messages.get("notice.done", names.of(a), t.code(), messages.get("state." + t.state().name()),
                    t.assignedTeamId() == null ? "" : " → " + teamName(t.assignedTeamId()));
            boolean dispatched = a == Action.ACCEPT_AND_DISPATCH || a == Action.DISPATCH;
            if (dispatched) {
                notices.sayWithOffer(done, messages.get("notice.undo"), () -> perform(t, Action.WITHDRAW_DISPATCH, ActionInput.EMPTY),
                        UNDO_WINDOW);
            } else {
                notices.say(done, false);
            }
        } else {
            String prefix = outcome.done().isEmpty() ? "" : messages.get("notice.partly", t.code(),
                    messages.get("state." + t.state().name())) + " ";
            notices.say(prefix + outcome.message(locale), true);
        }
        if (t != null) {
            reload(t.id());
        }
    }

    /// Takes back the last dispatch while the notice still offers it; false when nothing to undo.
    public boolean undo() {
        return notices.takeOffer();
    }

    private void reload(long ticketId) {
        TicketDetail shown = current.get();
        if (shown != null && shown.ticket().id() == ticketId) {
            backend.loadTicket(ticketId, current::set);
        }
    }

    public String teamName(String id) {
        return organisation == null ? id : organisation.unit(id).map(Unit::name).orElse(id);
    }

    /// The detail pane's row of actions: the first (primary) one spelled out with its team; each
    /// with its keyboard shortcut (Ctrl+Enter for the first, Ctrl+1…9 for the rest).
    public Node actionBar(TicketDetail d) {
        FlowPane bar = new FlowPane(6, 6);
        bar.getStyleClass().add("action-bar");
        bar.setId("actionBar");
        List<Action> available = available(d);
        for (int i = 0; i < available.size(); i++) {
            Action a = available.get(i);
            Button b = new Button(label(d, a));
            b.setId("action-" + a.name());
            b.setFocusTraversable(false);
            b.getStyleClass().add(i == 0 ? "action-primary" : "action-secondary");
            b.setTooltip(new Tooltip(i == 0 ? "Ctrl+Enter" : i <= 9 ? "Ctrl+" + i : ""));
            b.setOnAction(e -> start(d, a));
            bar.getChildren().add(b);
        }
        if (available.isEmpty() && ready()) {
            bar.getChildren().add(new javafx.scene.control.Label(messages.get("detail.noActions",
                    teamName(d.ticket().ownerUnitId()))));
        }
        javafx.scene.layout.VBox panel = new javafx.scene.layout.VBox(6, bar);
        Action dispatch = available.contains(Action.ACCEPT_AND_DISPATCH) ? Action.ACCEPT_AND_DISPATCH
                : available.contains(Action.DISPATCH) ? Action.DISPATCH : null;
        if (dispatch != null) {
            panel.getChildren().add(suggestions(d, dispatch));
        }
        if (available.contains(Action.MERGE) && !d.duplicates().isEmpty()) {
            FlowPane merges = new FlowPane(6, 6);
            merges.getStyleClass().add("merge-offers");
            for (var dup : d.duplicates().subList(0, Math.min(3, d.duplicates().size()))) {
                Button merge = new Button(messages.get("detail.mergeInto", dup.candidateCode(), Math.round(dup.score() * 100)));
                merge.setId("merge-" + dup.candidateCode());
                merge.setFocusTraversable(false);
                merge.setOnAction(e -> start(d, Action.MERGE, ActionInput.EMPTY.withMaster(dup.candidateCode())));
                merges.getChildren().add(merge);
            }
            panel.getChildren().add(merges);
        }
        return panel;
    }

    /// The catalogue's suggestions for the ticket, each with why and a one-click dispatch.
    private Node suggestions(TicketDetail d, Action dispatch) {
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(3);
        box.getStyleClass().add("suggested-teams");
        box.setId("suggestedTeams");
        javafx.scene.control.Label title = new javafx.scene.control.Label(messages.get("detail.suggested"));
        title.getStyleClass().add("detail-section");
        box.getChildren().add(title);
        ActionInput defaults = defaults(d, dispatch);
        var options = actions.responsibility().teamsFor(d.ticket().ownerUnitId(), defaults.itemCode());
        String item = defaults.itemCode() == null ? "" : java.util.Optional.ofNullable(actions.item(defaults.itemCode()))
                .map(i -> i.name()).orElse("");
        if (!item.isEmpty() && (d.ticket().deadline() == null && d.intake().itemHint() == null)) {
            javafx.scene.control.Label guessed = new javafx.scene.control.Label(messages.get("detail.itemGuessed", item));
            guessed.getStyleClass().add("detail-value");
            box.getChildren().add(guessed);
        }
        for (var s : options.subList(0, Math.min(3, options.size()))) {
            javafx.scene.control.Label why = new javafx.scene.control.Label(s.team().name() + " · "
                    + messages.get("why." + s.why().name(), s.itemName()));
            why.getStyleClass().add("detail-value");
            why.setWrapText(true);
            Button go = new Button(messages.get("detail.dispatchHere"));
            go.setId("suggest-" + s.team().id());
            go.setFocusTraversable(false);
            go.getStyleClass().add("suggest-button");
            go.setOnAction(e -> dropOnTeam(d.ticket().id(), s.team().id(), reason -> { }));
            box.getChildren().add(Layouts.spread(8, javafx.geometry.Pos.CENTER_LEFT, why, go));
        }
        return box;
    }

    /// "受理并派至 咸水沽镇城管中队" for the primary dispatch; the action's name otherwise.
    String label(TicketDetail d, Action a) {
        if (a == Action.ACCEPT_AND_DISPATCH || a == Action.DISPATCH) {
            String team = defaults(d, a).teamId();
            if (!team.isEmpty()) {
                return messages.get(a == Action.DISPATCH ? "action.dispatchTo" : "action.acceptDispatchTo", teamName(team));
            }
        }
        return names.of(a);
    }

    /// Whether the user may see the ticket's citizen unmasked: staff of the centre that owns it, or
    /// the team working it (they call the citizen). Each reveal is recorded before it shows.
    boolean mayReveal(TicketDetail d) {
        var u = user.get();
        if (u == null || d.ticket().intake().caller() == null) {
            return false;
        }
        return u.unit().isCentre() ? u.unit().id().equals(d.ticket().ownerUnitId()) : u.unit().id().equals(d.ticket().assignedTeamId());
    }

    /// A 显示 button next to the masked citizen, for those who may reveal it.
    public Optional<Node> revealControl(TicketDetail d, javafx.scene.control.Label caller) {
        if (!mayReveal(d) || backend == null) {
            return Optional.empty();
        }
        Button reveal = new Button(messages.get("detail.reveal"));
        reveal.setId("revealCaller");
        reveal.setFocusTraversable(false);
        reveal.getStyleClass().add("suggest-button");
        reveal.setTooltip(new Tooltip(messages.get("detail.revealWhy")));
        reveal.setOnAction(e -> backend.recordReveal(d.ticket().id(), user.get().actor(), () -> {
            var c = d.ticket().intake().caller();
            caller.setText(((c.name() == null ? "" : c.name()) + " " + c.phone()).strip());
            reveal.setDisable(true);
        }));
        return Optional.of(reveal);
    }

    /// The n-th action of the shown ticket (0 = primary), from the keyboard.
    public boolean startNth(int n) {
        TicketDetail d = current.get();
        if (d == null || !ready()) {
            return false;
        }
        List<Action> available = available(d);
        if (n >= available.size()) {
            return false;
        }
        start(d, available.get(n));
        return true;
    }

    /// A context menu of the ticket's actions (the queue's right click), once its detail is read.
    public void contextMenu(long ticketId, Node anchor, double screenX, double screenY) {
        if (!ready()) {
            return;
        }
        backend.loadTicket(ticketId, d -> {
            ContextMenu menu = new ContextMenu();
            menu.setId("queueMenu");
            for (Action a : available(d)) {
                MenuItem item = new MenuItem(label(d, a));
                item.setId("menu-" + a.name());
                item.setOnAction(e -> start(d, a));
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) {
                MenuItem none = new MenuItem(messages.get("detail.noActions", teamName(d.ticket().ownerUnitId())));
                none.setDisable(true);
                menu.getItems().add(none);
            }
            menu.show(anchor, screenX, screenY);
        });
    }

    /// How a drop of the shown ticket on a team would go: null when it may be dispatched there at
    /// once, else the reason in words. Unknown (null) while its detail is still being read.
    public String dropOnTeam(long ticketId, String teamId) {
        TicketDetail d = current.get();
        if (d == null || d.ticket().id() != ticketId || !ready()) {
            return null;
        }
        Action a = ActionInput.needsAccepting(d.ticket()) ? Action.ACCEPT_AND_DISPATCH : Action.DISPATCH;
        var check = actions.check(d.ticket(), a, defaults(d, a).withTeam(teamId), user.get().actor());
        // an item still to choose is asked in the form: the drop is fine
        return check.allowed() || "refusal.reasonRequired".equals(check.reason().key()) ? null
                : check.message(messages.language().locale());
    }

    /// Drops the shown ticket on a team: dispatches it (accepting it first when it waits), or opens
    /// the form when the item is still to be chosen.
    public void dropOnTeam(long ticketId, String teamId, Consumer<String> refused) {
        withDetail(ticketId, d -> {
            Action a = ActionInput.needsAccepting(d.ticket()) ? Action.ACCEPT_AND_DISPATCH : Action.DISPATCH;
            ActionInput input = defaults(d, a).withTeam(teamId);
            var check = actions.check(d.ticket(), a, input, user.get().actor());
            if (check.allowed()) {
                perform(d.ticket(), a, input);
            } else if (check.verdict() == TicketActions.Check.Verdict.NEEDS_INPUT && "refusal.reasonRequired".equals(check.reason().key())) {
                start(d, a, input);
            } else {
                refused.accept(check.message(messages.language().locale()));
                notices.say(check.message(messages.language().locale()), true);
            }
        });
    }

    /// The team a drop on this grid dispatches to: the catalogue's team of the centre that owns
    /// the ticket, if the grid lies in that centre's area (any grid, for the district centre).
    public Optional<String> teamForGrid(TicketDetail d, String areaCode) {
        String owner = d.ticket().ownerUnitId();
        boolean district = organisation != null && organisation.unit(owner)
                .map(u -> u.level() == org.griddesk.domain.org.UnitLevel.DISTRICT).orElse(false);
        if (!district && !owner.equals(areaCode)) {
            return Optional.empty();
        }
        return actions.responsibility().suggestedTeam(owner, defaults(d, Action.DISPATCH).itemCode()).map(Unit::id);
    }

    /// Drops the shown ticket on the whistle zone: the whistle form with the item's department.
    public void dropOnWhistle(long ticketId, List<String> departments) {
        withDetail(ticketId, d -> {
            ActionInput input = departments.isEmpty() ? defaults(d, Action.WHISTLE) : defaults(d, Action.WHISTLE).withDepartments(departments);
            if (departments.isEmpty()) {
                start(d, Action.WHISTLE, input);
                return;
            }
            var check = actions.check(d.ticket(), Action.WHISTLE, input, user.get().actor());
            if (check.allowed()) {
                perform(d.ticket(), Action.WHISTLE, input);
            } else {
                notices.say(check.message(messages.language().locale()), true);
            }
        });
    }

    /// How a whistle of the shown ticket would go: null when allowed (or unknown yet), else why not.
    public String dropOnWhistle(long ticketId, String departmentId) {
        TicketDetail d = current.get();
        if (d == null || d.ticket().id() != ticketId || !ready()) {
            return null;
        }
        ActionInput input = departmentId == null ? defaults(d, Action.WHISTLE) : defaults(d, Action.WHISTLE).withDepartments(List.of(departmentId));
        var check = actions.check(d.ticket(), Action.WHISTLE, input, user.get().actor());
        return check.verdict() == TicketActions.Check.Verdict.REFUSED || departmentId != null && !check.allowed()
                ? check.message(messages.language().locale()) : null;
    }

    /// One click from a board: the action with its form filled by `fill`, run at once when the
    /// rules accept it, else its form opens with it.
    public void quick(long ticketId, Action a, java.util.function.UnaryOperator<ActionInput> fill) {
        if (!ready()) {
            return;
        }
        withDetail(ticketId, d -> {
            ActionInput input = fill.apply(defaults(d, a));
            if (actions.check(d.ticket(), a, input, user.get().actor()).allowed()) {
                perform(d.ticket(), a, input);
            } else {
                start(d, a, input);
            }
        });
    }

    private void withDetail(long ticketId, Consumer<TicketDetail> then) {
        TicketDetail d = current.get();
        if (d != null && d.ticket().id() == ticketId) {
            then.accept(d);
        } else if (backend != null) {
            backend.loadTicket(ticketId, then);
        }
    }

    /// Response times of actions so far (input to outcome on screen), nanoseconds.
    public List<Long> responseNanos() {
        return List.copyOf(responseNanos);
    }

    public void say(String text, boolean failed) {
        notices.say(text, failed);
    }
}
