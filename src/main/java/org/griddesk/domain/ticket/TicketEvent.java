package org.griddesk.domain.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/// What happened to a ticket. Events carry every value they decided (due dates, teams), so that
/// replaying them never needs the calendar or the organisation of today.
public sealed interface TicketEvent {

    /// The reason or note a person gave, for the trail's reason column; null when none.
    default String reasonText() {
        return null;
    }

    record Reported(Intake intake, String receivingUnitId) implements TicketEvent {
    }

    record Accepted(String itemCode, DeadlinePolicy policy, boolean consultation, Instant dueAt) implements TicketEvent {
    }

    record RejectedInvalid(String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record Answered(String answer) implements TicketEvent {
        @Override
        public String reasonText() {
            return answer;
        }
    }

    record Dispatched(String teamId) implements TicketEvent {
    }

    record Returned(String teamId, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record Signed(String teamId) implements TicketEvent {
    }

    /// The centre took back a dispatch the team had not signed for yet (the desk's undo).
    record DispatchWithdrawn(String teamId) implements TicketEvent {
    }

    record Whistled(List<Whistle> summoned) implements TicketEvent {
        public Whistled {
            summoned = List.copyOf(summoned);
        }
    }

    record CheckedIn(String teamId) implements TicketEvent {
    }

    record Escalated(String fromUnitId, String toUnitId, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record ExtensionRequested(int number, int days, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record ExtensionApproved(int number, Instant newDueAt, boolean citizenInformed, String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    record ExtensionRejected(int number, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record Handled(String result, List<String> evidence) implements TicketEvent {
        public Handled {
            evidence = List.copyOf(evidence);
        }

        @Override
        public String reasonText() {
            return result;
        }
    }

    record VerificationPassed(String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    record VerificationFailed(String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record CalledBack(CallbackResult result, String notes) implements TicketEvent {
        @Override
        public String reasonText() {
            return notes;
        }
    }

    record Reopened(String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    record Closed(String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    record Merged(long masterId, String masterCode) implements TicketEvent {
    }

    record Urged(String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    record CitizenContacted(String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    /// The same camera raised the same alarm again while the ticket its first alarm made is open:
    /// kept with that ticket instead of making another. An event of its own so that the ticket's
    /// version moves on and every desk hears of the repeat through the trail at once. The snapshot
    /// stays in the alarm's own row: a trail entry holds what was decided, not pictures.
    record AlarmRepeated(String alarmId, String cameraCode, String alarmType, double confidence, Instant alarmAt)
            implements TicketEvent {
    }

    /// The district's consultation on hard cases (会商研判) took up this ticket: what it decided and
    /// who follows up by when. Changes no state (only the version moves); the meeting's whole record
    /// (participants, findings) is the `consultation` row the id names.
    ///
    /// @param followUpUnitId the unit that follows the decision up
    /// @param followUpDue    the day (Asia/Shanghai) it must be followed up by
    record Consulted(long consultationId, LocalDate heldOn, String decision, String followUpUnitId, LocalDate followUpDue)
            implements TicketEvent {
        @Override
        public String reasonText() {
            return decision;
        }
    }
    /// A person placed the ticket on a grid (定位), or corrected its grid. Ownership follows the grid
    /// only while the ticket waits to be accepted (as the intake would have routed it); `fromUnitId`
    /// and `toUnitId` are then the old and new owner, else both the owner.
    ///
    /// @param previousGridCode the grid before, or null when it was not placed
    record Placed(String gridCode, String previousGridCode, String fromUnitId, String toUnitId) implements TicketEvent {
    }

    /// A new version of the district's map could not place the ticket again by itself (复核定位):
    /// its owning centre is asked to decide. Only the version moves, and the ticket carries the question.
    ///
    /// @param previousGridCode the grid it was on (kept: it may be retired)
    /// @param suggestedGridCode the grid its point lies in on the new map, or null
    record PlaceReviewAsked(PlaceReview.Reason reason, String previousGridCode, String suggestedGridCode) implements TicketEvent {
    }

    /// A person of the owning centre confirmed the ticket's grid after the map changed (确认定位).
    record PlaceConfirmed(String gridCode, String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    /// Handed to another town centre (移交), pending its answer.
    record TransferRequested(String fromUnitId, String toUnitId, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    /// The receiving centre took the ticket: it owns it now (its queue; deadlines unchanged).
    record TransferAccepted(String fromUnitId, String toUnitId, String note) implements TicketEvent {
        @Override
        public String reasonText() {
            return note;
        }
    }

    /// The receiving centre refused the ticket: it stays with the sender, with the reason.
    record TransferRefused(String fromUnitId, String toUnitId, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    /// The sending centre took back its hand-over before an answer: nothing changed hands.
    record TransferWithdrawn(String fromUnitId, String toUnitId, String reason) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }

    /// Referred to the city platform (报请市级): a recorded step; the district centre keeps the ticket.
    ///
    /// @param reference the city platform's number for it, or null when none was given
    record ReferredToCity(String reason, String reference) implements TicketEvent {
        @Override
        public String reasonText() {
            return reason;
        }
    }
}
