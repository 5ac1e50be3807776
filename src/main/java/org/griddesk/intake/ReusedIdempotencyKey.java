package org.griddesk.intake;

/// An Open311 client sent an `Idempotency-Key` again with other content than the first time: not a
/// repeat (whose answer would be the first ticket, and the new request lost) but a client's mistake,
/// answered 422 (docs/api.md).
public final class ReusedIdempotencyKey extends RuntimeException {
    ReusedIdempotencyKey() {
        super("the Idempotency-Key was used before for other content");
    }
}
