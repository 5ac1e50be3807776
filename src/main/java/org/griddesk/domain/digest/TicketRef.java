package org.griddesk.domain.digest;

import java.time.Instant;

/// A ticket a digest line stands on: enough to list it and open it in the desk.
public record TicketRef(long id, String code, Instant reportedAt, String summary) {
}
