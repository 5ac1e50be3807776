package org.griddesk.security;

import java.time.Instant;

/// What `verify` found: the chain intact from its anchor to its head, or the first record at which
/// it breaks and why.
///
/// @param checked how many records were checked
/// @param broken  null when intact
public record AuditChainStatus(long checked, long firstSeq, long lastSeq, Break broken) {

    /// Why a chain breaks at a record.
    public enum Problem {
        /// the record's fields do not give its stored hash: it was changed
        HASH_MISMATCH,
        /// its prev_hash is not the hash of the record before it (or of the purge's anchor)
        LINK_BROKEN,
        /// records before it are missing (seq numbers have a hole)
        GAP,
        /// the newest records are missing: the head names a record that is not there
        HEAD_MISMATCH
    }

    /// The first broken record: its seq, time and actor (null when the record is missing itself),
    /// the problem, and the seq that was expected there (for a gap: the first missing one).
    public record Break(long seq, Instant at, String actor, Problem problem, long expectedSeq) {
    }

    public static AuditChainStatus intact(long checked, long firstSeq, long lastSeq) {
        return new AuditChainStatus(checked, firstSeq, lastSeq, null);
    }

    public boolean isIntact() {
        return broken == null;
    }
}
