package org.griddesk.security;

import java.time.Instant;

/// One record of the audit log before it is written: who (account id and name, or `-` before a
/// sign-in is known), from where, what, on what, the outcome and a short detail (never a password,
/// a key or a citizen's unmasked data).
///
/// @param actorId  the account's id, the name typed at a failed sign-in, or a channel's id
/// @param target   what it was done to: an account, a ticket code, a file, a setting
/// @param detail   free text: a reason, a changed value's name, a refusal's key
public record AuditEntry(Instant at, String actorId, String actorName, Workstation from, AuditAction action, String target,
                         AuditOutcome outcome, String detail) {
    public AuditEntry {
        if (at == null || actorId == null || from == null || action == null || outcome == null) {
            throw new IllegalArgumentException("an audit record needs a time, an actor, a workstation, an action and an outcome");
        }
        actorName = actorName == null ? actorId : actorName;
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }
}
