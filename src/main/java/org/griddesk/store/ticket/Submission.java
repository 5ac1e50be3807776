package org.griddesk.store.ticket;

import java.time.Duration;
import java.time.Instant;

/// A request sent through Open311 as a repeat of it is recognised: who sent it (the digest of the
/// channel key), its repeat key (`K` and the digest of the client's `Idempotency-Key`, or `C` and
/// the digest of its content), the digest of its content, when it came, and for how long a send
/// with the same repeat key gets the same ticket back.
public record Submission(String sender, String repeatKey, String contentDigest, Instant at, Duration window) {
    /// The earliest send a repeat within the window may find.
    public Instant since() {
        return at.minus(window);
    }
}
