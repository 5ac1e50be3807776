package org.griddesk.security;

import org.griddesk.domain.org.Permission;

/// A reading, export or purge of the audit log refused (the person lacks the permission). The
/// refusal is itself recorded before this is thrown.
public final class AuditRefused extends RuntimeException {
    private final Permission missing;

    public AuditRefused(Permission missing, String who) {
        super(who + " may not do this: it needs the permission " + missing + " (audit administrator)");
        this.missing = missing;
    }

    public Permission missing() {
        return missing;
    }
}
