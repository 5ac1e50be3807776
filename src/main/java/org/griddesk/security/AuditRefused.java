package org.griddesk.security;

import org.griddesk.domain.org.Permission;

/// A reading, export or purge of the audit log refused: the person lacks the permission, or their
/// session no longer stands (the account was locked, disabled or given other roles since they signed
/// in). The refusal is itself recorded before this is thrown.
public final class AuditRefused extends RuntimeException {
    private final Permission missing;
    private final boolean sessionEnded;

    public AuditRefused(Permission missing, String who) {
        this(missing, who + " may not do this: it needs the permission " + missing + " (audit administrator)", false);
    }

    private AuditRefused(Permission missing, String message, boolean sessionEnded) {
        super(message);
        this.missing = missing;
        this.sessionEnded = sessionEnded;
    }

    /// `who`'s session no longer stands: they must sign in again.
    public static AuditRefused sessionEnded(Permission asked, String who) {
        return new AuditRefused(asked, "the session of " + who + " has ended (account locked, disabled or given other roles)", true);
    }

    public boolean isSessionEnded() {
        return sessionEnded;
    }

    public Permission missing() {
        return missing;
    }
}
