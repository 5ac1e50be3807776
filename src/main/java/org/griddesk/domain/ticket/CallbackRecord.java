package org.griddesk.domain.ticket;

import java.time.Instant;

/// One call back to the citizen (回访).
public record CallbackRecord(Instant at, String actorId, CallbackResult result, String notes, int round) {
}
