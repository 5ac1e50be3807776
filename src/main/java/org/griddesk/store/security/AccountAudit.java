package org.griddesk.store.security;

import java.time.Clock;
import java.util.function.Predicate;
import org.griddesk.domain.org.Permission;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditSink;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.jooq.Configuration;

/// How the account services write their audit records: who did it (a session, or the name typed
/// at a sign-in), from where, to whom, with what outcome.
final class AccountAudit {
    private final AuditSink sink;
    private final Clock clock;

    AccountAudit(AuditSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /// The same records, written inside the transaction `tx` (they commit with the change).
    AccountAudit in(Configuration tx) {
        return new AccountAudit(entry -> AuditLog.write(sink, tx.dsl(), entry), clock);
    }

    void by(Session by, AuditAction action, String target, AuditOutcome outcome, String detail) {
        sink.record(new AuditEntry(clock.instant(), by.accountId(), by.username(), by.from(), action, target, outcome, detail));
    }

    /// A record for someone not (yet) signed in: the account's id when known, else the typed name.
    void as(String actorId, String actorName, Workstation from, AuditAction action, String target, AuditOutcome outcome,
            String detail) {
        sink.record(new AuditEntry(clock.instant(), actorId, actorName, from == null ? new Workstation(null, null) : from, action,
                target, outcome, detail));
    }

    /// Refuses (audited) unless the session is still good and holds one of `permissions`.
    void require(Session by, Predicate<Session> active, AuditAction action, String target, Permission... permissions) {
        if (!active.test(by)) {
            throw refuse(by, action, target, "session.ended");
        }
        for (Permission permission : permissions) {
            if (by.may(permission)) {
                return;
            }
        }
        throw refuse(by, action, target, "admin.notPermitted");
    }

    /// Records a refusal and throws it: nothing else is written.
    AccountRefused refuse(Session by, AuditAction action, String target, String key, Object... args) {
        by(by, action, target, AuditOutcome.REFUSED, key);
        return new AccountRefused(key, args);
    }
}
