package org.griddesk.app;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.AccountAdministration.AccountSummary;
import org.griddesk.security.AccountAdministration.NewAccount;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AccountTexts;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.AccountService.FirstAdministrator;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk users …`: accounts from the command line. `init` makes a new store's first three
/// administrators; everything else runs `--as` an administrator, whose password is asked for, and
/// meets the same checks as at a desk (the permission table, 三员分立, the audit).
@Command(name = "users", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.Init.class, UsersCommand.Add.class, UsersCommand.ListAccounts.class, UsersCommand.Lock.class,
            UsersCommand.Unlock.class, UsersCommand.ResetPassword.class, UsersCommand.Roles.class, UsersCommand.Enable.class,
            UsersCommand.Disable.class, WorkerTokenCommand.class})
final class UsersCommand extends CommandGroup {
    /// A store opened for one command, with its account services.
    record Store(Database db, AccountService accounts, WorkerTokenService tokens) {
    }

    /// What a command does once its operator is signed in.
    interface AsOperator {
        int run(Store store, Session operator);
    }

    /// What a command does with the store (no operator: `init`).
    interface WithStore {
        int run(Store store);
    }

    int withStore(WithStore work) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            Clock clock = Clock.systemUTC();
            return work.run(new Store(db, new AccountService(db.dsl(), clock, AuditSinks.of(db)),
                    new WorkerTokenService(db.dsl(), clock, AuditSinks.of(db))));
        } catch (AccountRefused refused) {
            err().println(texts().of(refused));
            return 2;
        }
    }

    /// Signs `operator` in (password, and code when the account has one), runs `work`, signs out.
    int as(String operator, AsOperator work) {
        return withStore(store -> {
            Session session = OperatorSignIn.of(store.accounts(), err(), root.messages().language()).signIn(operator);
            try {
                return work.run(store, session);
            } finally {
                store.accounts().signOut(session);
            }
        });
    }

    PasswordPrompt prompt() {
        return new PasswordPrompt(err());
    }

    AccountTexts texts() {
        return new AccountTexts(root.messages().language().locale());
    }

    /// A text of `i18n/cli` in the command's language.
    String text(String key, Object... args) {
        ResourceBundle bundle = Messages.bundle(GridDeskCli.CLI_BUNDLE, root.messages().language());
        return new MessageFormat(bundle.getString(key), root.messages().language().locale()).format(args);
    }

    void print(String key, Object... args) {
        root.out().println(text(key, args));
    }

    /// Options every subcommand but `init` shares.
    abstract static class OperatorCommand implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Option(names = "--as", required = true, paramLabel = "NAME", descriptionKey = "users.as")
        String as;
    }

    /// `users init`: the first system, security and audit administrators of a store that has none.
    @Command(name = "init", mixinStandardHelpOptions = true)
    static final class Init implements Callable<Integer> {
        @ParentCommand
        UsersCommand users;

        @Option(names = "--system", paramLabel = "NAME", descriptionKey = "users.init.system")
        String system = "sysadmin";

        @Option(names = "--security", paramLabel = "NAME", descriptionKey = "users.init.security")
        String security = "secadmin";

        @Option(names = "--audit", paramLabel = "NAME", descriptionKey = "users.init.audit")
        String audit = "auditadmin";

        @Option(names = "--unit", paramLabel = "UNIT", descriptionKey = "users.init.unit")
        String unit;

        @Override
        public Integer call() {
            return users.withStore(store -> {
                if (store.accounts().hasAdministrators()) {
                    throw new AccountRefused("init.alreadyDone");
                }
                String unitId = unit != null ? unit : defaultUnit(store.db());
                PasswordPrompt prompt = users.prompt();
                List<FirstAdministrator> first = new ArrayList<>();
                try {
                    for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
                        String name = switch (role) {
                            case SYSTEM_ADMIN -> system;
                            case SECURITY_ADMIN -> security;
                            default -> audit;
                        };
                        String roleName = users.texts().text("role." + role.name());
                        first.add(new FirstAdministrator(name, roleName, unitId, role, twice(prompt, roleName, name)));
                    }
                    for (AccountSummary made : store.accounts().initialise(first, Workstation.local())) {
                        users.print("users.init.made", made.username(), users.texts().text("role." + made.roles().iterator().next()));
                    }
                    return 0;
                } finally {
                    first.forEach(a -> Arrays.fill(a.password(), '\0'));
                }
            });
        }

        /// Asks for a password twice, up to three times, until both agree.
        private char[] twice(PasswordPrompt prompt, String roleName, String name) {
            for (int attempt = 0; attempt < 3; attempt++) {
                char[] first = prompt.secret(users.text("users.prompt.new", roleName, name));
                char[] again = prompt.secret(users.text("users.prompt.again", roleName, name));
                boolean same = Arrays.equals(first, again);
                Arrays.fill(again, '\0');
                if (same) {
                    return first;
                }
                Arrays.fill(first, '\0');
                users.err().println(users.text("users.prompt.mismatch"));
            }
            throw new IllegalArgumentException(users.text("users.prompt.gaveUp"));
        }

        /// The district's centre when the store has an organisation; a placeholder until a district is imported.
        private static String defaultUnit(Database db) {
            return new DistrictRepository(db.dsl()).organisation().units().stream()
                    .filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE).map(Unit::id).findFirst()
                    .orElse("SYSTEM");
        }
    }

    /// `users add NAME --name TEXT --unit UNIT --as OPERATOR`: prints the initial password once.
    @Command(name = "add", mixinStandardHelpOptions = true)
    static final class Add extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Option(names = "--name", required = true, paramLabel = "TEXT", descriptionKey = "users.add.name")
        String displayName;

        @Option(names = "--unit", required = true, paramLabel = "UNIT", descriptionKey = "users.add.unit")
        String unit;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                String initial = store.accounts().newInitialPassword();
                store.accounts().add(operator, new NewAccount(username, displayName, unit, initial.toCharArray()));
                users.print("users.added", username);
                users.root.out().println(initial);
                return 0;
            });
        }
    }

    /// `users list --as OPERATOR`
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListAccounts extends OperatorCommand {
        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                for (AccountSummary a : store.accounts().list(operator)) {
                    users.root.out().printf(Locale.ROOT, "%-20s %-16s %-12s %-40s %s%s%n", a.username(), a.displayName(), a.unitId(),
                            a.roles(), a.enabled() ? "enabled" : "disabled",
                            a.lockedUntil() != null && a.lockedUntil().isAfter(java.time.Instant.now()) ? " locked" : "");
                }
                return 0;
            });
        }
    }

    /// `users lock NAME --as OPERATOR`: locked until unlocked.
    @Command(name = "lock", mixinStandardHelpOptions = true)
    static final class Lock extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                store.accounts().lock(operator, username);
                users.print("users.locked", username);
                return 0;
            });
        }
    }

    /// `users unlock NAME --as OPERATOR`
    @Command(name = "unlock", mixinStandardHelpOptions = true)
    static final class Unlock extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                store.accounts().unlock(operator, username);
                users.print("users.unlocked", username);
                return 0;
            });
        }
    }

    /// `users reset-password NAME --as OPERATOR`: prints the temporary password once.
    @Command(name = "reset-password", mixinStandardHelpOptions = true)
    static final class ResetPassword extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                String temporary = store.accounts().resetPassword(operator, username);
                users.print("users.reset", username);
                users.root.out().println(temporary);
                return 0;
            });
        }
    }

    /// `users roles NAME ROLE... --as OPERATOR`: replaces the account's roles.
    @Command(name = "roles", mixinStandardHelpOptions = true)
    static final class Roles extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "ROLE", descriptionKey = "users.roles.role")
        List<Role> roles;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                Set<Role> set = EnumSet.copyOf(roles);
                store.accounts().setRoles(operator, username, set);
                users.print("users.rolesSet", username, set);
                return 0;
            });
        }
    }

    /// `users enable NAME --as OPERATOR`
    @Command(name = "enable", mixinStandardHelpOptions = true)
    static final class Enable extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                store.accounts().setEnabled(operator, username, true);
                users.print("users.enabled", username);
                return 0;
            });
        }
    }

    /// `users disable NAME --as OPERATOR`
    @Command(name = "disable", mixinStandardHelpOptions = true)
    static final class Disable extends OperatorCommand {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.username")
        String username;

        @Override
        public Integer call() {
            return users.as(as, (store, operator) -> {
                store.accounts().setEnabled(operator, username, false);
                users.print("users.disabled", username);
                return 0;
            });
        }
    }
}
