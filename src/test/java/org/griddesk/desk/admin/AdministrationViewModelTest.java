package org.griddesk.desk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.desk.admin.AdministrationViewModel.PolicyField;
import org.griddesk.desk.session.SecurityTexts;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.AccountAdministration;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;

/// The administrators' screens without their nodes: what the system administrator and the security
/// administrator do goes to the service with the administrator's own session, refusals come back in
/// words and change nothing, a reset's temporary password is shown once, the policy form is read
/// and saved, and the permission table greys out what a role may not do.
class AdministrationViewModelTest {
    private static final Unit TOWN = new Unit("XSG", "咸水沽镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");

    /// Keeps accounts in a map; refuses what the real service refuses by the same rules of thumb:
    /// only the permission's holder, and no two administrator roles.
    static final class ScriptedAdministration implements AccountAdministration {
        final Map<String, AccountSummary> accounts = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        PasswordPolicySettings policy = PasswordPolicySettings.DEFAULT;

        private void need(Session by, Permission permission) {
            if (!by.may(permission)) {
                throw new AccountRefused("account.refused.permission", permission.name());
            }
        }

        private void change(String username, java.util.function.UnaryOperator<AccountSummary> how) {
            AccountSummary a = accounts.get(username);
            if (a == null) {
                throw new AccountRefused("account.refused.unknown", username);
            }
            accounts.put(username, how.apply(a));
        }

        @Override
        public List<AccountSummary> list(Session by) {
            calls.add("list " + by.username());
            return List.copyOf(accounts.values());
        }

        @Override
        public AccountSummary add(Session by, NewAccount account) {
            calls.add("add " + account.username() + " " + new String(account.initialPassword()));
            need(by, Permission.ACCOUNT_MANAGE);
            AccountSummary added = new AccountSummary("A-" + account.username(), account.username(), account.displayName(),
                    account.unitId(), Set.of(), true, null, null, null, false);
            accounts.put(account.username(), added);
            return added;
        }

        @Override
        public void setEnabled(Session by, String username, boolean enabled) {
            need(by, Permission.ACCOUNT_MANAGE);
            change(username, a -> new AccountSummary(a.accountId(), a.username(), a.displayName(), a.unitId(), a.roles(), enabled,
                    a.lockedUntil(), a.passwordChangedAt(), a.lastSignInAt(), a.secondFactor()));
        }

        @Override
        public void setRoles(Session by, String username, Set<Role> roles) {
            need(by, Permission.ROLE_ASSIGN);
            if (roles.stream().filter(Role::isAdministrator).count() > 1) {
                throw new AccountRefused("account.refused.twoAdministrators");
            }
            change(username, a -> new AccountSummary(a.accountId(), a.username(), a.displayName(), a.unitId(), roles, a.enabled(),
                    a.lockedUntil(), a.passwordChangedAt(), a.lastSignInAt(), a.secondFactor()));
        }

        @Override
        public void unlock(Session by, String username) {
            need(by, Permission.ACCOUNT_UNLOCK);
            change(username, a -> new AccountSummary(a.accountId(), a.username(), a.displayName(), a.unitId(), a.roles(), a.enabled(),
                    null, a.passwordChangedAt(), a.lastSignInAt(), a.secondFactor()));
        }

        @Override
        public String resetPassword(Session by, String username) {
            need(by, Permission.PASSWORD_RESET);
            return "Tmp-7x!Q2k9";
        }

        @Override
        public PasswordPolicySettings policy(Session by) {
            return policy;
        }

        @Override
        public void setPolicy(Session by, PasswordPolicySettings settings) {
            need(by, Permission.PASSWORD_POLICY_MANAGE);
            if (settings.minLength() < 8) {
                throw new AccountRefused("policy.refused.minLength", 8);
            }
            policy = settings;
        }
    }

    private final ScriptedAdministration service = new ScriptedAdministration();
    private Session by;
    private final AdministrationViewModel admin = new AdministrationViewModel(new CurrentThreadTaskExecutor(),
            SecurityTexts.of(Language.ZH_CN), service, () -> by);

    private static Session as(Role role) {
        return new Session("A-" + role.name(), role.name().toLowerCase(), "管理员", "JN", Set.of(role),
                Instant.parse("2026-12-03T03:00:00Z"), new Workstation("d", "1"));
    }

    private void addZhangmin() {
        by = as(Role.SYSTEM_ADMIN);
        admin.useUnits(List.of(TOWN));
        admin.newUsernameProperty().set("zhangmin");
        admin.newDisplayNameProperty().set("张敏");
        admin.newUnitProperty().set(TOWN);
        admin.newPasswordProperty().set("Start@2026");
        admin.add();
    }

    @Test
    void theSystemAdministratorAddsAnAccountAndSeesItListed() {
        addZhangmin();
        assertThat(service.calls).containsExactly("add zhangmin Start@2026", "list system_admin");
        assertThat(admin.accounts()).extracting(AccountAdministration.AccountSummary::username).containsExactly("zhangmin");
        assertThat(admin.refusedProperty().get()).isFalse();
        assertThat(admin.messageProperty().get()).contains("zhangmin").contains("首次登录须修改密码");
        assertThat(admin.newPasswordProperty().get()).isEmpty();
    }

    @Test
    void anIncompleteFormIsRefusedBeforeTheService() {
        by = as(Role.SYSTEM_ADMIN);
        admin.newUsernameProperty().set("zhangmin");
        admin.add();
        assertThat(service.calls).isEmpty();
        assertThat(admin.refusedProperty().get()).isTrue();
        assertThat(admin.messageProperty().get()).isEqualTo("请填写用户名、姓名、单位和初始密码。");
    }

