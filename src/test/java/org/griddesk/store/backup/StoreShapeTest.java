package org.griddesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A backup is looked at through H2's information schema before any of its tables is read: a file
/// made to run something when it is read (a view that writes a file) is refused and nothing of it runs.
class StoreShapeTest {
    @TempDir
    Path dir;

    @Test
    void aRealStorePassesAndACraftedOneIsRefusedBeforeAnythingOfItRuns() throws Exception {
        DatabaseSettings real = DatabaseSettings.embeddedH2(dir.resolve("real"));
        try (Database db = Database.open(real, ThreadGuard.NONE)) {
            db.migrate();
        }
        try (Connection c = DriverManager.getConnection(real.url(), real.user(), real.password())) {
            StoreShape.check(c, real.user()); // the migrated schema is what a GridDesk store looks like
        }

        Path marker = dir.resolve("pwned.txt");
        Path crafted = dir.resolve("crafted");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + crafted.resolve("griddesk"), real.user(), real.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"flyway_schema_history\"(\"installed_rank\" INT, \"version\" VARCHAR(50), \"success\" BOOLEAN)");
            s.execute("INSERT INTO \"flyway_schema_history\" VALUES (1, '30', TRUE)");
            s.execute("CREATE TABLE SYSTEM_PROPERTY(NAME VARCHAR(100))");
            s.execute("CREATE TABLE TICKET_EVENT(SEQ BIGINT)");
            s.execute("CREATE VIEW TICKET AS SELECT FILE_WRITE('written', '" + marker.toString().replace("'", "''") + "') AS ID");
            s.execute("CREATE USER EXTRA PASSWORD 'x'");
        }
        Path zip = dir.resolve("crafted.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("griddesk.mv.db"));
            out.write(Files.readAllBytes(crafted.resolve("griddesk.mv.db")));
            out.closeEntry();
        }
        assertThatThrownBy(() -> BackupCheck.check(zip, real.user(), real.password(), dir.resolve("scratch"), null))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("not shaped as a GridDesk store")
                .hasMessageContaining("TICKET is a view")
                .hasMessageContaining("account EXTRA")
                .hasMessageContaining("TICKET_EVENT_NO_UPDATE");
        assertThat(marker).as("the view was never read").doesNotExist();
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertThat(left).as("the scratch copy is removed").isEmpty();
        }
    }
}
