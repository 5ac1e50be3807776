package org.griddesk.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// The desk's lifecycle actions: which a user may take on a ticket now, whether a form as filled
/// would pass the rules (asked as the user types: pure, no database), and running it (off the FX
/// thread) through the same [TicketService] as the gateway and every other desk.
public final class TicketActions {
    /// Refusals that mean "fill in the form", not "not allowed here".
    private static final Set<String> INPUT_REFUSALS = Set.of("refusal.reasonRequired", "refusal.mergeSelf",
            "refusal.unknownTeam", "refusal.deadlineRequired", "refusal.citizenNotInformed", "refusal.callbackResult",
            "refusal.whistleNoTeam", "refusal.textTooLong", "refusal.extensionDays", "refusal.teamNotOfCentre",
            "refusal.whistleTeamNotDistrict", "refusal.alreadySummoned", "refusal.mergeTarget");
    /// the working days an extension form starts with
    static final int DEFAULT_EXTENSION_DAYS = 3;

    private final TicketLifecycle lifecycle;
    private final TicketService service;
    private final TicketRepository tickets;
    private final Responsibility responsibility;
    private final Map<String, Item> items;
    private final Clock clock;
    private final ItemGuess guess;

    public TicketActions(TicketLifecycle lifecycle, TicketService service, TicketRepository tickets, Responsibility responsibility,
                         Taxonomy taxonomy, Clock clock) {
        this.lifecycle = lifecycle;
        this.service = service;
        this.tickets = tickets;
        this.responsibility = responsibility;
        this.items = taxonomy.itemsByCode();
        this.clock = clock;
        this.guess = new ItemGuess(items());
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    /// What the rules say about a form: it may run, it needs more input (with the reason), or the
    /// action is not allowed on this ticket for this user (with the reason).
    public record Check(Verdict verdict, TransitionRefused reason) {
        public enum Verdict { ALLOWED, NEEDS_INPUT, REFUSED }

        static final Check ALLOWED = new Check(Verdict.ALLOWED, null);

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }

        /// The reason in the user's language, or "" when allowed.
        public String message(Locale locale) {
            return reason == null ? "" : reason.message(locale);
        }
    }

    /// Runs the form's commands through the rules in memory, each on the ticket the last one left.
    /// A merge's master is not read here: its state is checked when the merge runs.
    public Check check(Ticket ticket, Action action, ActionInput input, Actor actor) {
        Ticket t = ticket;
        Ticket master = action == Action.MERGE && input.masterCode() != null && !input.masterCode().isBlank()
                && !input.masterCode().equals(ticket.code()) ? placeholderMaster(ticket, input.masterCode()) : null;
        try {
            for (TicketCommand command : input.commands(action, t, master)) {
                t = lifecycle.execute(t, command, actor, clock.instant()).after();
            }
            return Check.ALLOWED;
        } catch (TransitionRefused e) {
            return new Check(INPUT_REFUSALS.contains(e.key()) ? Check.Verdict.NEEDS_INPUT : Check.Verdict.REFUSED, e);
        }
    }

    /// The actions this user may take on the ticket now (some still need their form filled), in
    /// the order the desk lists them.
    public List<Action> available(Ticket ticket, Actor actor) {
        List<Action> out = new ArrayList<>();
        Set<Action> skip = ActionInput.needsAccepting(ticket) ? EnumSet.of(Action.DISPATCH) : EnumSet.of(Action.ACCEPT_AND_DISPATCH);
        for (Action action : Action.values()) {
            if (!skip.contains(action) && check(ticket, action, probe(action), actor).verdict() != Check.Verdict.REFUSED) {
                out.add(action);
            }
        }
        return out;
    }

