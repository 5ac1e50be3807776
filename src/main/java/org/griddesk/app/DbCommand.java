package org.griddesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.griddesk.desk.BackupAge;
import org.griddesk.security.DataKeyFile;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.MigrationReport;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.backup.BackupCheck;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.backup.BackupRefused;
import org.griddesk.store.backup.StoreBackup;
import org.griddesk.store.backup.StoreRestore;
import org.griddesk.store.backup.StoreTransfer;
import org.griddesk.ui.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk db …`: administration of the store — its schema, and the backups of an embedded one and its
/// export and import across H2 file formats.
@Command(name = "db", mixinStandardHelpOptions = true,
        subcommands = {DbCommand.Migrate.class, DbCommand.Backup.class, DbCommand.Restore.class, DbCommand.Backups.class,
                DbCommand.Export.class, DbCommand.Import.class})
final class DbCommand extends CommandGroup {

    private Bootstrap boot() {
        return root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
    }

    private BackupFolder backups(Bootstrap boot) {
        return new BackupFolder(boot.config().backups().folderIn(boot.folder()), Clock.systemUTC(), ZoneId.systemDefault());
    }

    private Locale locale() {
        return root.messages().language() == Language.EN ? Locale.ENGLISH : Locale.CHINESE;
    }

    /// `griddesk db migrate`: brings the schema up to date and says where it stands.
    @Command(name = "migrate", mixinStandardHelpOptions = true)
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            GridDeskCommand root = db.root;
            Bootstrap boot = db.boot();
            DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
            try (Database database = Database.open(settings, ThreadGuard.NONE)) {
                MigrationReport report = database.migrate();
                root.out().println(root.messages().get("cli.migrate.done",
                        settings.kind(), settings.describeTarget(), report.schemaVersion(), report.applied()));
            }
            return 0;
        }
    }

    /// `griddesk db backup [--out FILE]`: a consistent copy of the embedded store, taken by the desk or
    /// gateway that holds it open when one runs (through its control socket), else here; then checked.
    @Command(name = "backup", mixinStandardHelpOptions = true)
    static final class Backup implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "db.backup.out")
        Path out;

        @Override
        public Integer call() {
            GridDeskCommand root = db.root;
            Bootstrap boot = db.boot();
            DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
            BackupFolder folder = db.backups(boot);
            Path target = out == null ? folder.nextManual() : out.toAbsolutePath();
            if (settings.isNewEmbeddedFile()) {
                db.err().println(db.locale() == Locale.ENGLISH ? "there is no store in " + boot.folder().root() + ": nothing to back up"
                        : boot.folder().root() + " 中没有数据库，无可备份");
                return 1;
            }
            if (Files.exists(target)) {
                db.err().println(db.locale() == Locale.ENGLISH ? target + " exists already: name another file (nothing was replaced)"
                        : target + " 已存在：请换一个文件名（未覆盖任何文件）");
                return 1;
            }
            try {
                Optional<BackupRequest.Reply> running = askRunning(settings, target);
                if (running.isEmpty()) {
                    try (Database store = Database.open(settings, ThreadGuard.NONE)) {
                        StoreBackup.write(store, target);
                    }
                } else if (running.get().file() == null) {
                    db.err().println(db.locale() == Locale.ENGLISH ? running.get().errorEn() : running.get().errorZh());
                    return 1;
                }
                BackupCheck.Summary checked;
                try {
                    checked = BackupCheck.check(target, settings.user(), settings.password(), target.getParent(), null);
                } catch (BackupRefused unsound) {
                    Files.deleteIfExists(target); // a backup that does not pass its check is not left to look like one
                    throw unsound;
                }
                root.out().println(root.messages().get("cli.backup.done", target, Files.size(target) / 1024,
                        checked.schemaVersion(), checked.tickets(), running.isPresent() ? root.messages().get("cli.backup.byRunning") : ""));
                return 0;
            } catch (BackupRefused refused) {
                db.err().println(refused.message(db.locale()));
                return 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Optional<BackupRequest.Reply> askRunning(DatabaseSettings settings, Path target) throws IOException {
            Optional<Path> control = StoreControl.socketOf(settings);
            return control.isEmpty() ? Optional.empty()
                    : StoreControl.ask(control.get(), new BackupRequest(target.toString()), BackupRequest.Reply.class);
        }
    }

    /// `griddesk db restore FILE`: puts a checked backup in place of the embedded store, keeping the
    /// one it replaces; refused while a desk or gateway runs on the store.
    @Command(name = "restore", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Parameters(paramLabel = "FILE", descriptionKey = "db.restore.file")
        Path file;

        @Override
        public Integer call() {
            GridDeskCommand root = db.root;
            Bootstrap boot = db.boot();
            DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
            try {
                StoreRestore.Restored restored = StoreRestore.restore(settings, file.toAbsolutePath(), Clock.systemUTC());
                root.out().println(restored.keptStore() == null
                        ? root.messages().get("cli.restore.doneNew", file, restored.backup().schemaVersion(), restored.backup().tickets())
                        : root.messages().get("cli.restore.done", file, restored.backup().schemaVersion(), restored.backup().tickets(),
                        restored.keptStore()));
                DataKeyFile keyFile = DataKeyFile.in(boot.folder().root());
                if (!keyFile.exists()) {
                    // a backup holds no key: a store restored on another PC shows no personal data without it
                    root.out().println(root.messages().get("cli.restore.noKey", keyFile.path()));
                } else {
                    sealedWithOtherKeys(settings, keyFile).forEach((id, rows) ->
                            root.out().println(root.messages().get("cli.restore.otherKey", rows, id, keyFile.path())));
                }
                return 0;
            } catch (BackupRefused refused) {
                db.err().println(refused.message(db.locale()));
                return 1;
            }
        }
    }

    /// `griddesk db backups`: the backups in the backups folder, newest first, with their age and size.
    @Command(name = "backups", mixinStandardHelpOptions = true)
    static final class Backups implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() throws IOException {
            GridDeskCommand root = db.root;
            BackupFolder folder = db.backups(db.boot());
            var all = folder.list();
            root.out().println(root.messages().get("cli.backups.folder", folder.path(), all.size()));
            for (BackupFolder.Backup b : all) {
                root.out().println(root.messages().get("cli.backups.line", b.file().getFileName(), Files.size(b.file()) / 1024,
                        BackupAge.words(Duration.between(b.takenAt(), java.time.Instant.now()), root.messages().language()),
                        root.messages().get("cli.backups." + b.kind().name().toLowerCase(Locale.ROOT))));
            }
            return 0;
        }
    }

    /// `griddesk db export --out FILE`: the whole embedded store as H2's SQL script, for a newer H2 to import
    /// when the store's file format changes ([StoreTransfer]); refused while a desk or gateway runs on it.
    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Option(names = "--out", paramLabel = "FILE", required = true, descriptionKey = "db.export.out")
        Path out;

        @Override
        public Integer call() throws IOException {
            GridDeskCommand root = db.root;
            Bootstrap boot = db.boot();
            try {
                StoreTransfer.Transferred done = StoreTransfer.export(boot.config().databaseSettings(boot.folder()), out.toAbsolutePath());
                root.out().println(root.messages().get("cli.export.done", done.file(), Files.size(done.file()) / 1024,
                        done.schemaVersion(), done.tickets()));
                return 0;
            } catch (BackupRefused refused) {
                db.err().println(refused.message(db.locale()));
                return 1;
            }
        }
    }

    /// `griddesk db import FILE`: builds the embedded store from an export, where there is none yet.
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Parameters(paramLabel = "FILE", descriptionKey = "db.import.file")
        Path file;

        @Override
        public Integer call() {
            GridDeskCommand root = db.root;
            Bootstrap boot = db.boot();
            try {
                StoreTransfer.Transferred done = StoreTransfer.importInto(boot.config().databaseSettings(boot.folder()), file.toAbsolutePath());
                root.out().println(root.messages().get("cli.import.done", file, done.file(), done.schemaVersion(), done.tickets()));
                return 0;
            } catch (BackupRefused refused) {
                db.err().println(refused.message(db.locale()));
                return 1;
            }
        }
    }

    /// The data keys the restored store's personal data is sealed with that this data folder does
    /// not have, with how many rows each seals (a backup of another desk's store); empty when the
    /// store cannot be read that way yet (an older schema the next start upgrades).
    static java.util.Map<String, Integer> sealedWithOtherKeys(DatabaseSettings settings, DataKeyFile keyFile) {
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            var ring = keyFile.read();
            java.util.Map<String, Integer> other = new java.util.TreeMap<>();
            org.griddesk.store.PersonalDataSweep.rowsPerKey(db.dsl()).forEach((id, rows) -> {
                if (!id.equals("-") && ring.find(id).isEmpty()) {
                    other.put(id, rows);
                }
            });
            return other;
        } catch (IOException | RuntimeException unreadable) {
            org.slf4j.LoggerFactory.getLogger(DbCommand.class).info("keys of the restored store not compared", unreadable);
            return java.util.Map.of();
        }
    }
}
