package org.griddesk.domain.ticket;

import java.time.Instant;

/// A request for more time (延期) and what the supervisor decided.
///
/// @param number          1, 2, … per ticket
/// @param citizenInformed the approval records that the citizen was told of the new date
public record ExtensionRequest(int number, String requestedBy, String requestingUnit, Instant requestedAt, int days,
                               String reason, Status status, Instant decidedAt, String decidedBy, String decisionNote,
                               boolean citizenInformed, Instant oldDueAt, Instant newDueAt) {

    public enum Status {
        PENDING,
        APPROVED,
        REJECTED
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    ExtensionRequest decided(Status decision, Instant at, String by, String note, boolean informed, Instant newDue) {
        return new ExtensionRequest(number, requestedBy, requestingUnit, requestedAt, days, reason, decision, at, by, note,
                informed, oldDueAt, newDue);
    }
}
