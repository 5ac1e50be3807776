package org.griddesk.desk.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Accounts;
import org.griddesk.security.Workstation;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The sign-in dialog's steps without a window: name and password, the TOTP code when the
/// account asks for it, the password change, refusals in words, the demo list, and passwords wiped
/// once the account service has seen them.
class SignInViewModelTest {
    private ScriptedAccounts accounts;
    private SignInViewModel signIn;

    @BeforeEach
    void openTheDialog() {
        accounts = new ScriptedAccounts()
                .person("zhangmin", "Right@2026", "张敏", "XSG", Role.DISPATCHER)
                .person("liqiang", "Right@2026", "李强", "JN", Role.SUPERVISOR)
                .person("wangfang", "Temp@2026", "王芳", "XSG-CG", Role.HANDLER);
        accounts.withSecondFactor("liqiang").mustChange("wangfang");
        signIn = new SignInViewModel(new CurrentThreadTaskExecutor(), SecurityTexts.of(Language.ZH_CN), new Workstation("d", "1"));
    }

    @Test
    void nothingIsAskedBeforeTheStoreIsOpen() {
        signIn.usernameProperty().set("zhangmin");
        signIn.passwordProperty().set("Right@2026");
        signIn.signIn();
        assertThat(accounts.calls).isEmpty();
        assertThat(signIn.signedInProperty().get()).isNull();
    }

