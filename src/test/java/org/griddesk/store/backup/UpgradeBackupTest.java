package org.griddesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A store made by an earlier version is backed up before its schema is brought up to date, and the
/// backup holds it as it was; a new store and an up-to-date one are not.
class UpgradeBackupTest {
    @TempDir
    Path temp;

    @Test
    void anEarlierVersionsStoreIsBackedUpBeforeItsMigrationsAndOnlyThen() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embeddedH2(temp.resolve("data"));
        Path backups = temp.resolve("data").resolve("backups");
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            // as version N left it: the schema up to V29
            Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration", "classpath:db/vendor/h2",
                    "classpath:org/griddesk/store/migration").target("29").load().migrate();
            assertThat(db.backupsFolder()).contains(backups.toAbsolutePath());
            db.migrate();
        }
        Path backup;
        try (Stream<Path> files = Files.list(backups)) {
            backup = files.filter(p -> p.getFileName().toString().contains("-before-V")).findFirst().orElseThrow();
        }
        assertThat(BackupCheck.check(backup, "griddesk", "", temp, null).schemaVersion()).as("the store as it was").isEqualTo("29");

        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            db.migrate();
        }
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files).as("nothing to migrate: no backup").hasSize(1);
        }
        DatabaseSettings fresh = DatabaseSettings.embeddedH2(temp.resolve("new"));
        try (Database db = Database.open(fresh, ThreadGuard.NONE)) {
            db.migrate();
        }
        assertThat(temp.resolve("new").resolve("backups")).as("a new store has nothing to lose").doesNotExist();
    }
}
