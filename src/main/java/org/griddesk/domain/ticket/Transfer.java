package org.griddesk.domain.ticket;

import java.time.Instant;

/// A hand-over of a ticket to another town centre (移交) while it is pending, or after the receiving
/// centre refused it (then `refusal` says why, and the ticket is back with the sender). An accepted
/// transfer leaves nothing here: the ticket's owner is the receiving centre, the trail keeps the rest.
///
/// @param fromUnitId the centre that handed it over (the owner while it is pending)
/// @param toUnitId   the centre asked to take it
/// @param refusal    the receiving centre's reason, or null while pending
public record Transfer(String fromUnitId, String toUnitId, String reason, Instant at, String refusal) {
    public boolean isPending() {
        return refusal == null;
    }

    Transfer refused(String why) {
        return new Transfer(fromUnitId, toUnitId, reason, at, why);
    }
}
