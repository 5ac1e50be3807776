package org.griddesk.store.security;

import java.time.Instant;
import org.griddesk.security.Session;
import org.jooq.DSLContext;

/// Whether a session still stands in the store: its account enabled, not locked, holding the roles
/// the session was given. The services that hand out what is sensitive (a reveal of personal data,
/// the audit log) ask it on every call, so that an administrator's lock, disable or change of roles
/// takes effect at once on every desk, not at the person's next sign-in.
public final class LiveSessions {
    private LiveSessions() {
    }

    public static boolean active(DSLContext dsl, Session session, Instant now) {
        return AccountRepository.active(dsl, session, now);
    }
}
