package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.security.AccountFixture.DESK;

import java.nio.file.Path;
import java.time.Duration;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.SignInResult;
import org.griddesk.security.SignInResult.Refused;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.store.DatabaseKind;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Changing a password through [AccountService]: the policy, the last five refused, the old
/// password needed; a refusal changes nothing and is audited.
class PasswordChangeTest {
    @TempDir
    Path temp;

    private static SignInResult change(AccountFixture f, String from, String to) {
        return f.accounts.changePassword("wang", from.toCharArray(), to.toCharArray(), null, DESK);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWeakPasswordIsRefusedAndTheOldOneStillHolds(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Pass#0000", Role.DISPATCHER);
            f.audit.clear();

            assertThat(((Refused) change(f, "Pass#0000", "Ab1#")).messageKey()).isEqualTo("password.tooShort");
            assertThat(((Refused) change(f, "Pass#0000", "abcdefgh12")).messageKey()).isEqualTo("password.tooSimple");
            assertThat(((Refused) change(f, "Pass#0000", "WANG")).messageKey()).isEqualTo("password.tooShort");
            assertThat(f.audit.of(AuditAction.PASSWORD_CHANGED, AuditOutcome.REFUSED)).hasSize(3);
            assertThat(f.audit.of(AuditAction.PASSWORD_CHANGED, AuditOutcome.SUCCESS)).isEmpty();

            assertThat(f.accounts.signIn("wang", "Pass#0000".toCharArray(), null, DESK)).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void noneOfTheLastFivePasswordsMayBeUsedAgainButTheSixthMay(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Pass#0000", Role.DISPATCHER);
            String current = "Pass#0000";
            for (int i = 1; i <= 5; i++) {
                f.clock.advance(Duration.ofDays(1));
                String next = "Pass#000" + i;
                assertThat(change(f, current, next)).isInstanceOf(SignedIn.class);
                current = next;
            }
            // Pass#0005 is current; Pass#0001..0004 and 0005 are the last five
            for (String reused : new String[] {"Pass#0005", "Pass#0004", "Pass#0001"}) {
                Refused refused = (Refused) change(f, current, reused);
                assertThat(refused.messageKey()).isEqualTo("password.reused");
                assertThat(refused.args()).containsExactly(8, 5);
            }
            f.clock.advance(Duration.ofDays(1));
            assertThat(change(f, current, "Pass#0000")).isInstanceOf(SignedIn.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWrongOldPasswordIsAFailedSignIn(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Pass#0000", Role.DISPATCHER);

            assertThat(((Refused) change(f, "Pass#9999", "Pass#1111")).messageKey()).isEqualTo("signIn.refused");
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.PASSWORD_CHANGED);
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(f.accounts.signIn("wang", "Pass#1111".toCharArray(), null, DESK)).isInstanceOf(Refused.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void whenTheAuditCannotBeWrittenThePasswordStaysAsItWas(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            f.person("wang", "JN-XSG", "Pass#0000", Role.DISPATCHER);
            f.audit.failFromNowOn();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> change(f, "Pass#0000", "Pass#1111"))
                    .isInstanceOf(RuntimeException.class);

            // read from the store itself: the old password's hash is still there
            assertThat(new org.griddesk.security.PasswordHasher(org.griddesk.security.PasswordHasher.Cost.TEST)
                    .verify("Pass#0000".toCharArray(), AccountRepository.byUsername(f.db.dsl(), "wang").orElseThrow().passwordHash()))
                    .isTrue();
        }
    }
}