    @Test
    void disablingAndEnablingTheSelectedAccount() {
        addZhangmin();
        admin.selectedProperty().set(admin.accounts().getFirst());
        admin.setEnabled(false);
        assertThat(service.accounts.get("zhangmin").enabled()).isFalse();
        assertThat(admin.selectedProperty().get().enabled()).as("the list was read again, the account kept selected").isFalse();
        admin.setEnabled(true);
        assertThat(service.accounts.get("zhangmin").enabled()).isTrue();
    }

    @Test
    void nothingSelectedNothingIsAsked() {
        by = as(Role.SECURITY_ADMIN);
        admin.unlock();
        assertThat(service.calls).isEmpty();
        assertThat(admin.messageProperty().get()).isEqualTo("请先在列表中选择一个账户。");
    }

    @Test
    void theSecurityAdministratorGivesRolesAndTheServiceRefusesTwoAdministratorRolesInWords() {
        addZhangmin();
        by = as(Role.SECURITY_ADMIN);
        admin.selectedProperty().set(admin.accounts().getFirst());
        admin.roleChoice(Role.SYSTEM_ADMIN).set(true);
        admin.roleChoice(Role.AUDIT_ADMIN).set(true);
        admin.saveRoles();
        assertThat(admin.refusedProperty().get()).isTrue();
        assertThat(admin.messageProperty().get()).isNotBlank().doesNotStartWith("!");
        assertThat(service.accounts.get("zhangmin").roles()).isEmpty();

        admin.roleChoice(Role.SYSTEM_ADMIN).set(false);
        admin.roleChoice(Role.AUDIT_ADMIN).set(false);
        admin.roleChoice(Role.DISPATCHER).set(true);
        admin.saveRoles();
        assertThat(service.accounts.get("zhangmin").roles()).containsExactly(Role.DISPATCHER);
        assertThat(admin.roleChoice(Role.DISPATCHER).get()).as("ticks follow the account read again").isTrue();
    }

    @Test
    void aRoleChangeBySomeoneWithoutThePermissionIsRefused() {
        addZhangmin(); // by the system administrator, who may not give roles
        admin.selectedProperty().set(admin.accounts().getFirst());
        admin.roleChoice(Role.SUPERVISOR).set(true);
        admin.saveRoles();
        assertThat(admin.refusedProperty().get()).isTrue();
        assertThat(service.accounts.get("zhangmin").roles()).isEmpty();
        assertThat(admin.may(Permission.ROLE_ASSIGN)).isFalse();
        assertThat(admin.may(Permission.ACCOUNT_MANAGE)).isTrue();
    }

    @Test
    void aResetShowsTheTemporaryPasswordOnceUntilDismissed() {
        addZhangmin();
        by = as(Role.SECURITY_ADMIN);
        admin.selectedProperty().set(admin.accounts().getFirst());
        admin.resetPassword();
        assertThat(admin.temporaryPasswordProperty().get()).isEqualTo("Tmp-7x!Q2k9");
        assertThat(admin.messageProperty().get()).contains("Tmp-7x!Q2k9").contains("只显示这一次");
        admin.dismissTemporaryPassword();
        assertThat(admin.temporaryPasswordProperty().get()).isEmpty();
        assertThat(admin.messageProperty().get()).doesNotContain("Tmp-7x!Q2k9");
    }

    @Test
    void unlockLiftsTheLockout() {
        addZhangmin();
        service.accounts.computeIfPresent("zhangmin", (k, a) -> new AccountAdministration.AccountSummary(a.accountId(), a.username(),
                a.displayName(), a.unitId(), a.roles(), true, Instant.parse("2026-12-03T04:00:00Z"), null, null, false));
        by = as(Role.SECURITY_ADMIN);
        admin.refresh();
        admin.selectedProperty().set(admin.accounts().getFirst());
        admin.unlock();
        assertThat(service.accounts.get("zhangmin").lockedUntil()).isNull();
        assertThat(admin.messageProperty().get()).isEqualTo("账户 zhangmin 已解除锁定。");
    }

    @Test
    void thePolicyFormIsReadAndSavedAndARefusalKeepsTheOldPolicy() {
        by = as(Role.SECURITY_ADMIN);
        admin.loadPolicy();
        assertThat(admin.policyField(PolicyField.IDLE_LOCK_MINUTES).get()).isEqualTo("15");
        admin.policyField(PolicyField.IDLE_LOCK_MINUTES).set("10");
        admin.savePolicy();
        assertThat(service.policy.idleLockMinutes()).isEqualTo(10);
        admin.policyField(PolicyField.MIN_LENGTH).set("6");
        admin.savePolicy();
        assertThat(admin.refusedProperty().get()).isTrue();
        assertThat(service.policy.minLength()).isEqualTo(8);
        admin.policyField(PolicyField.MIN_LENGTH).set("八");
        admin.savePolicy();
        assertThat(admin.messageProperty().get()).isEqualTo("“最短长度”须为整数。");
    }

    @Test
    void roleChoicesCoverEveryPersonalRole() {
        for (Role role : EnumSet.copyOf(Role.PERSONAL)) {
            assertThat(admin.roleChoice(role)).isNotNull();
        }
        assertThat(admin.roleChoice(Role.CHANNEL)).isNull();
    }
}
