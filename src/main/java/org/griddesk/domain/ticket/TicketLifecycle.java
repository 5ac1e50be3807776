package org.griddesk.domain.ticket;

import static org.griddesk.domain.ticket.TicketState.ACCEPTED;
import static org.griddesk.domain.ticket.TicketState.ANSWERED;
import static org.griddesk.domain.ticket.TicketState.CALLBACK;
import static org.griddesk.domain.ticket.TicketState.CLOSED;
import static org.griddesk.domain.ticket.TicketState.DISPATCHED;
import static org.griddesk.domain.ticket.TicketState.ESCALATED;
import static org.griddesk.domain.ticket.TicketState.HANDLED;
import static org.griddesk.domain.ticket.TicketState.IN_PROGRESS;
import static org.griddesk.domain.ticket.TicketState.REPORTED;
import static org.griddesk.domain.ticket.TicketState.RETURNED;
import static org.griddesk.domain.ticket.TicketState.VERIFIED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.TicketCommand.Accept;
import org.griddesk.domain.ticket.TicketCommand.Answer;
import org.griddesk.domain.ticket.TicketCommand.ApproveExtension;
import org.griddesk.domain.ticket.TicketCommand.CallBack;
import org.griddesk.domain.ticket.TicketCommand.CheckIn;
import org.griddesk.domain.ticket.TicketCommand.Close;
import org.griddesk.domain.ticket.TicketCommand.ContactCitizen;
import org.griddesk.domain.ticket.TicketCommand.Dispatch;
import org.griddesk.domain.ticket.TicketCommand.Escalate;
import org.griddesk.domain.ticket.TicketCommand.Merge;
import org.griddesk.domain.ticket.TicketCommand.RejectExtension;
import org.griddesk.domain.ticket.TicketCommand.RejectInvalid;
import org.griddesk.domain.ticket.TicketCommand.Reopen;
import org.griddesk.domain.ticket.TicketCommand.ReportHandled;
import org.griddesk.domain.ticket.TicketCommand.RequestExtension;
import org.griddesk.domain.ticket.TicketCommand.Return;
import org.griddesk.domain.ticket.TicketCommand.Sign;
import org.griddesk.domain.ticket.TicketCommand.Urge;
import org.griddesk.domain.ticket.TicketCommand.VerifyFail;
import org.griddesk.domain.ticket.TicketCommand.VerifyPass;

/// The rules of the closed loop (DOMAIN.md §5): who may do what, in which state, and what follows.
///
/// [#decide] checks a command against the ticket, the actor's role and unit, and the clock, and
/// either refuses it with a reason ([TransitionRefused]) or returns the event; [#execute] also
/// applies it. Nothing here reads or writes a database.
public final class TicketLifecycle {

    /// what may still be done to a ticket handed to another centre until that centre answers: the
    /// answer itself, and what never moves a ticket (urging, contacting the citizen, records about it)
    private static final Set<Class<? extends TicketCommand>> WHILE_TRANSFER_PENDING = Set.of(TicketCommand.AcceptTransfer.class,
            TicketCommand.RefuseTransfer.class, TicketCommand.WithdrawTransfer.class, Urge.class, ContactCitizen.class, TicketCommand.RecordConsultation.class,
            TicketCommand.FoldAlarm.class, TicketCommand.Regrid.class, TicketCommand.AskPlaceReview.class);
    /// longest reference number of the city platform
    static final int MAX_REFERENCE = 50;

    private final WorkCalendar calendar;
    private final Organisation organisation;
    private final LifecycleRules rules;

