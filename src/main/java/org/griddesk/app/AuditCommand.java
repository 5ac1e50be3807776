package org.griddesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AccountTexts;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditPage;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRefused;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.AuditWords;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk audit …`: check the audit log's hash chain; list, export and purge it as the audit
/// administrator.
@Command(name = "audit", mixinStandardHelpOptions = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListRecords.class, AuditCommand.Export.class, AuditCommand.Purge.class})
final class AuditCommand extends CommandGroup {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SHANGHAI);
    /// exit code of a broken chain, and of a refusal
    static final int BROKEN = 3;

    /// Runs `work` on the configured store's audit log.
    <T> T withLog(java.util.function.BiFunction<Database, AuditLog, T> work) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            db.migrate();
            return work.apply(db, AuditSinks.of(db));
        }
    }

    AuditWords words() {
        return AuditWords.of(root.messages().language());
    }

    /// Signs `username` in through the store's accounts (password, and code when the account has
    /// one), does `work` as them and signs out; a refusal is printed and answered with [#BROKEN].
    int as(String username, java.util.function.BiFunction<AuditLog, Session, Integer> work) {
        return withLog((db, log) -> {
            AccountService accounts = new AccountService(db.dsl(), Clock.systemUTC(), log);
            Session session;
            try {
                session = OperatorSignIn.of(accounts, err(), root.messages().language()).signIn(username);
            } catch (AccountRefused e) {
                err().println(new AccountTexts(root.messages().language().locale()).of(e));
                return BROKEN;
            }
            try {
                return work.apply(log, session);
            } catch (AuditRefused e) {
                err().println(words().text("audit.cli.refused", words().refusal(e)));
                return BROKEN;
            } finally {
                accounts.signOut(session);
            }
        });
    }

    PrintWriter out() {
        return root.out();
    }

    /// The filters shared by list and export; dates are days in Asia/Shanghai, both ends included.
    static final class Filters {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", descriptionKey = "audit.from")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", descriptionKey = "audit.to")
        LocalDate to;
        @Option(names = "--actor", paramLabel = "TEXT", descriptionKey = "audit.actor")
        String actor;
        @Option(names = "--action", paramLabel = "ACTION", descriptionKey = "audit.action")
        AuditAction action;
        @Option(names = "--outcome", paramLabel = "OUTCOME", descriptionKey = "audit.outcome")
        AuditOutcome outcome;
        @Option(names = "--text", paramLabel = "TEXT", descriptionKey = "audit.text")
        String text;

        AuditQuery query() {
            Instant start = from == null ? null : from.atStartOfDay(SHANGHAI).toInstant();
            Instant end = to == null ? null : to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
            return new AuditQuery(start, end, actor, action, outcome, text);
        }
    }

    /// `audit verify`: 0 when the chain is intact, [#BROKEN] and the first broken record otherwise.
    @Command(name = "verify", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;

        @Override
        public Integer call() {
            AuditChainStatus status = audit.withLog((db, log) -> log.verify());
            AuditWords words = audit.words();
            if (status.isIntact()) {
                audit.out().println(status.checked() == 0 ? words.text("audit.cli.empty")
                        : words.text("audit.cli.intact", status.checked(), status.firstSeq(), status.lastSeq()));
                return 0;
            }
            AuditChainStatus.Break b = status.broken();
            audit.err().println(words.text("audit.cli.broken", Long.toString(b.seq()), b.at() == null ? "-" : TIME.format(b.at()),
                    b.actor() == null ? "-" : b.actor(), words.text("audit.problem." + b.problem().name(), Long.toString(b.expectedSeq()))));
            return BROKEN;
        }
    }

    /// `audit list --as NAME [filters] [--page N] [--size N]`: a page of records, newest first.
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListRecords implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;
        @Option(names = "--as", required = true, paramLabel = "NAME", descriptionKey = "audit.as")
        String username;
        @Mixin
        Filters filters = new Filters();
        @Option(names = "--page", paramLabel = "N", descriptionKey = "audit.page")
        int page = 1;
        @Option(names = "--size", paramLabel = "N", descriptionKey = "audit.size")
        int size = 50;

        @Override
        public Integer call() {
            AuditQuery query = filters.query();
            AuditWords words = audit.words();
            return audit.as(username, (log, session) -> {
                AuditPage found = log.query(session, query, page - 1, size);
                for (AuditRecord r : found.records()) {
                    audit.out().printf("%6d  %s  %s  %s/%s  %s  %s  %s  %s%n", r.seq(), TIME.format(r.at()), r.actor(),
                            r.entry().from().host(), r.entry().from().address(), words.action(r.entry().action()), r.entry().target(),
                            words.outcome(r.entry().outcome()), r.entry().detail().replace('\n', ' '));
                }
                audit.out().println(words.text("audit.cli.listed", page, found.pages(), found.total()));
                return 0;
            });
        }
    }

    /// `audit export --as NAME --out FILE [filters]`: CSV, UTF-8 with BOM, oldest first.
    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;
        @Option(names = "--as", required = true, paramLabel = "NAME", descriptionKey = "audit.as")
        String username;
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "audit.out")
        Path out;
        @Mixin
        Filters filters = new Filters();

        @Override
        public Integer call() {
            AuditQuery query = filters.query();
            AuditWords words = audit.words();
            return audit.as(username, (log, session) -> {
                long rows = log.export(session, query, out, words);
                audit.out().println(words.text("audit.cli.exported", rows, out.toAbsolutePath()));
                return 0;
            });
        }
    }

    /// `audit purge --as NAME`: deletes the records older than the retention.
    @Command(name = "purge", mixinStandardHelpOptions = true)
    static final class Purge implements Callable<Integer> {
        @ParentCommand
        AuditCommand audit;
        @Option(names = "--as", required = true, paramLabel = "NAME", descriptionKey = "audit.as")
        String username;

        @Override
        public Integer call() {
            AuditWords words = audit.words();
            return audit.as(username, (log, session) -> {
                int deleted = log.purge(session, Instant.now());
                audit.out().println(words.text("audit.cli.purged", deleted, log.retention().days()));
                return 0;
            });
        }
    }
}
