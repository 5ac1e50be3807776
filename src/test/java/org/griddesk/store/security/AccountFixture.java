package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.ORG_UNIT;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.PasswordHasher;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AccountService.FirstAdministrator;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.RecordingAudit;
import org.griddesk.testsupport.TestDatabases;

/// A fresh store with the lifecycle fixture's organisation and its first three administrators, an
/// [AccountService] on a hand-moved clock, a cheap Argon2id cost (the same algorithm: tests sign in
/// hundreds of times) and a recording audit.
final class AccountFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-11-23T01:00:00Z");
    static final String ADMIN_PASSWORD = "Admin#2026x";
    static final Workstation DESK = new Workstation("desk-07", "10.1.2.7");

    final Database db;
    final HandClock clock = new HandClock(START, Duration.ZERO);
    final RecordingAudit audit = new RecordingAudit();
    final AccountService accounts;

    AccountFixture(DatabaseKind kind, Path temp) {
        db = TestDatabases.freshMigrated(kind, temp);
        for (Unit u : LifecycleFixture.ORGANISATION.units()) {
            db.dsl().insertInto(ORG_UNIT).set(ORG_UNIT.ID, u.id()).set(ORG_UNIT.NAME, u.name())
                    .set(ORG_UNIT.UNIT_LEVEL, u.level().name()).set(ORG_UNIT.UNIT_KIND, u.kind().name())
                    .set(ORG_UNIT.PARENT_ID, u.parentId()).execute();
        }
        accounts = new AccountService(db.dsl(), clock, audit, new PasswordHasher(PasswordHasher.Cost.TEST));
        accounts.initialise(List.of(
                new FirstAdministrator("sysadmin", "系统管理员", "JN", Role.SYSTEM_ADMIN, ADMIN_PASSWORD.toCharArray()),
                new FirstAdministrator("secadmin", "安全管理员", "JN", Role.SECURITY_ADMIN, ADMIN_PASSWORD.toCharArray()),
                new FirstAdministrator("auditor", "审计管理员", "JN", Role.AUDIT_ADMIN, ADMIN_PASSWORD.toCharArray())), DESK);
        audit.clear();
    }

    Session system() {
        return signedIn("sysadmin", ADMIN_PASSWORD);
    }

    Session security() {
        return signedIn("secadmin", ADMIN_PASSWORD);
    }

    Session signedIn(String username, String password) {
        SignInResult result = accounts.signIn(username, password.toCharArray(), null, DESK);
        if (result instanceof SignInResult.SignedIn in) {
            return in.session();
        }
        throw new AssertionError(username + " did not sign in: " + result);
    }

    /// A person with roles and a password of their own (first sign-in's change done), ready to sign in.
    Session person(String username, String unitId, String password, Role... roles) {
        String initial = "Init!al2026";
        accounts.add(system(), new NewAccount(username, "测试" + username, unitId, initial.toCharArray()));
        accounts.setRoles(security(), username, EnumSet.copyOf(Set.of(roles)));
        if (Set.of(roles).equals(Set.of(Role.GRID_WORKER))) {
            // no desk for grid workers: the session a service would be handed for the account
            var account = accounts.list(system()).stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
            return new Session(account.accountId(), username, account.displayName(), unitId, account.roles(), clock.instant(), DESK);
        }
        SignInResult changed = accounts.changePassword(username, initial.toCharArray(), password.toCharArray(), null, DESK);
        if (changed instanceof SignInResult.SignedIn in) {
            return in.session();
        }
        throw new AssertionError(username + " could not set a password: " + changed);
    }

    @Override
    public void close() {
        db.close();
    }
}