    /// The form as it first shows: the ticket's item (accepted, or the channel's hint, or guessed
    /// from its text), its deadline class (urgent when the request was), the catalogue's team and
    /// department, and so on.
    public ActionInput defaults(Ticket ticket, Action action, String itemHint, boolean urgent) {
        String itemCode = ticket.deadline() != null ? ticket.deadline().itemCode()
                : itemHint != null ? itemHint : guess.guess(ticket.intake().summary()).map(Item::code).orElse(null);
        ActionInput in = ActionInput.EMPTY;
        Item item = itemCode == null ? null : items.get(itemCode);
        if (item != null) {
            in = in.withItem(item.code(), policy(item, urgent), item.consultation());
        }
        in = in.withTeam(responsibility.suggestedTeam(ticket.ownerUnitId(), itemCode).map(u -> u.id()).orElse(""));
        in = in.withDepartments(responsibility.departmentsFor(itemCode).stream()
                .filter(s -> s.why() == Responsibility.Why.DEPARTMENT).map(s -> s.team().id()).toList());
        if (action == Action.REQUEST_EXTENSION) {
            in = in.withDays(DEFAULT_EXTENSION_DAYS);
        }
        return in;
    }

    /// The deadline an item is accepted with: urgent for an urgent request unless a statute or the
    /// catalogue says sooner.
    public static DeadlinePolicy policy(Item item, boolean urgent) {
        DeadlinePolicy own = item.deadline();
        return urgent && own.workingDays() > DeadlinePolicy.urgent().workingDays() ? DeadlinePolicy.urgent() : own;
    }

    /// Every item of the taxonomy, in code order (the accept form's list).
    public List<Item> items() {
        return items.values().stream().sorted(java.util.Comparator.comparing(Item::code)).toList();
    }

    public Item item(String code) {
        return code == null ? null : items.get(code);
    }

    /// The result of running an action: the ticket as it is now, what was done, and why the rest
    /// was not (null when all of it was done).
    public record Outcome(Ticket ticket, List<Transition> done, RuntimeException failure) {
        public boolean ok() {
            return failure == null;
        }

        /// Why it failed, in words, in the user's language.
        public String message(Locale locale) {
            return switch (failure) {
                case null -> "";
                case TransitionRefused r -> r.message(locale);
                case StaleTicketException s -> s.message(locale);
                case org.griddesk.store.StoreUnavailableException u -> u.message(locale);
                default -> (locale.getLanguage().equals("zh") ? "未能保存：" : "Not saved: ") + failure.getMessage();
            };
        }
    }

    /// Runs the action on the ticket as the user last saw it (`version`). Off the FX thread.
    /// Each command is its own transaction: an accept-and-dispatch whose dispatch is refused leaves
    /// the ticket accepted, and says so.
    public Outcome run(long ticketId, long version, Action action, ActionInput input, Actor actor) {
        Ticket current = tickets.get(ticketId);
        List<Transition> done = new ArrayList<>();
        try {
            if (current.version() != version) {
                // someone else acted since the user looked: let the service name them, change nothing
                service.execute(ticketId, version, input.commands(action, current, null).getFirst(), actor);
            }
            Ticket master = action == Action.MERGE ? tickets.findByCode(input.masterCode().strip())
                    .orElseThrow(() -> new TransitionRefused("refusal.mergeSelf")) : null;
            for (TicketCommand command : input.commands(action, current, master)) {
                Transition t = service.execute(current, command, actor);
                done.add(t);
                current = t.after();
            }
            return new Outcome(current, done, null);
        } catch (TransitionRefused | StaleTicketException e) {
            return new Outcome(done.isEmpty() ? tickets.get(ticketId) : current, done, e);
        }
    }

    /// A form's first probe: empty, but for the working days (so that "too late" speaks first).
    private static ActionInput probe(Action action) {
        return action == Action.REQUEST_EXTENSION ? ActionInput.EMPTY.withDays(1) : ActionInput.EMPTY;
    }

    /// A stand-in for the master while typing: open, another ticket. Its real state is checked when
    /// the merge runs.
    private static Ticket placeholderMaster(Ticket ticket, String code) {
        return new Ticket(-1, code, ticket.intake(), org.griddesk.domain.ticket.TicketState.ACCEPTED, ticket.ownerUnitId(),
                ticket.acceptingUnitId(), List.of(), null, ticket.deadline(), ticket.milestones(), ticket.tally(), List.of(),
                List.of(), List.of(), null, 1, 1);
    }
}
