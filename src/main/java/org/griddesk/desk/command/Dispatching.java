package org.griddesk.desk.command;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.stage.Window;
import javafx.util.Duration;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailViewModel;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.security.Session;
import org.griddesk.ui.Messages;
import org.griddesk.ui.TaskExecutor;

/// The desk's hands: every action, from the detail pane's buttons, the queue's context menu, the
/// keyboard, a drop, the command bar or a board, becomes a [DeskCommand] and runs through one path
/// ([#perform]); the notice bar says what happened, and what can be taken back goes on the
/// [CommandHistory] behind Ctrl+Z.
public final class Dispatching {
    /// how a command that may be taken back is offered in the notice bar
    static final Duration UNDO_WINDOW = Duration.millis(CommandHistory.WINDOW.toMillis());

    /// What a command would do if dropped (or started) now.
    public enum Verdict {
        /// it runs at once
        RUN,
        /// its form opens, filled as far as it goes
        FORM,
        /// it may not run: the reason says why
        REFUSED
    }

    private final ObservableValue<DeskUser> user;
    private ObservableValue<Session> session = new SimpleObjectProperty<>();
    private final TicketDetailViewModel detail;
    private final CommandRunner runner;
    private final CommandHistory history;
    private final Notices notices;
    private final Supplier<Window> window;
    private TaskExecutor files;
    private Messages messages;
    private ActionNames names;
    private TicketActions actions;
    private Organisation organisation;
    /// response times of the actions run so far (input to outcome on screen), in nanoseconds
    private final List<Long> responseNanos = new CopyOnWriteArrayList<>();

