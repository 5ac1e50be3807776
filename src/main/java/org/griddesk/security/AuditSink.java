package org.griddesk.security;

/// Where audit records go: the store's append-only, hash-chained log (`store.security.AuditLog`).
/// A service records every attempt it audits, successful or not; when the record cannot be written
/// the attempt does not go ahead (an unaudited administrative change is not allowed).
public interface AuditSink {
    void record(AuditEntry entry);
}
