package org.griddesk.app;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.griddesk.store.security.WorkerTokenService.IssuedToken;
import org.griddesk.store.security.WorkerTokenService.WorkerToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/// `griddesk users token …`: grid workers' personal tokens for the 网格通 app (system administrator).
@Command(name = "token", mixinStandardHelpOptions = true,
        subcommands = {WorkerTokenCommand.Issue.class, WorkerTokenCommand.ListTokens.class, WorkerTokenCommand.Revoke.class,
                WorkerTokenCommand.Link.class})
final class WorkerTokenCommand implements Runnable {
    @ParentCommand
    UsersCommand users;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class TokenOperation implements Callable<Integer> {
        @ParentCommand
        WorkerTokenCommand token;

        @Option(names = "--as", required = true, paramLabel = "NAME", descriptionKey = "users.as")
        String as;
    }

    /// `users token issue NAME [--days N] [--label TEXT] --as OPERATOR`: prints the token once.
    @Command(name = "issue", mixinStandardHelpOptions = true)
    static final class Issue extends TokenOperation {
        @Parameters(paramLabel = "NAME", descriptionKey = "users.token.worker")
        String worker;

        @Option(names = "--days", paramLabel = "N", descriptionKey = "users.token.days")
        int days = 90;

        @Option(names = "--label", paramLabel = "TEXT", descriptionKey = "users.token.label")
        String label = "网格通";

        @Override
        public Integer call() {
            UsersCommand users = token.users;
            return users.as(as, (store, operator) -> {
                IssuedToken issued = store.tokens().issue(operator, worker, label, days);
                users.print("users.token.issued", Long.toString(issued.id()), issued.username(),
                        AuditCommand.TIME.format(issued.expiresAt()));
                users.root.out().println(issued.token());
                return 0;
            });
        }
    }

    /// `users token list --as OPERATOR`
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListTokens extends TokenOperation {
        @Override
        public Integer call() {
            UsersCommand users = token.users;
            return users.as(as, (store, operator) -> {
                java.time.Instant now = java.time.Instant.now();
                for (WorkerToken t : store.tokens().list(operator)) {
                    String state = t.revokedAt() != null ? users.text("users.token.revokedAt", AuditCommand.TIME.format(t.revokedAt()))
                            : users.text(t.activeAt(now) ? "users.token.active" : "users.token.expired");
                    users.root.out().printf(Locale.ROOT, "%4d  %-20s  %-20s  %s  %s%n", t.id(), t.username(), t.label(),
                            AuditCommand.TIME.format(t.expiresAt()), state);
                }
                return 0;
            });
        }
    }

    /// `users token revoke ID --as OPERATOR`
    /// `users token link NAME WORKER_ID --as OPERATOR`: the worker in a grid's post the account is.
    @Command(name = "link", mixinStandardHelpOptions = true)
    static final class Link extends TokenOperation {
        @Parameters(index = "0", paramLabel = "NAME", descriptionKey = "users.token.worker")
        String worker;

        @Parameters(index = "1", paramLabel = "WORKER_ID", descriptionKey = "visits.users.token.workerId")
        String workerId;

        @Override
        public Integer call() {
            UsersCommand users = token.users;
            return users.as(as, (store, operator) -> {
                String grid = store.tokens().linkPost(operator, worker, workerId);
                users.print("visits.users.token.linked", worker, workerId, grid);
                return 0;
            });
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true)
    static final class Revoke extends TokenOperation {
        @Parameters(paramLabel = "ID", descriptionKey = "users.token.id")
        long id;

        @Override
        public Integer call() {
            UsersCommand users = token.users;
            return users.as(as, (store, operator) -> {
                store.tokens().revoke(operator, id);
                users.print("users.token.revoked", Long.toString(id));
                return 0;
            });
        }
    }
}
