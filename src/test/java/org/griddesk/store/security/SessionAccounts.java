package org.griddesk.store.security;

import org.griddesk.security.Session;
import org.jooq.DSLContext;

/// For tests that make their sessions by hand (`AuditFixture`, a service test's roles): the account
/// each session stands for, as a sign-in would have left it (enabled, not locked, the session's
/// roles), so that the services' check that a session still stands passes for them.
public final class SessionAccounts {
    private SessionAccounts() {
    }

    /// Stores `session`'s account unless it is there already; returns the session.
    public static Session registered(DSLContext dsl, Session session) {
        if (AccountRepository.byId(dsl, session.accountId()).isEmpty()) {
            AccountRepository.insert(dsl, new AccountRepository.AccountRow(session.accountId(), session.username(),
                    session.displayName(), session.unitId(), true, "not-a-hash", session.signedInAt(), false, null, 0, null, null,
                    null, false, session.roles()), session.signedInAt());
        }
        return session;
    }
}