    public Dispatching(Messages messages, ObservableValue<DeskUser> user, TicketDetailViewModel detail, CommandRunner runner,
                       Clock clock, Notices notices, Supplier<Window> window) {
        this.messages = messages;
        this.names = new ActionNames(messages);
        this.user = user;
        this.detail = detail;
        this.runner = runner;
        this.history = new CommandHistory(clock);
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

    public boolean ready() {
        return actions != null && user.getValue() != null;
    }

    public TicketActions actions() {
        return actions;
    }

    Messages messages() {
        return messages;
    }

    DeskUser user() {
        return user.getValue();
    }

    /// The signed-in session of the seated person (null when nobody is).
    Session session() {
        return session.getValue();
    }

    /// Where the seated person's session is read (the desk's model); before this, none is.
    public void useSession(ObservableValue<Session> sessions) {
        this.session = sessions;
    }

    /// Where the handled-report form reads the files attached to it (off the FX thread); without
    /// it the form takes no files.
    public void readFilesWith(TaskExecutor executor) {
        this.files = executor;
    }

    public TicketDetailViewModel detail() {
        return detail;
    }

    /// The actions the user may take on the ticket now; empty before the district is read.
    public List<Action> available(TicketDetail d) {
        return ready() ? actions.available(d.ticket(), user().actor()) : List.of();
    }

    /// The form as it opens for this ticket and action.
    public ActionInput defaults(TicketDetail d, Action a) {
        return actions.defaults(d.ticket(), a, d.intake().itemHint(), d.intake().urgent());
    }

    /// The command an action makes of the ticket with its form as `input`.
    public DeskCommand command(TicketDetail d, Action a, ActionInput input) {
        return actions.command(d.ticket(), a, input);
    }

    /// What the rules say of the command for the user at the desk.
    public TicketActions.Check check(DeskCommand command) {
        return actions.check(command, user().actor());
    }

    /// Starts an action with its form's defaults: runs it at once when they already pass the rules
    /// and it needs no words or choice from the user (accept-and-dispatch to the suggested team,
    /// withdraw, sign, check in), else opens its form.
    public void start(TicketDetail d, Action a) {
        start(d, a, defaults(d, a));
    }

    public void start(TicketDetail d, Action a, ActionInput input) {
        if (!ready()) {
            return;
        }
        boolean wordless = !a.hasText() && a.input() != Action.Input.DEPARTMENTS && a.input() != Action.Input.MASTER
                && a.input() != Action.Input.ITEM;
        DeskCommand command = command(d, a, input);
        if (wordless && check(command).allowed()) {
            perform(command);
        } else {
            form(d, a, input);
        }
    }

    /// Opens the action's form filled with `input`; what it confirms runs.
    public void form(TicketDetail d, Action a, ActionInput input) {
        new ActionForm(messages, actions, user().actor(), d, a, input, window.get(), files).show(this::perform);
    }

    /// Runs the command; the notice bar says how it went.
    public void perform(DeskCommand command) {
        perform(command, () -> { });
    }

    /// Runs the command, then `afterwards` once its outcome is on screen (the command bar shows the
    /// ticket only then: its detail pane is not built while the user waits for the answer).
    public void perform(DeskCommand command, Runnable afterwards) {
        if (!ready()) {
            return;
        }
        long started = System.nanoTime();
        runner.run(command, user().actor(), outcome -> {
            shown(outcome, command);
            responseNanos.add(System.nanoTime() - started);
            afterwards.run();
        });
    }

    private void shown(TicketActions.Outcome outcome, DeskCommand command) {
        Locale locale = messages.language().locale();
        Ticket t = outcome.ticket();
        if (outcome.ok()) {
            String done = messages.get("notice.done", names.of(command.action()), t.code(), messages.get("state." + t.state().name()),
                    t.assignedTeamId() == null ? "" : " → " + teamName(t.assignedTeamId()));
            Optional<DeskCommand> undo = command.undo(t);
            undo.ifPresentOrElse(u -> {
                history.done(u);
                // the offer takes back this command, whatever else was done since
                notices.sayWithOffer(done, messages.get("notice.undo"), () -> history.takeBack(u).ifPresent(this::perform),
                        UNDO_WINDOW);
            }, () -> notices.say(done, false));
        } else {
            String prefix = outcome.done().isEmpty() ? "" : messages.get("notice.partly", t.code(),
                    messages.get("state." + t.state().name())) + " ";
            notices.say(prefix + outcome.message(locale), true);
        }
        if (t != null) {
            TicketDetail shown = detail.currentProperty().get();
            if (shown != null && shown.ticket().id() == t.id()) {
                detail.read(t.id(), detail::show);
            }
        }
    }

    /// Takes back the newest command that can still be; false when there is none.
    public boolean undo() {
        Optional<DeskCommand> undo = history.takeBack();
        undo.ifPresent(this::perform);
        return undo.isPresent();
    }

    public String teamName(String id) {
        return organisation == null ? id : organisation.unit(id).map(Unit::name).orElse(id);
    }

    /// "受理并派至 咸水沽镇城管中队" for the primary dispatch; the action's name otherwise.
    public String label(TicketDetail d, Action a) {
        if (a == Action.ACCEPT_AND_DISPATCH || a == Action.DISPATCH) {
            String team = defaults(d, a).teamId();
            if (!team.isEmpty()) {
                return messages.get(a == Action.DISPATCH ? "action.dispatchTo" : "action.acceptDispatchTo", teamName(team));
            }
        }
        return names.of(a);
    }

    /// The n-th action of the shown ticket (0 = primary), from the keyboard.
    public boolean startNth(int n) {
        TicketDetail d = detail.currentProperty().get();
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

    // ---- drops: a target answers the command a drop there would run; DRAG_OVER shows its
    // verdict, DROP runs that same command

    /// The command a drop on a team runs: dispatch (accepting first a ticket still waiting).
    public DeskCommand onTeam(TicketDetail d, String teamId) {
        Action a = ActionInput.needsAccepting(d.ticket()) ? Action.ACCEPT_AND_DISPATCH : Action.DISPATCH;
        return command(d, a, defaults(d, a).withTeam(teamId));
    }

    /// The command a drop on a grid of the map runs: dispatch to the catalogue's team of the centre
    /// that owns the ticket, if the grid lies in that centre's area (any grid, for the district
    /// centre); empty when the grid is not the centre's.
    public Optional<DeskCommand> onGrid(TicketDetail d, String areaCode) {
        String owner = d.ticket().ownerUnitId();
        boolean district = organisation != null && organisation.unit(owner).map(u -> u.level() == UnitLevel.DISTRICT).orElse(false);
        if (!district && !owner.equals(areaCode)) {
            return Optional.empty();
        }
        return actions.responsibility().suggestedTeam(owner, defaults(d, Action.DISPATCH).itemCode())
                .map(team -> onTeam(d, team.id()));
    }

    /// The command a drop of a ticket nobody could place on a grid of the map runs: placing it
    /// there (定位); empty for a ticket already placed (a drop dispatches it: [#onGrid]).
    public Optional<DeskCommand> placing(TicketDetail d, String gridCode) {
        if (d.ticket().intake().gridCode() != null) {
            return Optional.empty();
        }
        return Optional.of(command(d, Action.PLACE, defaults(d, Action.PLACE).withGrid(gridCode)));
    }

    /// The command a drop on a district department runs (a whistle to it); `departmentId` null is
    /// the whistle zone: the form, to choose the departments.
    public DeskCommand onWhistle(TicketDetail d, String departmentId) {
        return new DeskCommand.Whistle(d.ticket(), departmentId == null ? List.of() : List.of(departmentId));
    }

    /// What the command would do now: run, open its form (an item or the departments still to
    /// choose), or nothing, for a reason.
    public Verdict verdict(DeskCommand command) {
        TicketActions.Check check = check(command);
        if (check.allowed()) {
            return Verdict.RUN;
        }
        boolean choose = command instanceof DeskCommand.Whistle w && w.departmentIds().isEmpty()
                || "refusal.reasonRequired".equals(check.reason().key());
        return check.verdict() == TicketActions.Check.Verdict.NEEDS_INPUT && choose ? Verdict.FORM : Verdict.REFUSED;
    }

    /// The reason a drop of the command would be refused, or null when it runs or opens its form.
    public String refusal(DeskCommand command) {
        return verdict(command) == Verdict.REFUSED ? check(command).message(messages.language().locale()) : null;
    }

    /// Drops: runs the command, opens its form, or says why not.
    public void drop(TicketDetail d, DeskCommand command) {
        switch (verdict(command)) {
            case RUN -> perform(command);
            case FORM -> form(d, command.action(), draft(d, command));
            case REFUSED -> notices.say(check(command).message(messages.language().locale()), true);
        }
    }

    /// The form a command opens with: the action's defaults with what the command chose over them.
    private ActionInput draft(TicketDetail d, DeskCommand command) {
        ActionInput base = defaults(d, command.action());
        if (command instanceof DeskCommand.Whistle w && !w.departmentIds().isEmpty()) {
            return base.withDepartments(w.departmentIds());
        }
        return command.dispatchesTo().map(base::withTeam).orElse(base);
    }

    /// Runs `then` with the ticket's detail: the one shown, or read for the purpose.
    public void withDetail(long ticketId, Consumer<TicketDetail> then) {
        TicketDetail d = detail.currentProperty().get();
        if (d != null && d.ticket().id() == ticketId) {
            then.accept(d);
        } else {
            detail.read(ticketId, then);
        }
    }

    /// One click from a board: the action with its form filled by `fill`, run at once when the
    /// rules accept it, else its form opens with it.
    public void quick(long ticketId, Action a, UnaryOperator<ActionInput> fill) {
        if (!ready()) {
            return;
        }
        withDetail(ticketId, d -> {
            ActionInput input = fill.apply(defaults(d, a));
            DeskCommand command = command(d, a, input);
            if (check(command).allowed()) {
                perform(command);
            } else {
                form(d, a, input);
            }
        });
    }

    /// Response times of actions so far (input to outcome on screen), nanoseconds.
    public List<Long> responseNanos() {
        return List.copyOf(responseNanos);
    }

    public void say(String text, boolean failed) {
        notices.say(text, failed);
    }
}
