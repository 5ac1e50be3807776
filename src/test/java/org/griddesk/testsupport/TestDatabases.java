package org.griddesk.testsupport;

import java.nio.file.Path;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;

/// Fresh, empty stores of either kind for tier-2 tests: an H2 file in a temp folder, or a new
/// database on the shared [EmbeddedPostgresServer].
public final class TestDatabases {
    private TestDatabases() {
    }

    public static DatabaseSettings freshSettings(DatabaseKind kind, Path tempDir) {
        return switch (kind) {
            case H2 -> DatabaseSettings.embeddedH2(tempDir);
            case POSTGRESQL -> new DatabaseSettings(EmbeddedPostgresServer.shared().createDatabase("griddesk_test"),
                    "postgres", "");
        };
    }

    /// Opens a fresh store of the kind, migrates it to the current schema and gives it the test run's data key.
    public static Database freshMigrated(DatabaseKind kind, Path tempDir) {
        Database database = Database.open(freshSettings(kind, tempDir), ThreadGuard.NONE);
        database.migrate();
        TestDataKeys.attach(database);
        return database;
    }
}
