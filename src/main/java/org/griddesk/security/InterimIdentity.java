package org.griddesk.security;

import java.time.Instant;
import java.util.Set;
import org.griddesk.domain.org.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// INTERIM, for the integrator to replace: until sign-in lands (issue 21, accounts), the desk's
/// [Session] is made here from the identity picked at the desk, and reveals are audited to the log
/// (logger `org.griddesk.audit`) instead of the store's audit log. Replace [#session] by the signed-in
/// session and [#auditSink] by `store.security.AuditLog`; nothing else in the desk makes sessions.
public final class InterimIdentity {
    private static final Logger audit = LoggerFactory.getLogger("org.griddesk.audit");

    private InterimIdentity() {
    }

    /// The session of the person the desk currently acts as.
    public static Session session(Actor actor) {
        return new Session(actor.id(), actor.id(), actor.name(), actor.unit().id(), Set.of(actor.role()), Instant.now(),
                Workstation.local());
    }

    /// Where the desk's audited attempts go meanwhile.
    public static AuditSink auditSink() {
        return entry -> audit.info("{} {} {} by {} ({}) from {}: {}", entry.at(), entry.action(), entry.outcome(), entry.actorId(),
                entry.actorName(), entry.from().host(), entry.target() + (entry.detail().isEmpty() ? "" : " · " + entry.detail()));
    }
}
