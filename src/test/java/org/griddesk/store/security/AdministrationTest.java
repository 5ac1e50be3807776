package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.security.AccountFixture.ADMIN_PASSWORD;
import static org.griddesk.store.security.AccountFixture.DESK;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.AccountSummary;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult.PasswordChangeRequired;
import org.griddesk.security.SignInResult.Refused;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AccountService.FirstAdministrator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// What the administrators do through [AccountService]: adding accounts, roles under the rules of
/// 三员分立, unlocks, resets and the policy; each success and each refusal audited, a refusal
/// writing nothing else.
class AdministrationTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSystemAdministratorAddsAnAccountWithoutRolesAndItIsAudited(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session system = f.system();
            AccountSummary added = f.accounts.add(system, new NewAccount("zhao", "赵调度", "JN-GG", "Init!al2026".toCharArray()));

            assertThat(added.roles()).isEmpty();
            assertThat(added.unitId()).isEqualTo("JN-GG");
            AuditEntry entry = f.audit.last();
            assertThat(entry.action()).isEqualTo(AuditAction.ACCOUNT_CREATED);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.actorId()).isEqualTo(system.accountId());
            assertThat(entry.target()).isEqualTo("zhao");
            assertThat(entry.detail()).doesNotContain("Init!al2026");
            assertThat(((Refused) f.accounts.signIn("zhao", "Init!al2026".toCharArray(), null, DESK)).messageKey())
                    .isEqualTo("signIn.noRoles");
            assertThat(f.accounts.list(system)).extracting(AccountSummary::username)
                    .containsExactly("auditor", "secadmin", "sysadmin", "zhao");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badNewAccountsAreRefusedAuditedAndNotWritten(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session system = f.system();
            record Case(NewAccount account, String key) {
            }
            List<Case> cases = List.of(
                    new Case(new NewAccount("sysadmin", "重名", "JN", "Init!al2026".toCharArray()), "account.exists"),
                    new Case(new NewAccount("a b", "空格", "JN", "Init!al2026".toCharArray()), "account.badUsername"),
                    new Case(new NewAccount("qian", " ", "JN", "Init!al2026".toCharArray()), "account.badDisplayName"),
                    new Case(new NewAccount("qian", "钱\n,=cmd", "JN", "Init!al2026".toCharArray()), "account.badDisplayName"),
                    new Case(new NewAccount("qian", "\uFFFD\uFFFD", "JN", "Init!al2026".toCharArray()), "account.badDisplayName"),
                    new Case(new NewAccount("qian", "=HYPERLINK(\"x\")", "JN", "Init!al2026".toCharArray()), "account.badDisplayName"),
                    new Case(new NewAccount("qian", "钱", "JN-NOWHERE", "Init!al2026".toCharArray()), "account.unknownUnit"),
                    new Case(new NewAccount("qian", "钱", "JN", "simple".toCharArray()), "password.tooShort"));
            for (Case c : cases) {
                f.audit.clear();
                assertThatThrownBy(() -> f.accounts.add(system, c.account())).isInstanceOfSatisfying(AccountRefused.class,
                        r -> assertThat(r.messageKey()).isEqualTo(c.key()));
                assertThat(f.audit.entries()).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(AuditAction.ACCOUNT_CREATED);
                    assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED);
                    assertThat(e.detail()).isEqualTo(c.key());
                });
            }
            assertThat(f.accounts.list(system)).hasSize(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void rolesFollowTheSeparationOfDuties(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.accounts.add(f.system(), new NewAccount("zhao", "赵", "JN", "Init!al2026".toCharArray()));
            Session security = f.security();
            record Case(Set<Role> roles, String key) {
            }
            for (Case c : List.of(new Case(Set.of(Role.SYSTEM_ADMIN, Role.AUDIT_ADMIN), "roles.twoAdministrators"),
                    new Case(Set.of(Role.SECURITY_ADMIN, Role.DISPATCHER), "roles.administratorHandlesTickets"),
                    new Case(Set.of(Role.AUDIT_ADMIN, Role.HANDLER), "roles.administratorHandlesTickets"),
                    new Case(Set.of(Role.CHANNEL), "roles.channel"), new Case(Set.of(), "roles.none"))) {
                f.audit.clear();
                assertThatThrownBy(() -> f.accounts.setRoles(security, "zhao", c.roles()))
                        .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo(c.key()));
                assertThat(f.audit.entries()).singleElement().extracting(AuditEntry::action, AuditEntry::outcome)
                        .containsExactly(AuditAction.ROLES_CHANGED, AuditOutcome.REFUSED);
            }
            assertThat(summary(f, "zhao").roles()).isEmpty();

            f.accounts.setRoles(security, "zhao", Set.of(Role.SYSTEM_ADMIN, Role.WALL_DISPLAY));
            assertThat(f.audit.last().detail()).isEqualTo("[] -> [WALL_DISPLAY, SYSTEM_ADMIN]");
            assertThat(summary(f, "zhao").roles()).containsExactlyInAnyOrder(Role.SYSTEM_ADMIN, Role.WALL_DISPLAY);
            // nobody changes their own roles
            assertThatThrownBy(() -> f.accounts.setRoles(security, "secadmin", Set.of(Role.SECURITY_ADMIN, Role.WALL_DISPLAY)))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("admin.self"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSecurityAdministratorUnlocksAnAccountBeforeItsTime(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Wang#2026a", Role.DISPATCHER);
            for (int i = 0; i < 5; i++) {
                f.accounts.signIn("wang", "wrong".toCharArray(), null, DESK);
            }
            assertThat(summary(f, "wang").lockedUntil()).isEqualTo(f.clock.now().plus(Duration.ofMinutes(15)));

            f.accounts.unlock(f.security(), "wang");

            assertThat(f.audit.last().action()).isEqualTo(AuditAction.ACCOUNT_UNLOCKED);
            assertThat(f.accounts.signIn("wang", "Wang#2026a".toCharArray(), null, DESK)).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResetGivesATemporaryPasswordThatMustBeChanged(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Wang#2026a", Role.DISPATCHER);

            String temporary = f.accounts.resetPassword(f.security(), "wang");

            assertThat(f.audit.last().action()).isEqualTo(AuditAction.PASSWORD_RESET);
            assertThat(f.audit.last().detail()).doesNotContain(temporary);
            assertThat(f.accounts.signIn("wang", "Wang#2026a".toCharArray(), null, DESK)).isInstanceOf(Refused.class);
            assertThat(f.accounts.signIn("wang", temporary.toCharArray(), null, DESK))
                    .isEqualTo(new PasswordChangeRequired("wang", "password.mustChange.reset"));
            assertThat(f.accounts.changePassword("wang", temporary.toCharArray(), "Wang#2026b".toCharArray(), null, DESK))
                    .isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePolicyIsTheSecurityAdministratorsAndTakesEffectAtOnce(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session security = f.security();
            assertThat(f.accounts.policy(security)).isEqualTo(PasswordPolicySettings.DEFAULT);
            assertThatThrownBy(() -> f.accounts.setPolicy(security, new PasswordPolicySettings(6, 90, 5, 5, 15, 15)))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("policy.minLength"));
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);

            f.accounts.setPolicy(security, new PasswordPolicySettings(10, 30, 6, 3, 30, 5));

            assertThat(f.audit.last().action()).isEqualTo(AuditAction.PASSWORD_POLICY_CHANGED);
            assertThat(f.audit.last().detail()).isEqualTo("8,90,5,5,15,15 -> 10,30,6,3,30,5");
            assertThat(f.accounts.settings().idleLockMinutes()).isEqualTo(5);
            f.person("wang", "JN-XSG", "Wang#2026ab", Role.DISPATCHER);
            for (int i = 0; i < 2; i++) {
                f.accounts.signIn("wang", "wrong".toCharArray(), null, DESK);
            }
            f.accounts.signIn("wang", "wrong".toCharArray(), null, DESK);
            Refused locked = (Refused) f.accounts.signIn("wang", "Wang#2026ab".toCharArray(), null, DESK);
            assertThat(locked.messageKey()).as("locked after 3 failures, for 30 minutes").isEqualTo("signIn.locked");
            assertThat(locked.args()).containsExactly(30L);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void disablingEndsTheAccountsSessionsAndNobodyDisablesThemselves(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session wang = f.person("wang", "JN-XSG", "Wang#2026a", Role.DISPATCHER);
            Session system = f.system();
            f.accounts.setEnabled(system, "wang", false);

            assertThat(f.accounts.isActive(wang)).isFalse();
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.ACCOUNT_DISABLED);
            assertThatThrownBy(() -> f.accounts.setEnabled(system, "sysadmin", false))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("admin.self"));
            assertThatThrownBy(() -> f.accounts.unlock(f.security(), "nobody"))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("account.unknown"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAdministratorWhoseAccountWasDisabledCanNoLongerAdminister(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session security = f.security();
            f.accounts.add(f.system(), new NewAccount("sec2", "安全管理员二", "JN", "Init!al2026".toCharArray()));
            f.accounts.setRoles(security, "sec2", Set.of(Role.SECURITY_ADMIN));
            Session second = ((SignedIn) f.accounts.changePassword("sec2", "Init!al2026".toCharArray(),
                    "Sec2#2026a".toCharArray(), null, DESK)).session();
            f.accounts.setEnabled(f.system(), "secadmin", false);

            assertThatThrownBy(() -> f.accounts.unlock(security, "sec2"))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("session.ended"));
            f.accounts.unlock(second, "secadmin");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void initialisationHappensOnceAndNeedsTheThreeAdministrators(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            assertThat(f.accounts.hasAdministrators()).isTrue();
            assertThatThrownBy(() -> f.accounts.initialise(List.of(
                    new FirstAdministrator("sys2", "系统管理员二", "JN", Role.SYSTEM_ADMIN, ADMIN_PASSWORD.toCharArray())), DESK))
                    .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("init.alreadyDone"));
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(f.accounts.list(f.system())).hasSize(3);
        }
    }

    private static AccountSummary summary(AccountFixture f, String username) {
        return f.accounts.list(f.system()).stream().filter(a -> a.username().equals(username)).findFirst().orElseThrow();
    }
}
