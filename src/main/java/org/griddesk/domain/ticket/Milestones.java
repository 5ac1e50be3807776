package org.griddesk.domain.ticket;

import java.time.Instant;

/// When each step of the loop was first reached in the current round (null: not yet).
public record Milestones(Instant acceptedAt, Instant contactedAt, Instant answeredAt, Instant handledAt,
                         Instant verifiedAt, Instant calledBackAt, Instant closedAt) {
    static final Milestones NONE = new Milestones(null, null, null, null, null, null, null);

    Milestones accepted(Instant at) {
        return new Milestones(at, contactedAt, answeredAt, handledAt, verifiedAt, calledBackAt, closedAt);
    }

    Milestones contacted(Instant at) {
        return contactedAt != null ? this : new Milestones(acceptedAt, at, answeredAt, handledAt, verifiedAt, calledBackAt, closedAt);
    }

    Milestones answered(Instant at) {
        return new Milestones(acceptedAt, contactedAt == null ? at : contactedAt, at, handledAt, verifiedAt, calledBackAt, closedAt);
    }

    Milestones handled(Instant at) {
        return new Milestones(acceptedAt, contactedAt, answeredAt, at, verifiedAt, calledBackAt, closedAt);
    }

    Milestones verified(Instant at) {
        return new Milestones(acceptedAt, contactedAt, answeredAt, handledAt, at, calledBackAt, closedAt);
    }

    Milestones calledBack(Instant at) {
        return new Milestones(acceptedAt, contactedAt, answeredAt, handledAt, verifiedAt, at, closedAt);
    }

    Milestones closed(Instant at) {
        return new Milestones(acceptedAt, contactedAt, answeredAt, handledAt, verifiedAt, calledBackAt, at);
    }

    /// A new round after a reopen or a failed verification: the work is to be done again.
    Milestones reworked() {
        return new Milestones(acceptedAt, contactedAt, null, null, null, null, null);
    }
}
