package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AccountTexts;
import org.griddesk.security.Accounts;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult;
import org.griddesk.security.Workstation;
import org.junit.jupiter.api.Test;

/// The operator's sign-in of administrative commands: the password, then the code when the account
/// asks for one; refusals and forced changes stop the command.
class OperatorSignInTest {
    /// Accounts that answer as the store would for one account with a second factor.
    private static final class OneAccount implements Accounts {
        final List<String> codes = new ArrayList<>();
        SignInResult withoutCode = new SignInResult.SecondFactorRequired("secadmin");

        @Override
        public SignInResult signIn(String username, char[] password, String secondFactor, Workstation from) {
            if (!new String(password).equals("Sec#Admin2026")) {
                return new SignInResult.Refused("signIn.refused");
            }
            if (secondFactor == null) {
                return withoutCode;
            }
            codes.add(secondFactor);
            return secondFactor.equals("123456") ? new SignInResult.SignedIn(new Session("a1", username, "安全管理员", "JN",
                    Set.of(Role.SECURITY_ADMIN), Instant.now(), from)) : new SignInResult.Refused("signIn.secondFactorWrong");
        }

        @Override
        public SignInResult changePassword(String u, char[] o, char[] n, String c, Workstation f) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unlock(Session session, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOut(Session session) {
        }

        @Override
        public List<DemoAccount> demoAccounts() {
            return List.of();
        }
    }

    private static <T> T typed(String input, Supplier<T> work) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return work.get();
        } finally {
            System.setIn(before);
        }
    }

    private static OperatorSignIn signIn(Accounts accounts, StringWriter prompts) {
        return new OperatorSignIn(accounts, new PasswordPrompt(new PrintWriter(prompts)), new AccountTexts(Locale.ENGLISH));
    }

    @Test
    void theCodeIsAskedForAfterTheRightPassword() {
        OneAccount accounts = new OneAccount();
        StringWriter prompts = new StringWriter();

        Session session = typed("Sec#Admin2026\n123456\n", () -> signIn(accounts, prompts).signIn("secadmin", "pw: ", "code: "));

        assertThat(session.roles()).containsExactly(Role.SECURITY_ADMIN);
        assertThat(accounts.codes).containsExactly("123456");
        assertThat(prompts.toString()).contains("pw: ", "code: ").doesNotContain("Sec#Admin2026");
    }

    @Test
    void aWrongPasswordOrCodeAndAForcedChangeStopTheCommand() {
        OneAccount accounts = new OneAccount();
        assertThatThrownBy(() -> typed("nope\n", () -> signIn(accounts, new StringWriter()).signIn("secadmin", "pw: ", "code: ")))
                .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("signIn.refused"));
        assertThatThrownBy(() -> typed("Sec#Admin2026\n654321\n",
                () -> signIn(accounts, new StringWriter()).signIn("secadmin", "pw: ", "code: ")))
                .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("signIn.secondFactorWrong"));
        accounts.withoutCode = new SignInResult.PasswordChangeRequired("secadmin", "password.mustChange.expired");
        assertThatThrownBy(() -> typed("Sec#Admin2026\n", () -> signIn(accounts, new StringWriter()).signIn("secadmin", "pw: ", "code: ")))
                .isInstanceOfSatisfying(AccountRefused.class, r -> assertThat(r.messageKey()).isEqualTo("password.mustChange.expired"));
    }
}