    @Test
    void theRightPasswordSignsInAndLeavesNoSecretBehind() {
        signIn.useAccounts(accounts);
        signIn.usernameProperty().set(" zhangmin ");
        signIn.passwordProperty().set("Right@2026");
        signIn.signIn();
        assertThat(signIn.signedInProperty().get().displayName()).isEqualTo("张敏");
        assertThat(signIn.passwordProperty().get()).isEmpty();
        assertThat(accounts.passwordsSeen).allSatisfy(p -> assertThat(new String(p)).matches("\\x{0}*"));
        assertThat(signIn.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordIsRefusedInWordsAndTheFieldEmptied() {
        signIn.useAccounts(accounts);
        signIn.usernameProperty().set("zhangmin");
        signIn.passwordProperty().set("wrong");
        signIn.signIn();
        assertThat(signIn.signedInProperty().get()).isNull();
        assertThat(signIn.messageProperty().get()).isNotBlank().doesNotStartWith("!");
        assertThat(signIn.passwordProperty().get()).isEmpty();
        assertThat(signIn.stepProperty().get()).isEqualTo(SignInViewModel.Step.CREDENTIALS);
    }

    @Test
    void emptyFieldsAreNotSentAtAll() {
        signIn.useAccounts(accounts);
        signIn.signIn();
        assertThat(signIn.messageProperty().get()).isEqualTo("请输入用户名。");
        signIn.usernameProperty().set("zhangmin");
        signIn.signIn();
        assertThat(signIn.messageProperty().get()).isEqualTo("请输入密码。");
        assertThat(accounts.calls).isEmpty();
    }

    @Test
    void anAccountWithASecondFactorAsksForTheCodeThenSignsIn() {
        signIn.useAccounts(accounts);
        signIn.usernameProperty().set("liqiang");
        signIn.passwordProperty().set("Right@2026");
        signIn.submit();
        assertThat(signIn.stepProperty().get()).isEqualTo(SignInViewModel.Step.SECOND_FACTOR);
        assertThat(signIn.signedInProperty().get()).isNull();
        signIn.codeProperty().set("12");
        signIn.submit();
        assertThat(signIn.messageProperty().get()).isEqualTo("请输入 6 位验证码。");
        signIn.codeProperty().set(ScriptedAccounts.CODE);
        signIn.submit();
        assertThat(signIn.signedInProperty().get().username()).isEqualTo("liqiang");
        assertThat(accounts.calls).containsExactly("signIn liqiang", "signIn liqiang 123456");
    }

    @Test
    void aPasswordChangeFromTheDeskAsksForTheCodeOfAnAccountWithASecondFactor() {
        signIn.useAccounts(accounts);
        signIn.startChange("liqiang");
        signIn.oldPasswordProperty().set("Right@2026");
        signIn.newPasswordProperty().set("Mine@2026x");
        signIn.repeatPasswordProperty().set("Mine@2026x");
        signIn.submit();
        assertThat(signIn.stepProperty().get()).isEqualTo(SignInViewModel.Step.SECOND_FACTOR);
        signIn.codeProperty().set(ScriptedAccounts.CODE);
        signIn.submit();
        assertThat(signIn.signedInProperty().get().username()).isEqualTo("liqiang");
        assertThat(accounts.calls).containsExactly("changePassword liqiang", "changePassword liqiang 123456");
        assertThat(signIn.newPasswordProperty().get()).isEmpty();
    }

    @Test
    void aPasswordThatMustBeChangedIsChangedThenSignsIn() {
        signIn.useAccounts(accounts);
        signIn.usernameProperty().set("wangfang");
        signIn.passwordProperty().set("Temp@2026");
        signIn.submit();
        assertThat(signIn.stepProperty().get()).isEqualTo(SignInViewModel.Step.CHANGE_PASSWORD);
        assertThat(signIn.changeReasonProperty().get()).isEqualTo("首次登录，请先设置自己的密码。");
        assertThat(signIn.oldPasswordProperty().get()).isEqualTo("Temp@2026");

        signIn.newPasswordProperty().set("Mine@2026x");
        signIn.repeatPasswordProperty().set("Mine@2026y");
        signIn.submit();
        assertThat(signIn.messageProperty().get()).isEqualTo("两次输入的新密码不一致。");
        assertThat(accounts.calls).containsExactly("signIn wangfang");

        signIn.newPasswordProperty().set("short");
        signIn.repeatPasswordProperty().set("short");
        signIn.submit();
        assertThat(signIn.signedInProperty().get()).isNull();
        assertThat(signIn.messageProperty().get()).as("the policy's refusal, in words").isNotBlank().doesNotStartWith("!");
        assertThat(signIn.newPasswordProperty().get()).isEmpty();

        signIn.newPasswordProperty().set("Mine@2026x");
        signIn.repeatPasswordProperty().set("Mine@2026x");
        signIn.submit();
        assertThat(signIn.signedInProperty().get().username()).isEqualTo("wangfang");
        assertThat(signIn.oldPasswordProperty().get()).isEmpty();
        assertThat(accounts.passwordsSeen).allSatisfy(p -> assertThat(new String(p)).matches("\\x{0}*"));
    }

    @Test
    void aDemoStoreListsItsAccountsAndAChoiceFillsTheFields() {
        accounts.demo.add(new Accounts.DemoAccount("zhangmin", "张敏", "咸水沽镇网格化管理中心", "DISPATCHER", "Right@2026"));
        signIn.useAccounts(accounts);
        assertThat(signIn.demoAccounts()).hasSize(1);
        signIn.chooseDemo(signIn.demoAccounts().getFirst());
        assertThat(signIn.usernameProperty().get()).isEqualTo("zhangmin");
        signIn.signIn();
        assertThat(signIn.signedInProperty().get().username()).isEqualTo("zhangmin");
    }

    @Test
    void aStoreThatCannotBeOpenedIsSaidInsteadOfAwaitedAndNobodySignsIn() {
        signIn.storeUnavailable("Migrations have failed validation");
        assertThat(signIn.unavailableProperty().get()).isTrue();
        assertThat(signIn.messageProperty().get()).startsWith("数据库无法打开").contains("Migrations have failed validation");
        signIn.usernameProperty().set("zhangmin");
        signIn.passwordProperty().set("Right@2026");
        signIn.signIn();
        assertThat(signIn.signedInProperty().get()).isNull();
    }

    @Test
    void aRealStoreHasNoDemoList() {
        signIn.useAccounts(accounts);
        assertThat(signIn.readyProperty().get()).isTrue();
        assertThat(signIn.demoAccounts()).isEmpty();
    }

    @Test
    void resetEmptiesEverythingForTheNextPerson() {
        signIn.useAccounts(accounts);
        signIn.usernameProperty().set("zhangmin");
        signIn.passwordProperty().set("Right@2026");
        signIn.signIn();
        signIn.reset();
        assertThat(signIn.signedInProperty().get()).isNull();
        assertThat(signIn.usernameProperty().get()).isEmpty();
        assertThat(signIn.passwordProperty().get()).isEmpty();
    }

    @Test
    void aChangeFromTheDeskAsksTheCurrentPassword() {
        signIn.useAccounts(accounts);
        signIn.startChange("zhangmin");
        assertThat(signIn.stepProperty().get()).isEqualTo(SignInViewModel.Step.CHANGE_PASSWORD);
        assertThat(signIn.oldPasswordProperty().get()).isEmpty();
        signIn.oldPasswordProperty().set("not mine");
        signIn.newPasswordProperty().set("Better@2026");
        signIn.repeatPasswordProperty().set("Better@2026");
        signIn.submit();
        assertThat(signIn.signedInProperty().get()).isNull();
        assertThat(signIn.oldPasswordProperty().get()).isEmpty();
        signIn.oldPasswordProperty().set("Right@2026");
        signIn.newPasswordProperty().set("Better@2026");
        signIn.repeatPasswordProperty().set("Better@2026");
        signIn.submit();
        assertThat(signIn.signedInProperty().get().username()).isEqualTo("zhangmin");
    }

    @Test
    void aStoreThatDoesNotAnswerIsSaidSo() {
        signIn.useAccounts(new ScriptedAccounts() {
            @Override
            public org.griddesk.security.SignInResult signIn(String u, char[] p, String f, Workstation w) {
                throw new IllegalStateException("connection refused");
            }
        });
        signIn.usernameProperty().set("x");
        signIn.passwordProperty().set("y");
        signIn.signIn();
        assertThat(signIn.messageProperty().get()).contains("connection refused").contains("数据库");
        assertThat(signIn.busyProperty().get()).isFalse();
    }
}
