package org.griddesk.security;

/// How an audited attempt ended: done, refused by a rule (wrong password, no permission, bad
/// input), or failed for a fault (the store was unreachable).
public enum AuditOutcome {
    SUCCESS,
    REFUSED,
    FAILED
}
