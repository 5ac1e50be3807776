package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AccountAdministration.PasswordPolicySettings;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.DocumentedPermissions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Every personal role × every account operation, through [AccountService] and [WorkerTokenService]:
/// what goes through and what is refused must be what docs/security.md's table says
/// ([DocumentedPermissions], read from the page, not from the code's table). A refusal is audited
/// and changes nothing. (`CHANNEL` is a key, never an account: no session can carry it.)
class AccountPermissionMatrixTest {
    @TempDir
    Path temp;

    /// An operation, the permissions that let it through (any of them), and how it is done to the account `target`.
    private record Operation(Set<Permission> needs, BiConsumer<Session, Fixture> run) {
    }

    private record Fixture(AccountFixture f, WorkerTokenService tokens, String suffix) {
    }

    private static Map<String, Operation> operations() {
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("list", new Operation(EnumSet.of(Permission.ACCOUNT_MANAGE, Permission.ROLE_ASSIGN, Permission.ACCOUNT_UNLOCK,
                Permission.PASSWORD_RESET), (s, x) -> x.f().accounts.list(s)));
        ops.put("add", new Operation(EnumSet.of(Permission.ACCOUNT_MANAGE),
                (s, x) -> x.f().accounts.add(s, new NewAccount("new-" + x.suffix(), "新账号", "JN", "Init!al2026".toCharArray()))));
        ops.put("disable", new Operation(EnumSet.of(Permission.ACCOUNT_MANAGE), (s, x) -> x.f().accounts.setEnabled(s, "target", false)));
        ops.put("enable", new Operation(EnumSet.of(Permission.ACCOUNT_MANAGE), (s, x) -> x.f().accounts.setEnabled(s, "target", true)));
        ops.put("roles", new Operation(EnumSet.of(Permission.ROLE_ASSIGN),
                (s, x) -> x.f().accounts.setRoles(s, "target", Set.of(Role.DISPATCHER))));
        ops.put("unlock", new Operation(EnumSet.of(Permission.ACCOUNT_UNLOCK), (s, x) -> x.f().accounts.unlock(s, "target")));
        ops.put("reset", new Operation(EnumSet.of(Permission.PASSWORD_RESET), (s, x) -> x.f().accounts.resetPassword(s, "target")));
        ops.put("policy", new Operation(EnumSet.of(Permission.PASSWORD_POLICY_MANAGE), (s, x) -> x.f().accounts.policy(s)));
        ops.put("setPolicy", new Operation(EnumSet.of(Permission.PASSWORD_POLICY_MANAGE),
                (s, x) -> x.f().accounts.setPolicy(s, PasswordPolicySettings.DEFAULT)));
        ops.put("issueToken", new Operation(EnumSet.of(Permission.WORKER_TOKEN_MANAGE),
                (s, x) -> x.tokens().issue(s, "worker", "手机", 30)));
        ops.put("listTokens", new Operation(EnumSet.of(Permission.WORKER_TOKEN_MANAGE), (s, x) -> x.tokens().list(s)));
        return ops;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyRoleMayDoExactlyTheAccountOperationsTheDocumentationGivesIt(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            WorkerTokenService tokens = new WorkerTokenService(f.db.dsl(), f.clock, f.audit);
            f.person("target", "JN-XSG", "Target#2026", Role.DISPATCHER);
            f.person("worker", "JN-XSG", "Worker#2026", Role.GRID_WORKER);
            Map<Role, Session> people = new LinkedHashMap<>();
            for (Role role : Role.PERSONAL) {
                String name = "r-" + role.name().toLowerCase().replace('_', '-');
                people.put(role, role == Role.SYSTEM_ADMIN ? f.system() : role == Role.SECURITY_ADMIN ? f.security()
                        : f.person(name, "JN", "Role#2026" + role.ordinal(), role));
            }
            Map<Role, Set<Permission>> documented = DocumentedPermissions.table();
            List<String> mismatches = new ArrayList<>();
            for (Map.Entry<String, Operation> op : operations().entrySet()) {
                for (Map.Entry<Role, Session> person : people.entrySet()) {
                    Role role = person.getKey();
                    boolean expected = op.getValue().needs().stream().anyMatch(p -> documented.get(role).contains(p));
                    int before = f.audit.entries().size();
                    boolean done;
                    try {
                        op.getValue().run().accept(person.getValue(), new Fixture(f, tokens, role.name().toLowerCase()));
                        done = true;
                    } catch (AccountRefused refused) {
                        assertThat(refused.messageKey()).as("%s by %s", op.getKey(), role).isEqualTo("admin.notPermitted");
                        assertThat(f.audit.entries().subList(before, f.audit.entries().size())).as("%s by %s", op.getKey(), role)
                                .singleElement().extracting(e -> e.outcome()).isEqualTo(AuditOutcome.REFUSED);
                        done = false;
                    }
                    if (done != expected) {
                        mismatches.add(op.getKey() + " by " + role + ": " + (done ? "done" : "refused") + ", the table says "
                                + (expected ? "allowed" : "refused"));
                    }
                }
                f.accounts.setEnabled(f.system(), "target", true);
            }
            assertThat(mismatches).isEmpty();
            assertThat(people.keySet()).isEqualTo(Role.PERSONAL);
        }
    }
}
