package org.griddesk.dispatch;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.AttachmentRefused;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.store.StoreUnavailableException;
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
            "refusal.whistleTeamNotDistrict", "refusal.alreadySummoned", "refusal.mergeTarget", "refusal.gridRequired",
            "refusal.unknownGrid", "refusal.gridNotOurs", "refusal.samePlace", "refusal.transferTarget", "refusal.transferSelf",
            "refusal.referenceTooLong");
    /// the working days an extension form starts with
    static final int DEFAULT_EXTENSION_DAYS = 3;

    private final TicketLifecycle lifecycle;
    private final TicketService service;
    private final TicketRepository tickets;
    private final Responsibility responsibility;
    private final Map<String, Item> items;
    private final Clock clock;
    private final ItemSuggestions suggestions;
    private final GridDirectory grids;
    private final List<Unit> towns;
    private final Organisation organisation;

    public TicketActions(TicketLifecycle lifecycle, TicketService service, TicketRepository tickets, Responsibility responsibility,
                         Taxonomy taxonomy, Clock clock) {
        this(lifecycle, service, tickets, responsibility, taxonomy, clock, GridDirectory.EMPTY, Organisation.of(List.of()));
    }

    /// As below, suggesting items by their names only (no learnt model).
    public TicketActions(TicketLifecycle lifecycle, TicketService service, TicketRepository tickets, Responsibility responsibility,
                         Taxonomy taxonomy, Clock clock, GridDirectory grids, Organisation organisation) {
        this(lifecycle, service, tickets, responsibility, taxonomy, clock, grids, organisation, org.griddesk.learn.ItemModels.none());
    }

    /// `grids`: where a ticket may be placed; `organisation`: its town and street centres are those
    /// a ticket may be handed to (移交); `models`: the learnt item model, if any, that suggests items.
    public TicketActions(TicketLifecycle lifecycle, TicketService service, TicketRepository tickets, Responsibility responsibility,
                         Taxonomy taxonomy, Clock clock, GridDirectory grids, Organisation organisation,
                         org.griddesk.learn.ItemModels models) {
        this.grids = grids;
        this.organisation = organisation;
        this.towns = organisation.units().stream().filter(u -> u.isCentre() && u.level() == UnitLevel.STREET)
                .sorted(Comparator.comparing(Unit::id)).toList();
        this.lifecycle = lifecycle;
        this.service = service;
        this.tickets = tickets;
        this.responsibility = responsibility;
        this.items = taxonomy.itemsByCode();
        this.clock = clock;
        this.suggestions = new ItemSuggestions(items, models);
    }

    /// The items a ticket's text suggests.
    public ItemSuggestions suggestions() {
        return suggestions;
    }

    public Responsibility responsibility() {
        return responsibility;
    }

    /// The name of a town centre, or the district centre's (the centre of grids in no town), or the id.
    public String centreName(String id) {
        return organisation.unit(id).map(Unit::name).orElse(String.valueOf(id));
    }

    /// The district's grids, to place tickets on.
    public GridDirectory grids() {
        return grids;
    }

    /// The town and street centres, to hand tickets to (移交), in the organisation's order.
    public List<Unit> towns() {
        return towns;
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

    /// Runs the command's lifecycle commands through the rules in memory, each on the ticket the
    /// last one left. A merge's master is not read here: its state is checked when the merge runs.
    public Check check(DeskCommand command, Actor actor) {
        Ticket t = command.ticket();
        Ticket master = command instanceof DeskCommand.Merge m && m.masterCode() != null && !m.masterCode().isBlank()
                && !m.masterCode().equals(t.code()) ? placeholderMaster(t, m.masterCode()) : null;
        try {
            for (TicketCommand lifecycleCommand : command.lifecycle(t, master)) {
                t = lifecycle.execute(t, lifecycleCommand, actor, clock.instant()).after();
            }
            return Check.ALLOWED;
        } catch (TransitionRefused e) {
            return new Check(INPUT_REFUSALS.contains(e.key()) ? Check.Verdict.NEEDS_INPUT : Check.Verdict.REFUSED, e);
        } catch (AttachmentRefused e) {
            // files a report cannot take (too many): the form says so, as for any refusal of the rules
            return new Check(Check.Verdict.REFUSED, new TransitionRefused("refusal.attachments", e.message(java.util.Locale.CHINESE),
                    e.message(java.util.Locale.ENGLISH)));
        }
    }

    /// Whether a form as filled would pass: [#check(DeskCommand, Actor)] of its command.
    public Check check(Ticket ticket, Action action, ActionInput input, Actor actor) {
        return check(command(ticket, action, input), actor);
    }

    /// The command a filled form (or a command-bar line, or a drop) makes of an action on a ticket.
    public DeskCommand command(Ticket ticket, Action action, ActionInput input) {
        var item = new DeskCommand.ItemChoice(input.itemCode(), input.policy(), input.consultation());
        return switch (action) {
            case ACCEPT_AND_DISPATCH -> new DeskCommand.AcceptAndDispatch(ticket, item, input.teamId());
            case ACCEPT -> new DeskCommand.Accept(ticket, item);
            case DISPATCH -> new DeskCommand.Dispatch(ticket, input.teamId());
            case WITHDRAW_DISPATCH -> new DeskCommand.WithdrawDispatch(ticket);
            case WHISTLE -> new DeskCommand.Whistle(ticket, input.departmentIds());
            case MERGE -> new DeskCommand.Merge(ticket, input.masterCode() == null ? null : input.masterCode().strip());
            case REQUEST_EXTENSION -> new DeskCommand.RequestExtension(ticket, input.days(), input.text());
            case APPROVE_EXTENSION -> new DeskCommand.ApproveExtension(ticket, input.citizenInformed(), input.text());
            case CALL_BACK -> new DeskCommand.CallBack(ticket, input.callback(), input.text());
            case PLACE -> new DeskCommand.Place(ticket, input.gridCode(),
                    grids.grid(input.gridCode()).map(GridDirectory.Grid::centreId).orElse(null));
            case TRANSFER -> new DeskCommand.Transfer(ticket, input.centreId(), input.text());
            case REFER_CITY -> new DeskCommand.ReferToCity(ticket, input.text(), input.reference());
            case ANSWER, REJECT, ESCALATE, REJECT_EXTENSION, VERIFY_PASS, VERIFY_FAIL, CLOSE, REOPEN, URGE, CONTACT, SIGN,
                 RETURN, CHECK_IN, ACCEPT_TRANSFER, REFUSE_TRANSFER, WITHDRAW_TRANSFER, CONFIRM_PLACE -> new DeskCommand.Worded(ticket, action, input.text());
            case REPORT_HANDLED -> new DeskCommand.ReportHandled(ticket, input.text(), input.attachments());
        };
    }

    /// The actions this user may take on the ticket now (some still need their form filled), in
    /// the order the desk lists them.
    public List<Action> available(Ticket ticket, Actor actor) {
        List<Action> out = new ArrayList<>();
        Set<Action> skip = ActionInput.needsAccepting(ticket) ? EnumSet.of(Action.DISPATCH) : EnumSet.of(Action.ACCEPT_AND_DISPATCH);
        for (Action action : Action.values()) {
            if (!skip.contains(action) && check(command(ticket, action, probe(action)), actor).verdict() != Check.Verdict.REFUSED) {
                out.add(action);
            }
        }
        if ((ticket.intake().gridCode() == null || ticket.placeReview() != null) && out.remove(Action.PLACE)) {
            out.addFirst(Action.PLACE); // a ticket nobody could place is placed before anything else
        }
        if (ticket.placeReview() != null) {
            // the new map's question first: hand over where the point now lies, or confirm
            for (Action answer : List.of(Action.TRANSFER, Action.CONFIRM_PLACE)) {
                if (out.remove(answer)) {
                    out.add(1, answer);
                }
            }
        }
        return out;
    }

    /// The form as it first shows: the ticket's item (accepted, or the channel's hint, or suggested
    /// by its text when the model is sure enough: [ItemSuggestions#primary]), its deadline class (urgent when the request was), the catalogue's team and
    /// department, and so on.
    public ActionInput defaults(Ticket ticket, Action action, String itemHint, boolean urgent) {
        String itemCode = ticket.deadline() != null ? ticket.deadline().itemCode()
                : itemHint != null ? itemHint : suggestions.primary(ticket.intake().summary()).map(Item::code).orElse(null);
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
        return items.values().stream().sorted(Comparator.comparing(Item::code)).toList();
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
                case StoreUnavailableException u -> u.message(locale);
                default -> (locale.getLanguage().equals("zh") ? "未能保存：" : "Not saved: ") + failure.getMessage();
            };
        }
    }

    /// Runs the command on the ticket as the user last saw it. Off the FX thread. A ticket changed
    /// since is refused before anything is written, naming who changed it. Each lifecycle command
    /// is its own transaction: an accept-and-dispatch whose dispatch is refused leaves the ticket
    /// accepted, and says so.
    public Outcome run(DeskCommand command, Actor actor) {
        Ticket seen = command.ticket();
        Ticket current = tickets.get(seen.id());
        List<Transition> done = new ArrayList<>();
        try {
            if (current.version() != seen.version()) {
                throw service.staleSince(seen.id(), current.code(), seen.version());
            }
            Ticket master = command instanceof DeskCommand.Merge merge ? Optional.ofNullable(merge.masterCode())
                    .flatMap(tickets::findByCode).orElseThrow(() -> new TransitionRefused("refusal.mergeSelf")) : null;
            for (TicketCommand lifecycleCommand : command.lifecycle(current, master)) {
                Transition t = service.execute(current, lifecycleCommand, actor);
                done.add(t);
                current = t.after();
            }
            return new Outcome(current, done, null);
        } catch (TransitionRefused | StaleTicketException e) {
            return new Outcome(done.isEmpty() ? tickets.get(seen.id()) : current, done, e);
        }
    }

    /// A form's first probe: empty, but for the working days (so that "too late" speaks first).
    private static ActionInput probe(Action action) {
        return action == Action.REQUEST_EXTENSION ? ActionInput.EMPTY.withDays(1) : ActionInput.EMPTY;
    }

    /// A stand-in for the master while typing: open, another ticket. Its real state is checked when
    /// the merge runs.
    private static Ticket placeholderMaster(Ticket ticket, String code) {
        return new Ticket(-1, code, ticket.intake(), TicketState.ACCEPTED, ticket.ownerUnitId(),
                ticket.acceptingUnitId(), List.of(), null, ticket.deadline(), ticket.milestones(), ticket.tally(), List.of(),
                List.of(), List.of(), null, null, null, 1, 1);
    }
}
