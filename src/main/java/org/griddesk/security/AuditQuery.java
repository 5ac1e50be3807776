package org.griddesk.security;

import java.time.Instant;

/// Which audit records to show or export; every filter may be null (no filter).
///
/// @param from    records at or after this instant
/// @param to      records before this instant
/// @param actor   the actor's id or name contains this (case-insensitive)
/// @param text    the target or the detail contains this (case-insensitive)
public record AuditQuery(Instant from, Instant to, String actor, AuditAction action, AuditOutcome outcome, String text) {
    public AuditQuery {
        actor = blankToNull(actor);
        text = blankToNull(text);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the end of the period (" + to + ") is before its start (" + from + ")");
        }
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }

    public AuditQuery between(Instant newFrom, Instant newTo) {
        return new AuditQuery(newFrom, newTo, actor, action, outcome, text);
    }

    public AuditQuery byActor(String newActor) {
        return new AuditQuery(from, to, newActor, action, outcome, text);
    }

    public AuditQuery withAction(AuditAction newAction) {
        return new AuditQuery(from, to, actor, newAction, outcome, text);
    }

    public AuditQuery withOutcome(AuditOutcome newOutcome) {
        return new AuditQuery(from, to, actor, action, newOutcome, text);
    }

    public AuditQuery containing(String newText) {
        return new AuditQuery(from, to, actor, action, outcome, newText);
    }

    /// The filters in a line, for the record that this query was made (AUDIT_READ, AUDIT_EXPORTED).
    public String describe() {
        StringBuilder b = new StringBuilder();
        append(b, "from", from);
        append(b, "to", to);
        append(b, "actor", actor);
        append(b, "action", action);
        append(b, "outcome", outcome);
        append(b, "text", text);
        return b.isEmpty() ? "all" : b.toString();
    }

    private static void append(StringBuilder b, String name, Object value) {
        if (value != null) {
            b.append(b.isEmpty() ? "" : " ").append(name).append('=').append(value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
