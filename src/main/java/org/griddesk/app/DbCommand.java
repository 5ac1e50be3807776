package org.griddesk.app;

import java.util.concurrent.Callable;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.MigrationReport;
import org.griddesk.store.ThreadGuard;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/// `griddesk db …`: administration of the store.
@Command(name = "db", mixinStandardHelpOptions = true, subcommands = {DbCommand.Migrate.class})
final class DbCommand extends CommandGroup {

    /// `griddesk db migrate`: brings the schema up to date and says where it stands.
    @Command(name = "migrate", mixinStandardHelpOptions = true)
    static final class Migrate implements Callable<Integer> {
        @ParentCommand
        DbCommand db;

        @Override
        public Integer call() {
            GridDeskCommand root = db.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            DatabaseSettings settings = boot.config().databaseSettings(boot.folder());
            try (Database database = Database.open(settings, ThreadGuard.NONE)) {
                MigrationReport report = database.migrate();
                root.out().println(root.messages().get("cli.migrate.done",
                        settings.kind(), settings.describeTarget(), report.schemaVersion(), report.applied()));
            }
            return 0;
        }
    }
}
