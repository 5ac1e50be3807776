package org.griddesk.domain.ticket;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.TicketEvent.Accepted;
import org.griddesk.domain.ticket.TicketEvent.Answered;
import org.griddesk.domain.ticket.TicketEvent.CalledBack;
import org.griddesk.domain.ticket.TicketEvent.CheckedIn;
import org.griddesk.domain.ticket.TicketEvent.CitizenContacted;
import org.griddesk.domain.ticket.TicketEvent.Closed;
import org.griddesk.domain.ticket.TicketEvent.Dispatched;
import org.griddesk.domain.ticket.TicketEvent.Escalated;
import org.griddesk.domain.ticket.TicketEvent.ExtensionApproved;
import org.griddesk.domain.ticket.TicketEvent.ExtensionRejected;
import org.griddesk.domain.ticket.TicketEvent.ExtensionRequested;
import org.griddesk.domain.ticket.TicketEvent.Handled;
import org.griddesk.domain.ticket.TicketEvent.Merged;
import org.griddesk.domain.ticket.TicketEvent.RejectedInvalid;
import org.griddesk.domain.ticket.TicketEvent.Reopened;
import org.griddesk.domain.ticket.TicketEvent.Reported;
import org.griddesk.domain.ticket.TicketEvent.Returned;
import org.griddesk.domain.ticket.TicketEvent.Signed;
import org.griddesk.domain.ticket.TicketEvent.Urged;
import org.griddesk.domain.ticket.TicketEvent.VerificationFailed;
import org.griddesk.domain.ticket.TicketEvent.VerificationPassed;
import org.griddesk.domain.ticket.TicketEvent.Whistled;

/// Applies events to tickets: the only code that makes a changed ticket. Pure and total over the
/// events [TicketLifecycle] produces, so a ticket rebuilt from its trail equals the stored one.
public final class TicketEvolution {
    private TicketEvolution() {
    }

    /// The ticket a [Reported] event creates (version 1).
    public static Ticket start(long id, String code, Reported reported) {
        return new Ticket(id, code, reported.intake(), TicketState.REPORTED, reported.receivingUnitId(), null, List.of(),
                null, null, Milestones.NONE, Tally.ZERO, List.of(), List.of(), List.of(), null, null, null, 1, 1);
    }

    /// Rebuilds a ticket from its whole trail, oldest first.
    public static Ticket replay(long id, String code, List<RecordedEvent> trail) {
        if (trail.isEmpty() || !(trail.getFirst().event() instanceof Reported reported)) {
            throw new IllegalArgumentException("a ticket's trail starts with its report");
        }
        Ticket ticket = start(id, code, reported);
        for (RecordedEvent e : trail.subList(1, trail.size())) {
            ticket = apply(ticket, e.event(), e.actorId(), e.actorUnitId(), e.at());
        }
        return ticket;
    }

