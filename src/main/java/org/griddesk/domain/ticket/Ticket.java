package org.griddesk.domain.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/// A citizen request or field event on its way round the closed loop (工单).
///
/// Immutable: every change is a [TicketEvent] applied by [TicketEvolution], and the current
/// ticket can always be rebuilt from its events.
///
/// @param ownerUnitId     the centre responsible now (exactly one, always)
/// @param acceptingUnitId the centre that accepted it first (首问首办), null until accepted
/// @param watchingUnitIds lower centres that handed it up and keep sight of it
/// @param assignedTeamId  the team it is dispatched to, or null
/// @param deadline        null until accepted
/// @param masterId        the master ticket when merged, else null
/// @param transfer        a hand-over to another centre pending, or refused (with its reason); null when none
/// @param placeReview     the new map's question about its place (复核定位), or null when none waits
/// @param round           1, then one more for each reopen
/// @param version         optimistic-lock version: the number of events applied
public record Ticket(long id, String code, Intake intake, TicketState state, String ownerUnitId, String acceptingUnitId,
                     List<String> watchingUnitIds, String assignedTeamId, Deadline deadline, Milestones milestones,
                     Tally tally, List<Whistle> whistles, List<ExtensionRequest> extensions,
                     List<CallbackRecord> callbacks, Long masterId, Transfer transfer, PlaceReview placeReview, int round,
                     long version) {

    public Ticket {
        if (ownerUnitId == null || ownerUnitId.isBlank()) {
            throw new IllegalArgumentException("a ticket always has an owning centre");
        }
        watchingUnitIds = List.copyOf(watchingUnitIds);
        whistles = List.copyOf(whistles);
        extensions = List.copyOf(extensions);
        callbacks = List.copyOf(callbacks);
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return extensions.stream().filter(ExtensionRequest::isPending).findFirst();
    }

    public Optional<CallbackRecord> lastCallback() {
        return callbacks.isEmpty() ? Optional.empty() : Optional.of(callbacks.getLast());
    }

    /// The hand-over waiting for the receiving centre, if any.
    public Optional<Transfer> pendingTransfer() {
        return transfer != null && transfer.isPending() ? Optional.of(transfer) : Optional.empty();
    }

    public List<Whistle> openWhistles() {
        return whistles.stream().filter(Whistle::isOpen).toList();
    }

    Builder edit() {
        return new Builder(this);
    }

    /// A mutable copy, used only while applying one event.
    static final class Builder {
        long id;
        String code;
        Intake intake;
        TicketState state;
        String ownerUnitId;
        String acceptingUnitId;
        List<String> watchingUnitIds;
        String assignedTeamId;
        Deadline deadline;
        Milestones milestones;
        Tally tally;
        List<Whistle> whistles;
        List<ExtensionRequest> extensions;
        List<CallbackRecord> callbacks;
        Long masterId;
        Transfer transfer;
        PlaceReview placeReview;
        int round;
        long version;

        Builder(Ticket t) {
            id = t.id;
            code = t.code;
            intake = t.intake;
            state = t.state;
            ownerUnitId = t.ownerUnitId;
            acceptingUnitId = t.acceptingUnitId;
            watchingUnitIds = new ArrayList<>(t.watchingUnitIds);
            assignedTeamId = t.assignedTeamId;
            deadline = t.deadline;
            milestones = t.milestones;
            tally = t.tally;
            whistles = new ArrayList<>(t.whistles);
            extensions = new ArrayList<>(t.extensions);
            callbacks = new ArrayList<>(t.callbacks);
            masterId = t.masterId;
            transfer = t.transfer;
            placeReview = t.placeReview;
            round = t.round;
            version = t.version;
        }

        Ticket build() {
            return new Ticket(id, code, intake, state, ownerUnitId, acceptingUnitId, watchingUnitIds, assignedTeamId,
                    deadline, milestones, tally, whistles, extensions, callbacks, masterId, transfer, placeReview, round, version);
        }
    }
}
