package org.griddesk.app;

import org.griddesk.security.AuditSink;
import org.griddesk.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Where the commands' and the desk's audit records go. Until the store's hash-chained log is wired
/// in (`store.security.AuditLog`, its own part of issue 21) they go to the `griddesk.audit` log.
final class AuditSinks {
    private static final Logger log = LoggerFactory.getLogger("griddesk.audit");

    private AuditSinks() {
    }

    static AuditSink of(Database db) {
        return entry -> log.info("{} {} {}@{} {} {} {} {}", entry.at(), entry.action(), entry.actorName(), entry.from().host(),
                entry.from().address(), entry.target(), entry.outcome(), entry.detail());
    }
}
