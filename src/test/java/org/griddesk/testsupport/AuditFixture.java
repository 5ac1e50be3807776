package org.griddesk.testsupport;

import java.time.Instant;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.security.SessionAccounts;
import org.jooq.DSLContext;

/// People and records for audit tests: a session of any role at a named desk, and entries.
public final class AuditFixture {
    public static final Workstation DESK_3 = new Workstation("xsg-desk-03", "10.12.0.33");
    public static final Workstation AUDIT_DESK = new Workstation("jn-audit-01", "10.12.0.90");

    private AuditFixture() {
    }

    public static Session session(Role role) {
        String id = "u-" + role.name().toLowerCase();
        return new Session(id, role.name().toLowerCase(), name(role), "JN", Set.of(role), Instant.parse("2026-11-20T01:00:00Z"),
                role == Role.AUDIT_ADMIN ? AUDIT_DESK : DESK_3);
    }

    public static Session auditAdmin() {
        return session(Role.AUDIT_ADMIN);
    }

    /// The session of `role`, its account stored in `dsl` as a sign-in would have left it.
    public static Session session(DSLContext dsl, Role role) {
        return SessionAccounts.registered(dsl, session(role));
    }

    /// The audit administrator's session, its account stored in `dsl`.
    public static Session auditAdmin(DSLContext dsl) {
        return session(dsl, Role.AUDIT_ADMIN);
    }

    private static String name(Role role) {
        return switch (role) {
            case AUDIT_ADMIN -> "周审计";
            case SECURITY_ADMIN -> "吴安全";
            case SYSTEM_ADMIN -> "郑系统";
            case DISPATCHER -> "王调度";
            case SUPERVISOR -> "李值班长";
            default -> role.name();
        };
    }

    public static AuditEntry entry(Instant at, String actorId, String actorName, AuditAction action, String target,
                                   AuditOutcome outcome, String detail) {
        return new AuditEntry(at, actorId, actorName, DESK_3, action, target, outcome, detail);
    }

    public static AuditEntry signIn(Instant at, String actorId, String actorName) {
        return entry(at, actorId, actorName, AuditAction.SIGN_IN, actorId, AuditOutcome.SUCCESS, "");
    }
}
