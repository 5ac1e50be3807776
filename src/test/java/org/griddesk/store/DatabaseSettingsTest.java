package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void embeddedH2LivesInTheDataFolder() {
        DatabaseSettings s = DatabaseSettings.embeddedH2(Path.of("/data/griddesk"));
        assertThat(s.kind()).isEqualTo(DatabaseKind.H2);
        assertThat(s.url()).startsWith("jdbc:h2:file:/data/griddesk/db/griddesk");
        assertThat(s.describeTarget()).isEqualTo("file:/data/griddesk/db/griddesk");
    }

    @Test
    void anEmbeddedStoreIsNewUntilItsFileExists(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        DatabaseSettings s = DatabaseSettings.embeddedH2(folder);
        assertThat(s.isNewEmbeddedFile()).isTrue();
        try (Database db = Database.open(s, ThreadGuard.NONE)) {
            db.migrate();
        }
        assertThat(folder.resolve("db/griddesk.mv.db")).exists();
        assertThat(s.isNewEmbeddedFile()).isFalse();
        assertThat(new DatabaseSettings("jdbc:h2:mem:x", "", "").isNewEmbeddedFile()).isFalse();
        assertThat(new DatabaseSettings("jdbc:postgresql://db1/griddesk", "u", "").isNewEmbeddedFile()).isFalse();
    }

    @Test
    void postgresTargetIsShownWithoutCredentials() {
        DatabaseSettings s = new DatabaseSettings(
                "jdbc:postgresql://db1:5432,db2:5432/griddesk?targetServerType=primary&password=secret", "desk01", "pw");
        assertThat(s.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(s.describeTarget()).isEqualTo("db1:5432,db2:5432/griddesk");
        assertThat(s.toString()).doesNotContain("secret").doesNotContain("pw]");
    }

    @Test
    void anH2UrlsOwnSettingsAreToldApartFromItsPath() {
        DatabaseSettings s = new DatabaseSettings("jdbc:h2:file:/data/write_delay/db;MAX_COMPACT_TIME=500; Write_Delay = 0", "", "");
        assertThat(s.urlSetsH2("WRITE_DELAY")).isTrue();
        assertThat(s.urlSetsH2("MAX_COMPACT_TIME")).isTrue();
        assertThat(DatabaseSettings.embeddedH2(Path.of("/data/write_delay")).urlSetsH2("WRITE_DELAY")).isFalse();
        assertThat(new DatabaseSettings("jdbc:postgresql://db/WRITE_DELAY", "", "").urlSetsH2("WRITE_DELAY")).isFalse();
    }

    @Test
    void commitsSurviveTheProcessUnlessPowerCutsAreAsked() {
        assertThat(DatabaseSettings.embeddedH2(Path.of("/d")).durability()).isEqualTo(CommitDurability.PROCESS);
        DatabaseSettings power = DatabaseSettings.embeddedH2(Path.of("/d")).withDurability(CommitDurability.POWER);
        assertThat(power.durability()).isEqualTo(CommitDurability.POWER);
        assertThat(power.toString()).contains("durability=power");
    }

    @Test
    void otherDatabasesAreRefusedWithAClearMessage() {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://x/y", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://");
    }
}
