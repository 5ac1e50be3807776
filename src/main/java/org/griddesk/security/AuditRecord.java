package org.griddesk.security;

import java.time.Instant;

/// One record as stored in the audit log: its place in the chain (`seq`), what was recorded, the
/// hash of the record before it and its own hash ([AuditChain]).
public record AuditRecord(long seq, AuditEntry entry, String prevHash, String hash) {
    public Instant at() {
        return entry.at();
    }

    /// Who, for people reading the log: the name and, when it differs, the id.
    public String actor() {
        return entry.actorName().equals(entry.actorId()) ? entry.actorId() : entry.actorName() + " (" + entry.actorId() + ")";
    }

    /// True when the stored hash is the hash of the stored fields and prev_hash.
    public boolean hashMatches() {
        return AuditChain.hash(seq, entry, prevHash).equals(hash);
    }
}
