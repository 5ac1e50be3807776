package org.griddesk.app;

import java.time.Clock;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.AuditSink;
import org.griddesk.store.Database;
import org.griddesk.store.security.AuditLog;

/// Where the commands', the gateway's and the desk's audit records go: the store's append-only,
/// SM3-chained audit log ([AuditLog]), kept as long as `griddesk.audit.retentionDays` says.
final class AuditSinks {
    private AuditSinks() {
    }

    static AuditLog of(Database db) {
        return of(db, Clock.systemUTC());
    }

    static AuditLog of(Database db, Clock clock) {
        return new AuditLog(db.dsl(), clock, AuditRetention.fromSystemProperty());
    }
}