    /// The ticket after one more event by `actorId` of `actorUnitId` at `at` (version + 1).
    public static Ticket apply(Ticket ticket, TicketEvent event, String actorId, String actorUnitId, Instant at) {
        Ticket.Builder b = ticket.edit();
        b.version = ticket.version() + 1;
        switch (event) {
            case Reported r -> throw new IllegalArgumentException("a ticket is reported only once");
            case Accepted a -> {
                b.state = TicketState.ACCEPTED;
                if (b.acceptingUnitId == null) {
                    b.acceptingUnitId = actorUnitId;
                }
                b.deadline = b.deadline == null
                        ? new Deadline(a.itemCode(), a.policy(), a.consultation(), a.dueAt(), a.dueAt())
                        : new Deadline(a.itemCode(), a.policy(), a.consultation(), b.deadline.originalDueAt(), b.deadline.dueAt());
                if (b.milestones.acceptedAt() == null) {
                    b.milestones = b.milestones.accepted(at);
                }
            }
            case RejectedInvalid r -> {
                b.state = TicketState.REJECTED;
                b.milestones = b.milestones.closed(at);
            }
            case Answered a -> {
                b.state = TicketState.ANSWERED;
                b.milestones = b.milestones.answered(at);
            }
            case Dispatched d -> {
                b.state = TicketState.DISPATCHED;
                b.assignedTeamId = d.teamId();
            }
            case Returned r -> {
                b.state = TicketState.RETURNED;
                b.assignedTeamId = null;
                b.tally = b.tally.returnToCentre();
            }
            case Signed s -> b.state = TicketState.IN_PROGRESS;
            case TicketEvent.DispatchWithdrawn w -> {
                b.state = TicketState.ACCEPTED;
                b.assignedTeamId = null;
            }
            case Whistled w -> b.whistles.addAll(w.summoned());
            case CheckedIn c -> b.whistles.replaceAll(wh -> wh.teamId().equals(c.teamId()) && wh.isOpen() ? wh.checkedIn(at) : wh);
            case Escalated e -> {
                b.state = TicketState.ESCALATED;
                if (!b.watchingUnitIds.contains(e.fromUnitId())) {
                    b.watchingUnitIds.add(e.fromUnitId());
                }
                b.ownerUnitId = e.toUnitId();
                b.assignedTeamId = null;
            }
            case ExtensionRequested r -> b.extensions.add(new ExtensionRequest(r.number(), actorId, actorUnitId, at, r.days(),
                    r.reason(), ExtensionRequest.Status.PENDING, null, null, null, false, b.deadline.dueAt(), null));
            case ExtensionApproved a -> {
                b.extensions.replaceAll(x -> x.number() == a.number()
                        ? x.decided(ExtensionRequest.Status.APPROVED, at, actorId, a.note(), a.citizenInformed(), a.newDueAt()) : x);
                b.deadline = b.deadline.extendedTo(a.newDueAt());
            }
            case ExtensionRejected r -> b.extensions.replaceAll(x -> x.number() == r.number()
                    ? x.decided(ExtensionRequest.Status.REJECTED, at, actorId, r.reason(), false, null) : x);
            case Handled h -> {
                b.state = TicketState.HANDLED;
                b.milestones = b.milestones.handled(at);
            }
            case VerificationPassed v -> {
                b.state = TicketState.VERIFIED;
                b.milestones = b.milestones.verified(at);
            }
            case VerificationFailed v -> {
                b.state = TicketState.IN_PROGRESS;
                b.milestones = b.milestones.reworked();
                b.tally = b.tally.rework();
            }
            case CalledBack c -> {
                b.state = TicketState.CALLBACK;
                b.callbacks.add(new CallbackRecord(at, actorId, c.result(), c.notes(), b.round));
                b.milestones = b.milestones.calledBack(at);
            }
            case Reopened r -> {
                b.state = b.assignedTeamId != null ? TicketState.IN_PROGRESS : TicketState.ACCEPTED;
                b.round = b.round + 1;
                b.milestones = b.milestones.reworked();
                b.tally = b.tally.reopen();
            }
            case Closed c -> {
                b.state = TicketState.CLOSED;
                b.milestones = b.milestones.closed(at);
            }
            case Merged m -> {
                b.state = TicketState.MERGED;
                b.masterId = m.masterId();
                b.milestones = b.milestones.closed(at);
            }
            case Urged u -> b.tally = b.tally.urge();
            case CitizenContacted c -> b.milestones = b.milestones.contacted(at);
            case TicketEvent.Consulted c -> {
                // only the version moves: the consultation is a record about the ticket, not a step of it
            }
            case TicketEvent.AlarmRepeated a -> {
                // only the version moves: the alarm itself is kept beside the ticket (its own row)
            }
            case TicketEvent.Placed p -> {
                Intake i = b.intake;
                b.intake = new Intake(i.channel(), i.externalId(), i.summary(), p.gridCode(), i.reportedAt(), i.caller(), i.place(),
                        i.photos());
                b.ownerUnitId = p.toUnitId();
                b.placeReview = null;
            }
            case TicketEvent.PlaceReviewAsked r -> b.placeReview = new PlaceReview(r.reason(), r.suggestedGridCode());
            case TicketEvent.PlaceConfirmed c -> b.placeReview = null;
            case TicketEvent.TransferRequested r -> b.transfer = new Transfer(r.fromUnitId(), r.toUnitId(), r.reason(), at, null);
            case TicketEvent.TransferAccepted a -> {
                b.ownerUnitId = a.toUnitId();
                b.placeReview = null; // the receiving centre places it as its own
                b.transfer = null;
            }
            case TicketEvent.TransferRefused r -> b.transfer = b.transfer == null
                    ? new Transfer(r.fromUnitId(), r.toUnitId(), null, at, r.reason()) : b.transfer.refused(r.reason());
            case TicketEvent.TransferWithdrawn w -> b.transfer = null;
            case TicketEvent.ReferredToCity r -> {
                // only the version moves: the district centre keeps the ticket, the trail keeps the referral
            }
        }
        if (b.transfer != null && !b.transfer.isPending() && b.state != ticket.state()) {
            b.transfer = null; // a refusal shows until the sender takes the ticket a step further
        }
        return b.build();
    }
}
