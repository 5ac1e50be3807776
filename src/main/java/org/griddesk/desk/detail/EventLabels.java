package org.griddesk.desk.detail;

import java.util.function.UnaryOperator;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// The message key that names each kind of trail event (`event.*` in the messages bundle). One
/// explicit key per event type: renaming an event class changes no label, and a new event type does
/// not compile until it has one.
public final class EventLabels {
    private EventLabels() {
    }

    public static String key(TicketEvent event) {
        return "event." + switch (event) {
            case TicketEvent.Reported e -> "Reported";
            case TicketEvent.Accepted e -> "Accepted";
            case TicketEvent.RejectedInvalid e -> "RejectedInvalid";
            case TicketEvent.Answered e -> "Answered";
            case TicketEvent.Dispatched e -> "Dispatched";
            case TicketEvent.Returned e -> "Returned";
            case TicketEvent.Signed e -> "Signed";
            case TicketEvent.DispatchWithdrawn e -> "DispatchWithdrawn";
            case TicketEvent.Whistled e -> "Whistled";
            case TicketEvent.CheckedIn e -> "CheckedIn";
            case TicketEvent.Escalated e -> "Escalated";
            case TicketEvent.ExtensionRequested e -> "ExtensionRequested";
            case TicketEvent.ExtensionApproved e -> "ExtensionApproved";
            case TicketEvent.ExtensionRejected e -> "ExtensionRejected";
            case TicketEvent.Handled e -> "Handled";
            case TicketEvent.VerificationPassed e -> "VerificationPassed";
            case TicketEvent.VerificationFailed e -> "VerificationFailed";
            case TicketEvent.CalledBack e -> "CalledBack";
            case TicketEvent.Reopened e -> "Reopened";
            case TicketEvent.Closed e -> "Closed";
            case TicketEvent.Merged e -> "Merged";
            case TicketEvent.Urged e -> "Urged";
            case TicketEvent.CitizenContacted e -> "CitizenContacted";
            case TicketEvent.AlarmRepeated e -> "AlarmRepeated";
            case TicketEvent.Consulted e -> "Consulted";
            case TicketEvent.Placed e -> "Placed";
            case TicketEvent.PlaceReviewAsked e -> "PlaceReviewAsked";
            case TicketEvent.PlaceConfirmed e -> "PlaceConfirmed";
            case TicketEvent.TransferRequested e -> "TransferRequested";
            case TicketEvent.TransferAccepted e -> "TransferAccepted";
            case TicketEvent.TransferRefused e -> "TransferRefused";
            case TicketEvent.TransferWithdrawn e -> "TransferWithdrawn";
            case TicketEvent.ReferredToCity e -> "ReferredToCity";
        };
    }

    /// The words the trail shows under an event's label: the reason or note given, or for a
    /// consultation (会商研判) its date, decision, and which unit follows up by when; for a placing,
    /// a hand-over or a referral to the city, where it went and why.
    public static String text(TicketEvent event, Language language, UnaryOperator<String> unitName) {
        Messages transfer = Messages.of(language, TRANSFER_BUNDLE);
        return switch (event) {
            case TicketEvent.Consulted c -> Messages.of(language, "i18n/consult").get("consult.trail", c.heldOn().toString(),
                    c.decision(), unitName.apply(c.followUpUnitId()), c.followUpDue().toString());
            case TicketEvent.Placed p -> transfer.get(p.fromUnitId().equals(p.toUnitId()) ? "trail.placed" : "trail.placedMoved",
                    p.gridCode(), p.previousGridCode() == null ? transfer.get("trail.unplaced") : p.previousGridCode(),
                    unitName.apply(p.toUnitId()));
            case TicketEvent.PlaceReviewAsked r -> transfer.get("trail.placeReview." + r.reason().name(),
                    r.previousGridCode() == null ? transfer.get("trail.unplaced") : r.previousGridCode(),
                    r.suggestedGridCode() == null ? "" : r.suggestedGridCode());
            case TicketEvent.PlaceConfirmed c -> transfer.get("trail.placeConfirmed", c.gridCode(), c.note() == null ? "" : c.note());
            case TicketEvent.TransferRequested r -> transfer.get("trail.transferRequested", unitName.apply(r.fromUnitId()),
                    unitName.apply(r.toUnitId()), r.reason());
            case TicketEvent.TransferAccepted a -> transfer.get("trail.transferAccepted", unitName.apply(a.toUnitId()),
                    a.note() == null ? "" : a.note());
            case TicketEvent.TransferRefused r -> transfer.get("trail.transferRefused", unitName.apply(r.toUnitId()),
                    unitName.apply(r.fromUnitId()), r.reason());
            case TicketEvent.TransferWithdrawn w -> transfer.get("trail.transferWithdrawn", unitName.apply(w.fromUnitId()),
                    unitName.apply(w.toUnitId()), w.reason());
            case TicketEvent.ReferredToCity r -> r.reference() == null ? r.reason()
                    : transfer.get("trail.referredToCity", r.reason(), r.reference());
            default -> event.reasonText();
        };
    }

    /// the placing and hand-over strings (i18n/transfer*.properties)
    public static final String TRANSFER_BUNDLE = "i18n/transfer";
}