    public TicketLifecycle(WorkCalendar calendar, Organisation organisation, LifecycleRules rules) {
        this.calendar = calendar;
        this.organisation = organisation;
        this.rules = rules;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    /// A new request arrives in the queue of `receivingCentreId` (version 1, state REPORTED).
    public Transition report(long id, String code, Intake intake, String receivingCentreId, Actor actor, Instant now) {
        requireRole(actor, Permission.TICKET_REPORT, "action.report");
        Unit centre = organisation.unit(receivingCentreId).filter(Unit::isCentre)
                .orElseThrow(() -> new TransitionRefused("refusal.unknownCentre", receivingCentreId));
        requireText(intake.summary(), "action.report");
        TicketEvent.Reported reported = new TicketEvent.Reported(intake, centre.id());
        return new Transition(null, TicketEvolution.start(id, code, reported), reported, actor, now);
    }

    /// Decides and applies a command.
    public Transition execute(Ticket ticket, TicketCommand command, Actor actor, Instant now) {
        TicketEvent event = decide(ticket, command, actor, now);
        Ticket after = TicketEvolution.apply(ticket, event, actor.id(), actor.unit().id(), now);
        return new Transition(ticket, after, event, actor, now);
    }

    /// The event a command leads to, or a refusal with its reason.
    public TicketEvent decide(Ticket t, TicketCommand command, Actor actor, Instant now) {
        String action = command.action();
        if (t.state() == TicketState.MERGED || t.state() == TicketState.REJECTED) {
            throw refusedInState(t, action);
        }
        if (t.pendingTransfer().isPresent() && !WHILE_TRANSFER_PENDING.contains(command.getClass())) {
            throw new TransitionRefused("refusal.transferPending", unitName(t.pendingTransfer().get().toUnitId()), action);
        }
        return switch (command) {
            case Accept c -> {
                requireState(t, action, REPORTED, ESCALATED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_ACCEPT);
                requireText(c.itemCode(), action);
                if (c.policy() == null) {
                    throw new TransitionRefused("refusal.deadlineRequired");
                }
                Instant due = t.deadline() != null ? t.deadline().dueAt() : calendar.dueAt(now, c.policy().workingDays());
                yield new TicketEvent.Accepted(c.itemCode().strip(), c.policy(), c.consultation(), due);
            }
            case RejectInvalid c -> {
                requireState(t, action, REPORTED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_REJECT);
                yield new TicketEvent.RejectedInvalid(requireText(c.reason(), action));
            }
            case Answer c -> {
                requireState(t, action, ACCEPTED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_ANSWER);
                if (!t.deadline().consultation()) {
                    throw new TransitionRefused("refusal.notConsultation", t.deadline().itemCode());
                }
                yield new TicketEvent.Answered(requireText(c.answer(), action));
            }
            case Dispatch c -> {
                requireState(t, action, ACCEPTED, RETURNED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_DISPATCH);
                Unit team = team(c.teamId());
                Unit owner = owner(t);
                if (!owner.id().equals(team.parentId())) {
                    throw new TransitionRefused("refusal.teamNotOfCentre", team.name(), owner.name());
                }
                yield new TicketEvent.Dispatched(team.id());
            }
            case TicketCommand.WithdrawDispatch c -> {
                requireState(t, action, DISPATCHED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_WITHDRAW_DISPATCH);
                yield new TicketEvent.DispatchWithdrawn(t.assignedTeamId());
            }
            case Return c -> {
                requireState(t, action, DISPATCHED);
                requireAssignedTeam(t, actor, action, Permission.TICKET_RETURN);
                yield new TicketEvent.Returned(t.assignedTeamId(), requireText(c.reason(), action));
            }
            case Sign c -> {
                requireState(t, action, DISPATCHED);
                requireAssignedTeam(t, actor, action, Permission.TICKET_SIGN);
                yield new TicketEvent.Signed(t.assignedTeamId());
            }
            case TicketCommand.Whistle c -> whistle(t, c, actor, now);
            case CheckIn c -> {
                requireOpen(t, action);
                requireRole(actor, Permission.TICKET_CHECK_IN, action);
                boolean summoned = t.openWhistles().stream().anyMatch(w -> w.teamId().equals(actor.unit().id()));
                if (!summoned) {
                    throw new TransitionRefused("refusal.notSummoned", actor.unit().name());
                }
                yield new TicketEvent.CheckedIn(actor.unit().id());
            }
            case Escalate c -> {
                requireState(t, action, ACCEPTED, DISPATCHED, RETURNED, IN_PROGRESS);
                requireOwnerStaff(t, actor, action, Permission.TICKET_ESCALATE);
                String reason = requireText(c.reason(), action);
                Unit owner = owner(t);
                Unit upper = organisation.parentCentre(owner)
                        .orElseThrow(() -> new TransitionRefused("refusal.escalateTop", owner.name()));
                yield new TicketEvent.Escalated(owner.id(), upper.id(), reason);
            }
            case RequestExtension c -> requestExtension(t, c, actor, now);
            case ApproveExtension c -> {
                requireOpen(t, action);
                requireOwnerStaff(t, actor, action, Permission.TICKET_DECIDE_EXTENSION);
                ExtensionRequest pending = t.pendingExtension()
                        .orElseThrow(() -> new TransitionRefused("refusal.noPendingExtension"));
                if (!c.citizenInformed()) {
                    throw new TransitionRefused("refusal.citizenNotInformed");
                }
                Instant newDue = calendar.extend(t.deadline().dueAt(), pending.days());
                yield new TicketEvent.ExtensionApproved(pending.number(), newDue, true, optionalText(c.note(), action));
            }
            case RejectExtension c -> {
                requireOpen(t, action);
                requireOwnerStaff(t, actor, action, Permission.TICKET_DECIDE_EXTENSION);
                ExtensionRequest pending = t.pendingExtension()
                        .orElseThrow(() -> new TransitionRefused("refusal.noPendingExtension"));
                yield new TicketEvent.ExtensionRejected(pending.number(), requireText(c.reason(), action));
            }
            case ReportHandled c -> {
                requireState(t, action, IN_PROGRESS);
                requireAssignedTeam(t, actor, action, Permission.TICKET_REPORT_HANDLED);
                yield new TicketEvent.Handled(requireText(c.result(), action), c.allEvidence());
            }
            case VerifyPass c -> {
                requireState(t, action, HANDLED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_VERIFY);
                yield new TicketEvent.VerificationPassed(optionalText(c.note(), action));
            }
            case VerifyFail c -> {
                requireState(t, action, HANDLED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_VERIFY);
                yield new TicketEvent.VerificationFailed(requireText(c.reason(), action));
            }
            case TicketCommand.SiteCheck c -> siteCheck(t, c, actor);
            case CallBack c -> {
                requireState(t, action, VERIFIED, ANSWERED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_CALL_BACK);
                if (c.result() == null) {
                    throw new TransitionRefused("refusal.callbackResult");
                }
                yield new TicketEvent.CalledBack(c.result(), optionalText(c.notes(), action));
            }
            case Reopen c -> reopen(t, c, actor);
            case Close c -> {
                requireState(t, action, CALLBACK);
                boolean dissatisfied = t.lastCallback().map(cb -> cb.result() == CallbackResult.DISSATISFIED).orElse(false);
                if (dissatisfied) {
                    requireOwnerStaff(t, actor, action, Permission.TICKET_CLOSE_DISSATISFIED);
                    yield new TicketEvent.Closed(requireText(c.note(), action));
                }
                requireOwnerStaff(t, actor, action, Permission.TICKET_CLOSE);
                yield new TicketEvent.Closed(optionalText(c.note(), action));
            }
            case Merge c -> {
                requireState(t, action, REPORTED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_MERGE);
                Ticket master = c.master();
                if (master == null || master.id() == t.id()) {
                    throw new TransitionRefused("refusal.mergeSelf");
                }
                if (master.state().isTerminal()) {
                    throw new TransitionRefused("refusal.mergeTarget", master.code(), "state." + master.state().name());
                }
                yield new TicketEvent.Merged(master.id(), master.code());
            }
            case Urge c -> {
                requireOpen(t, action);
                requireRole(actor, Permission.TICKET_URGE, action);
                if (!organisation.isSameOrAbove(actor.unit(), owner(t))) {
                    throw new TransitionRefused("refusal.notAbove", actor.unit().name(), owner(t).name());
                }
                yield new TicketEvent.Urged(requireText(c.note(), action));
            }
            case ContactCitizen c -> {
                requireOpen(t, action);
                requireTeamOrOwner(t, actor, action, Permission.TICKET_CONTACT_CITIZEN);
                yield new TicketEvent.CitizenContacted(optionalText(c.note(), action));
            }
            case TicketCommand.RecordConsultation c -> consulted(t, c, actor);
            case TicketCommand.FoldAlarm c -> {
                requireOpen(t, action);
                requireRole(actor, Permission.TICKET_FOLD_ALARM, action);
                if (t.intake().channel() != Channel.VIDEO) {
                    throw new TransitionRefused("refusal.notAlarmTicket", t.code());
                }
                VideoAlarm alarm = c.alarm();
                yield new TicketEvent.AlarmRepeated(alarm.alarmId(), alarm.cameraCode(), alarm.alarmType(), alarm.confidence(),
                        alarm.alarmAt());
            }
            case TicketCommand.PlaceOnGrid c -> place(t, c, actor);
            case TicketCommand.Regrid c -> regrid(t, c, actor);
            case TicketCommand.AskPlaceReview c -> {
                requireOpen(t, action);
                requireRole(actor, Permission.ORGANISATION_MANAGE, action);
                if (c.reason() == null) {
                    throw new TransitionRefused("refusal.textRequired", action);
                }
                yield new TicketEvent.PlaceReviewAsked(c.reason(), t.intake().gridCode(), c.suggestedGridCode());
            }
            case TicketCommand.ConfirmPlace c -> {
                requireOpen(t, action);
                if (t.placeReview() == null) {
                    throw new TransitionRefused("refusal.noPlaceReview", t.code());
                }
                if (t.placeReview().reason() != PlaceReview.Reason.OTHER_TOWN) {
                    // its grid is gone: there is nothing to keep, only a new grid to place it on
                    throw new TransitionRefused("refusal.gridRetired", t.intake().gridCode());
                }
                requireOwnerStaff(t, actor, action, Permission.TICKET_PLACE);
                if (t.intake().gridCode() == null) {
                    throw new TransitionRefused("refusal.gridRequired");
                }
                yield new TicketEvent.PlaceConfirmed(t.intake().gridCode(), optionalText(c.note(), action));
            }
            case TicketCommand.Transfer c -> {
                requireState(t, action, REPORTED, ACCEPTED, RETURNED);
                requireOwnerStaff(t, actor, action, Permission.TICKET_TRANSFER);
                Unit to = organisation.unit(c.toCentreId()).filter(Unit::isCentre).filter(u -> u.level() == UnitLevel.STREET)
                        .orElseThrow(() -> new TransitionRefused("refusal.transferTarget"));
                if (to.id().equals(t.ownerUnitId())) {
                    throw new TransitionRefused("refusal.transferSelf", to.name());
                }
                yield new TicketEvent.TransferRequested(t.ownerUnitId(), to.id(), requireText(c.reason(), action));
            }
            case TicketCommand.AcceptTransfer c -> {
                Transfer pending = requireTransferTo(t, actor, action);
                yield new TicketEvent.TransferAccepted(pending.fromUnitId(), pending.toUnitId(), optionalText(c.note(), action));
            }
            case TicketCommand.RefuseTransfer c -> {
                Transfer pending = requireTransferTo(t, actor, action);
                yield new TicketEvent.TransferRefused(pending.fromUnitId(), pending.toUnitId(), requireText(c.reason(), action));
            }
            case TicketCommand.WithdrawTransfer c -> {
                Transfer pending = t.pendingTransfer().orElseThrow(() -> new TransitionRefused("refusal.noPendingTransfer"));
                requireOwnerStaff(t, actor, action, Permission.TICKET_TRANSFER);
                yield new TicketEvent.TransferWithdrawn(pending.fromUnitId(), pending.toUnitId(), requireText(c.reason(), action));
            }
            case TicketCommand.ReferToCity c -> {
                requireState(t, action, ACCEPTED, DISPATCHED, RETURNED, IN_PROGRESS);
                requireOwnerStaff(t, actor, action, Permission.TICKET_REFER_CITY);
                Unit owner = owner(t);
                if (owner.level() != UnitLevel.DISTRICT) {
                    throw new TransitionRefused("refusal.referNotDistrict", owner.name());
                }
                String reference = optionalText(c.reference(), action);
                if (reference != null && reference.length() > MAX_REFERENCE) {
                    throw new TransitionRefused("refusal.referenceTooLong", MAX_REFERENCE);
                }
                yield new TicketEvent.ReferredToCity(requireText(c.reason(), action), reference);
            }
        };
    }

    /// A grid worker's check on site is the verification step only where the rules take it; the
    /// worker acts for the owning centre (the service lets only the worker of the ticket's grid check it).
    private TicketEvent siteCheck(Ticket t, TicketCommand.SiteCheck c, Actor actor) {
        String action = c.action();
        requireState(t, action, HANDLED);
        requireOwnerStaff(t, actor, action, Permission.TICKET_SITE_CHECK);
        if (!rules.siteCheckVerifies()) {
            throw new TransitionRefused("refusal.siteCheckAdvice");
        }
        return c.passed() ? new TicketEvent.VerificationPassed(optionalText(c.note(), action))
                : new TicketEvent.VerificationFailed(requireText(c.note(), action));
    }

    /// Placing (定位) is the owning centre's, on a ticket still open and not yet handled, on a grid
    /// of its own area (the district centre's area is every grid): a ticket placed in another town
    /// is handed over there (移交), not moved by placing. While the ticket waits to be accepted its
    /// owner follows the grid, as the intake routes a located request; once accepted, the accepting
    /// centre keeps it (首问首办) and placing only corrects the grid.
    private TicketEvent place(Ticket t, TicketCommand.PlaceOnGrid c, Actor actor) {
        String action = c.action();
        requireState(t, action, REPORTED, ACCEPTED, DISPATCHED, RETURNED, IN_PROGRESS, ESCALATED);
        requireOwnerStaff(t, actor, action, Permission.TICKET_PLACE);
        if (c.gridCode() == null || c.gridCode().isBlank()) {
            throw new TransitionRefused("refusal.gridRequired");
        }
        Unit gridCentre = organisation.unit(c.gridCentreId()).filter(Unit::isCentre)
                .orElseThrow(() -> new TransitionRefused("refusal.unknownGrid", c.gridCode()));
        Unit owner = owner(t);
        if (!organisation.isSameOrAbove(owner, gridCentre)) {
            throw new TransitionRefused("refusal.gridNotOurs", c.gridCode(), gridCentre.name(), owner.name());
        }
        if (c.gridCode().equals(t.intake().gridCode())) {
            throw new TransitionRefused("refusal.samePlace", c.gridCode());
        }
        String newOwner = t.state() == REPORTED ? gridCentre.id() : owner.id();
        return new TicketEvent.Placed(c.gridCode(), t.intake().gridCode(), owner.id(), newOwner);
    }

    /// Placing again after a new map is the system administrator's, on any open ticket: one waiting
    /// to be accepted goes where the intake would now route it (its grid's centre); an accepted one
    /// stays with its centre (首问首办), so a grid outside that centre's area is refused, and the
    /// import asks the centre instead ([TicketCommand.AskPlaceReview]).
    private TicketEvent regrid(Ticket t, TicketCommand.Regrid c, Actor actor) {
        String action = c.action();
        requireOpen(t, action);
        requireRole(actor, Permission.ORGANISATION_MANAGE, action);
        if (c.gridCode() == null || c.gridCode().isBlank()) {
            throw new TransitionRefused("refusal.gridRequired");
        }
        Unit gridCentre = organisation.unit(c.gridCentreId()).filter(Unit::isCentre)
                .orElseThrow(() -> new TransitionRefused("refusal.unknownGrid", c.gridCode()));
        Unit owner = owner(t);
        boolean sameGrid = c.gridCode().equals(t.intake().gridCode());
        if (sameGrid && (t.state() != REPORTED || owner.id().equals(gridCentre.id()))) {
            // the same grid again only when its community moved to another town and the ticket,
            // still waiting to be accepted, follows it there
            throw new TransitionRefused("refusal.samePlace", c.gridCode());
        }
        if (t.state() == REPORTED) {
            return new TicketEvent.Placed(c.gridCode(), t.intake().gridCode(), owner.id(), gridCentre.id());
        }
        if (!organisation.isSameOrAbove(owner, gridCentre)) {
            throw new TransitionRefused("refusal.gridNotOurs", c.gridCode(), gridCentre.name(), owner.name());
        }
        return new TicketEvent.Placed(c.gridCode(), t.intake().gridCode(), owner.id(), owner.id());
    }

    /// The pending hand-over of the ticket, when the actor is staff of the centre it is handed to.
    private Transfer requireTransferTo(Ticket t, Actor actor, String action) {
        Transfer pending = t.pendingTransfer().orElseThrow(() -> new TransitionRefused("refusal.noPendingTransfer"));
        requireRole(actor, Permission.TICKET_TRANSFER_DECIDE, action);
        if (!actor.unit().id().equals(pending.toUnitId())) {
            throw new TransitionRefused("refusal.notTransferTarget", unitName(pending.toUnitId()), action);
        }
        return pending;
    }

    private String unitName(String unitId) {
        return organisation.unit(unitId).map(Unit::name).orElse(String.valueOf(unitId));
    }

    private TicketEvent whistle(Ticket t, TicketCommand.Whistle c, Actor actor, Instant now) {
        String action = c.action();
        requireState(t, action, ACCEPTED, DISPATCHED, RETURNED, IN_PROGRESS);
        requireOwnerStaff(t, actor, action, Permission.TICKET_WHISTLE);
        Unit owner = owner(t);
        if (owner.level() != UnitLevel.STREET) {
            throw new TransitionRefused("refusal.whistleNotStreet", owner.name());
        }
        if (c.teamIds().isEmpty()) {
            throw new TransitionRefused("refusal.whistleNoTeam");
        }
        Instant due = calendar.addWorkingTime(now, rules.whistleCheckIn());
        List<Whistle> summoned = new ArrayList<>();
        for (String teamId : new LinkedHashSet<>(c.teamIds())) {
            Unit team = team(teamId);
            if (team.level() != UnitLevel.DISTRICT) {
                throw new TransitionRefused("refusal.whistleTeamNotDistrict", team.name());
            }
            if (t.openWhistles().stream().anyMatch(w -> w.teamId().equals(team.id()))) {
                throw new TransitionRefused("refusal.alreadySummoned", team.name());
            }
            summoned.add(new Whistle(team.id(), now, due, null, t.round()));
        }
        return new TicketEvent.Whistled(summoned);
    }

    private TicketEvent requestExtension(Ticket t, RequestExtension c, Actor actor, Instant now) {
        String action = c.action();
        requireState(t, action, DISPATCHED, IN_PROGRESS);
        requireTeamOrOwner(t, actor, action, Permission.TICKET_REQUEST_EXTENSION);
        if (t.pendingExtension().isPresent()) {
            throw new TransitionRefused("refusal.extensionPending");
        }
        if (c.days() < 1 || c.days() > rules.maxExtensionDays()) {
            throw new TransitionRefused("refusal.extensionDays", rules.maxExtensionDays());
        }
        Instant deadline = calendar.extensionRequestDeadline(t.deadline().dueAt());
        if (!now.isBefore(deadline)) {
            throw new TransitionRefused("refusal.extensionTooLate", WorkCalendar.localDate(deadline.minusNanos(1)).toString());
        }
        return new TicketEvent.ExtensionRequested(t.extensions().size() + 1, c.days(), requireText(c.reason(), action));
    }

    /// A consultation is the district's: a supervisor of a district-level centre (or above) records
    /// it, on any ticket it took up, open or closed (a closed hard case is still consulted on).
    private TicketEvent consulted(Ticket t, TicketCommand.RecordConsultation c, Actor actor) {
        String action = c.action();
        requireRole(actor, Permission.CONSULTATION_RECORD, action);
        if (!actor.unit().isCentre() || actor.unit().level() == UnitLevel.STREET
                || !organisation.isSameOrAbove(actor.unit(), owner(t))) {
            throw new TransitionRefused("refusal.consultNotDistrict", actor.unit().name());
        }
        if (c.heldOn() == null || c.followUpDue() == null || c.followUpDue().isBefore(c.heldOn())) {
            throw new TransitionRefused("refusal.consultDates");
        }
        Unit followUp = organisation.unit(c.followUpUnitId())
                .orElseThrow(() -> new TransitionRefused("refusal.unknownUnit", String.valueOf(c.followUpUnitId())));
        return new TicketEvent.Consulted(c.consultationId(), c.heldOn(), requireText(c.decision(), action), followUp.id(),
                c.followUpDue());
    }

    private TicketEvent reopen(Ticket t, Reopen c, Actor actor) {
        String action = c.action();
        requireState(t, action, CALLBACK, CLOSED);
        if (t.state() == CLOSED) {
            requireOwnerStaff(t, actor, action, Permission.TICKET_REOPEN_CLOSED);
        } else {
            requireOwnerStaff(t, actor, action, Permission.TICKET_REOPEN);
            boolean dissatisfied = t.lastCallback().map(cb -> cb.result() == CallbackResult.DISSATISFIED).orElse(false);
            if (!dissatisfied) {
                throw new TransitionRefused("refusal.reopenNotDissatisfied");
            }
        }
        return new TicketEvent.Reopened(requireText(c.reason(), action));
    }

    private Unit owner(Ticket t) {
        return organisation.unit(t.ownerUnitId())
                .orElseThrow(() -> new TransitionRefused("refusal.unknownCentre", t.ownerUnitId()));
    }

    private Unit team(String teamId) {
        return organisation.unit(teamId).filter(Unit::isTeam)
                .orElseThrow(() -> new TransitionRefused("refusal.unknownTeam", String.valueOf(teamId)));
    }

    private static TransitionRefused refusedInState(Ticket t, String action) {
        return new TransitionRefused("refusal.state", "state." + t.state().name(), action);
    }

    private static void requireState(Ticket t, String action, TicketState... allowed) {
        for (TicketState s : allowed) {
            if (t.state() == s) {
                return;
            }
        }
        throw refusedInState(t, action);
    }

    private static void requireOpen(Ticket t, String action) {
        if (t.state().isTerminal()) {
            throw refusedInState(t, action);
        }
    }

    private static void requireRole(Actor actor, Permission permission, String action) {
        if (!Permissions.allows(actor.role(), permission)) {
            throw new TransitionRefused("refusal.role", "role." + actor.role().name(), action);
        }
    }

    /// Staff of the owning centre allowed to (first-asked responsibility: the owner acts).
    private void requireOwnerStaff(Ticket t, Actor actor, String action, Permission permission) {
        requireRole(actor, permission, action);
        if (!actor.unit().id().equals(t.ownerUnitId())) {
            throw new TransitionRefused("refusal.notOwner", owner(t).name(), action);
        }
    }

    /// A handler of the team working the ticket, or staff of the owning centre, allowed to.
    private void requireTeamOrOwner(Ticket t, Actor actor, String action, Permission permission) {
        if (actor.unit().isTeam()) {
            requireAssignedTeam(t, actor, action, permission);
        } else {
            requireOwnerStaff(t, actor, action, permission);
        }
    }

    private void requireAssignedTeam(Ticket t, Actor actor, String action, Permission permission) {
        requireRole(actor, permission, action);
        if (!actor.unit().id().equals(t.assignedTeamId())) {
            String team = organisation.unit(t.assignedTeamId()).map(Unit::name).orElse(String.valueOf(t.assignedTeamId()));
            throw new TransitionRefused("refusal.notAssignedTeam", team, action);
        }
    }

    private String requireText(String text, String action) {
        if (text == null || text.isBlank()) {
            throw new TransitionRefused("refusal.reasonRequired", action);
        }
        return optionalText(text, action);
    }

    private String optionalText(String text, String action) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > rules.maxTextLength()) {
            throw new TransitionRefused("refusal.textTooLong", action, rules.maxTextLength());
        }
        return text.strip();
    }
}
