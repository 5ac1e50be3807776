package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.security.AccountFixture.DESK;

import java.nio.file.Path;
import java.time.Duration;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.SignInResult.PasswordChangeRequired;
import org.griddesk.security.SignInResult.Refused;
import org.griddesk.security.SignInResult.SecondFactorRequired;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Totp;
import org.griddesk.store.DatabaseKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Signing in through the store's [AccountService] on H2 and PostgreSQL: the right password, the
/// wrong one and an unknown name, lockout and its end, disabled accounts, forced changes, expiry and
/// the second factor; each attempt audited.
class SignInTest {
    private static final String PASSWORD = "Wang#2026a";

    @TempDir
    Path temp;

    private SignInResult signIn(AccountFixture f, String username, String password) {
        return f.accounts.signIn(username, password.toCharArray(), null, DESK);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theRightPasswordOpensASessionWithTheAccountsUnitAndRoles(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            f.audit.clear();
            f.clock.advance(Duration.ofHours(1));

            SignInResult result = signIn(f, "wang", PASSWORD);

            assertThat(result).isInstanceOf(SignedIn.class);
            Session session = ((SignedIn) result).session();
            assertThat(session.unitId()).isEqualTo("JN-XSG");
            assertThat(session.roles()).containsExactly(Role.DISPATCHER);
            assertThat(session.from()).isEqualTo(DESK);
            assertThat(session.signedInAt()).isEqualTo(f.clock.now());
            AuditEntry entry = f.audit.last();
            assertThat(entry.action()).isEqualTo(AuditAction.SIGN_IN);
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.actorId()).isEqualTo(session.accountId());
            assertThat(entry.from()).isEqualTo(DESK);
            assertThat(f.accounts.isActive(session)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWrongPasswordAndAnUnknownNameAreRefusedAlike(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            f.audit.clear();

            Refused wrong = (Refused) signIn(f, "wang", "Wang#2026b");
            Refused unknown = (Refused) signIn(f, "nobody", PASSWORD);

            assertThat(wrong.messageKey()).isEqualTo(unknown.messageKey()).isEqualTo("signIn.refused");
            assertThat(wrong.args()).isEqualTo(unknown.args());
            assertThat(f.audit.of(AuditAction.SIGN_IN_FAILED, AuditOutcome.REFUSED)).extracting(AuditEntry::actorName)
                    .containsExactly("wang", "nobody");
            assertThat(f.audit.of(AuditAction.SIGN_IN)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void fiveFailuresLockTheAccountForFifteenMinutesEvenAgainstTheRightPassword(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            for (int i = 1; i <= 4; i++) {
                assertThat(((Refused) signIn(f, "wang", "wrong" + i)).messageKey()).isEqualTo("signIn.refused");
            }
            Refused fifth = (Refused) signIn(f, "wang", "wrong5");
            assertThat(fifth.messageKey()).as("the lock tells a guesser nothing").isEqualTo("signIn.refused");
            assertThat(f.audit.of(AuditAction.ACCOUNT_LOCKED_OUT)).hasSize(1);
            Refused guessWhileLocked = (Refused) signIn(f, "wang", "wrong6");
            Refused unknown = (Refused) signIn(f, "nobody", "wrong6");
            assertThat(guessWhileLocked.messageKey()).isEqualTo(unknown.messageKey()).isEqualTo("signIn.refused");
            assertThat(guessWhileLocked.args()).isEqualTo(unknown.args());

            f.clock.advance(Duration.ofMinutes(14));
            Refused stillLocked = (Refused) signIn(f, "wang", PASSWORD);
            assertThat(stillLocked.messageKey()).isEqualTo("signIn.locked");
            assertThat(stillLocked.args()).containsExactly(1L);

            f.clock.advance(Duration.ofMinutes(1));
            assertThat(signIn(f, "wang", PASSWORD)).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void failuresSentAtOnceAllCount(DatabaseKind kind) throws Exception {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                var attempts = new java.util.ArrayList<java.util.concurrent.Future<SignInResult>>();
                for (int i = 0; i < 6; i++) {
                    attempts.add(pool.submit(() -> signIn(f, "wang", "guess")));
                }
                for (var attempt : attempts) {
                    assertThat(attempt.get()).isInstanceOf(Refused.class);
                }
            }
            assertThat(f.audit.of(AuditAction.ACCOUNT_LOCKED_OUT)).hasSize(1);
            assertThat(((Refused) signIn(f, "wang", PASSWORD)).messageKey()).isEqualTo("signIn.locked");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSuccessfulSignInStartsTheCountAgain(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            for (int i = 0; i < 4; i++) {
                signIn(f, "wang", "wrong");
            }
            assertThat(signIn(f, "wang", PASSWORD)).isInstanceOf(SignedIn.class);
            for (int i = 0; i < 4; i++) {
                assertThat(((Refused) signIn(f, "wang", "wrong")).messageKey()).isEqualTo("signIn.refused");
            }
            assertThat(signIn(f, "wang", PASSWORD)).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aGridWorkerHasNoDeskButAWorkerWhoIsAlsoAHandlerHas(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("zhang", "JN-XSG", PASSWORD, Role.GRID_WORKER);
            assertThat(((Refused) signIn(f, "zhang", "Init!al2026")).messageKey()).isEqualTo("signIn.apiOnly");
            assertThat(((Refused) signIn(f, "zhang", "wrong")).messageKey()).isEqualTo("signIn.refused");

            f.accounts.setRoles(f.security(), "zhang", java.util.Set.of(Role.GRID_WORKER, Role.HANDLER));
            assertThat(signIn(f, "zhang", "Init!al2026")).isInstanceOf(PasswordChangeRequired.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDisabledAccountIsRefused(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session wang = f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            f.accounts.setEnabled(f.system(), "wang", false);

            assertThat(((Refused) signIn(f, "wang", PASSWORD)).messageKey()).isEqualTo("signIn.disabled");
            assertThat(f.accounts.isActive(wang)).isFalse();
            assertThat(f.audit.last().detail()).isEqualTo("signIn.disabled");

            f.accounts.setEnabled(f.system(), "wang", true);
            assertThat(signIn(f, "wang", PASSWORD)).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theFirstSignInAsksForANewPasswordBeforeTheDeskOpens(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.accounts.add(f.system(), new NewAccount("li", "李值班长", "JN-XSG", "Init!al2026".toCharArray()));
            f.accounts.setRoles(f.security(), "li", java.util.Set.of(Role.SUPERVISOR));

            SignInResult first = signIn(f, "li", "Init!al2026");
            assertThat(first).isEqualTo(new PasswordChangeRequired("li", "password.mustChange.firstSignIn"));
            assertThat(f.audit.of(AuditAction.SIGN_IN)).extracting(AuditEntry::actorName).doesNotContain("li");

            SignInResult changed = f.accounts.changePassword("li", "Init!al2026".toCharArray(), PASSWORD.toCharArray(), null, DESK);
            assertThat(changed).isInstanceOf(SignedIn.class);
            assertThat(signIn(f, "li", PASSWORD)).isInstanceOf(SignedIn.class);
            assertThat(((Refused) signIn(f, "li", "Init!al2026")).messageKey()).isEqualTo("signIn.refused");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aPasswordExpiresAfterNinetyDays(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);

            f.clock.advance(Duration.ofDays(89));
            assertThat(signIn(f, "wang", PASSWORD)).isInstanceOf(SignedIn.class);
            f.clock.advance(Duration.ofDays(1));
            assertThat(signIn(f, "wang", PASSWORD)).isEqualTo(new PasswordChangeRequired("wang", "password.mustChange.expired"));

            assertThat(f.accounts.changePassword("wang", PASSWORD.toCharArray(), "Wang#2027a".toCharArray(), null, DESK))
                    .isInstanceOf(SignedIn.class);
            assertThat(signIn(f, "wang", "Wang#2027a")).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAccountWithASecondFactorAsksForTheCodeAndChecksIt(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session wang = f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            String secret = Totp.newSecret();
            f.accounts.enableSecondFactor(wang, secret, Totp.codeAt(secret, f.clock.now()));
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.SECOND_FACTOR_CHANGED);

            assertThat(signIn(f, "wang", PASSWORD)).isEqualTo(new SecondFactorRequired("wang"));
            String wrongCode = Totp.codeAt(secret, f.clock.now().plus(Duration.ofMinutes(5)));
            assertThat(((Refused) f.accounts.signIn("wang", PASSWORD.toCharArray(), wrongCode, DESK)).messageKey())
                    .isEqualTo("signIn.secondFactorWrong");
            assertThat(f.accounts.signIn("wang", PASSWORD.toCharArray(), Totp.codeAt(secret, f.clock.now()), DESK))
                    .isInstanceOf(SignedIn.class);
            // the code is asked only after the password: a wrong password never reveals that a code is needed
            assertThat(((Refused) signIn(f, "wang", "Wang#2026b")).messageKey()).isEqualTo("signIn.refused");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void unlockingAnIdleDeskNeedsThePasswordAndWrongOnesEndTheSessionAtTheLockout(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session wang = f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);

            assertThat(f.accounts.unlock(wang, PASSWORD.toCharArray())).isTrue();
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.DESK_UNLOCKED);
            for (int i = 0; i < 4; i++) {
                assertThat(f.accounts.unlock(wang, "nope".toCharArray())).isFalse();
                assertThat(f.accounts.isActive(wang)).isTrue();
            }
            assertThat(f.accounts.unlock(wang, "nope".toCharArray())).isFalse();

            assertThat(f.accounts.isActive(wang)).isFalse();
            assertThat(f.audit.of(AuditAction.ACCOUNT_LOCKED_OUT)).hasSize(1);
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.SIGN_OUT);
            assertThat(f.accounts.unlock(wang, PASSWORD.toCharArray())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSessionEndsWhenItsRolesChange(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            Session wang = f.person("wang", "JN-XSG", PASSWORD, Role.DISPATCHER);
            f.accounts.setRoles(f.security(), "wang", java.util.Set.of(Role.SUPERVISOR));

            assertThat(f.accounts.isActive(wang)).isFalse();
            f.accounts.signOut(wang);
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.SIGN_OUT);
        }
    }
}
