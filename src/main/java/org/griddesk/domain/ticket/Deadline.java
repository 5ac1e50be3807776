package org.griddesk.domain.ticket;

import java.time.Instant;

/// The item a ticket was classified as and what follows for its deadline.
///
/// @param consultation the item may be answered directly by the centre (直接答复)
/// @param originalDueAt due instant set at acceptance
/// @param dueAt         due instant now (moved only by approved extensions)
public record Deadline(String itemCode, DeadlinePolicy policy, boolean consultation, Instant originalDueAt, Instant dueAt) {
    Deadline extendedTo(Instant newDue) {
        return new Deadline(itemCode, policy, consultation, originalDueAt, newDue);
    }
}
