package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migratesAnEmptyStoreOnceAndThenHasNothingToDo(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), ThreadGuard.NONE)) {
            MigrationReport first = db.migrate();
            MigrationReport second = db.migrate();

            assertThat(first.applied()).isGreaterThanOrEqualTo(1);
            assertThat(second.applied()).isZero();
            assertThat(second.schemaVersion()).isEqualTo(first.schemaVersion());
            assertThat(db.kind()).isEqualTo(kind);
            assertThat(db.isReachable(Duration.ofSeconds(2))).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void refusesConnectionsOnAForbiddenThread(DatabaseKind kind) {
        AtomicBoolean onUiThread = new AtomicBoolean(false);
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), onUiThread::get)) {
            db.migrate();
            onUiThread.set(true);
            assertThatThrownBy(() -> db.dsl().selectOne().fetch())
                    .isInstanceOf(ForbiddenThreadException.class);
            assertThat(db.isReachable(Duration.ofSeconds(1))).as("a health check on the UI thread is refused too").isFalse();
            onUiThread.set(false);
            assertThat(db.dsl().selectOne().fetchOne(0, Integer.class)).isEqualTo(1);
        }
    }

    @Test
    void anEmbeddedStoreClosesWithoutCompactingItsFileAndAUrlMayStillAskForIt() {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(temp), ThreadGuard.NONE)) {
            assertThat(maxCompactTime(db)).isEqualTo("0");
        }
        DatabaseSettings asked = new DatabaseSettings("jdbc:h2:file:" + temp.resolve("other").toAbsolutePath().toString().replace('\\', '/')
                + ";MAX_COMPACT_TIME=500", "griddesk", "");
        try (Database db = Database.open(asked, ThreadGuard.NONE)) {
            assertThat(maxCompactTime(db)).isEqualTo("500");
        }
    }

    @Test
    void anEmbeddedStoreCachesAQuarterOfTheHeapWithinBoundsAndAUrlMaySetItsOwn() {
        assertThat(Database.h2CacheKilobytes(8L << 30)).as("8 GB heap: capped at 512 MB").isEqualTo(512 * 1024);
        assertThat(Database.h2CacheKilobytes(1L << 30)).as("1 GB heap: a quarter").isEqualTo(256 * 1024);
        assertThat(Database.h2CacheKilobytes(128L << 20)).as("a small heap keeps H2's own 64 MB").isEqualTo(64 * 1024);
        try (Database db = Database.open(DatabaseSettings.embeddedH2(temp), ThreadGuard.NONE)) {
            assertThat(setting(db, "CACHE_SIZE")).isEqualTo(Long.toString(Database.h2CacheKilobytes(Runtime.getRuntime().maxMemory())));
        }
        DatabaseSettings asked = new DatabaseSettings("jdbc:h2:file:" + temp.resolve("small").toAbsolutePath().toString().replace('\\', '/')
                + ";CACHE_SIZE=8192", "griddesk", "");
        try (Database db = Database.open(asked, ThreadGuard.NONE)) {
            assertThat(setting(db, "CACHE_SIZE")).isEqualTo("8192");
        }
    }

    private static String maxCompactTime(Database db) {
        return setting(db, "MAX_COMPACT_TIME");
    }

    /// An H2 setting's value (a setting the URL made is listed twice, alike).
    private static String setting(Database db, String name) {
        return db.dsl().fetch("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?", name)
                .getFirst().get(0, String.class);
    }

    /// Commits reach the file by a checkpoint after each (CommitDurabilityTest), not by H2's
    /// WRITE_DELAY=0: that would stop H2's background writer, the one that rewrites sparse chunks,
    /// and a first start's file grew nearly four times as large. A URL that sets it is the user's choice.
    @Test
    void anEmbeddedStoreKeepsH2sWriteDelayAndAUrlMaySetIt() {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(temp), ThreadGuard.NONE)) {
            assertThat(setting(db, "WRITE_DELAY")).isEqualTo("500");
        }
        DatabaseSettings asked = new DatabaseSettings("jdbc:h2:file:" + temp.resolve("other").toAbsolutePath().toString().replace('\\', '/')
                + ";WRITE_DELAY=0", "griddesk", "");
        assertThat(asked.urlSetsH2("write_delay")).isTrue();
        try (Database db = Database.open(asked, ThreadGuard.NONE)) {
            assertThat(setting(db, "WRITE_DELAY")).isEqualTo("0");
        }
    }

    /// H2 lets administrators only write checkpoints: a store opened by another user still works,
    /// with commits written as H2 writes them (and a warning in the log).
    @Test
    void anH2UserWhoMayNotWriteCheckpointsStillGetsAStore() {
        DatabaseSettings owner = DatabaseSettings.embeddedH2(temp);
        try (Database db = Database.open(owner, ThreadGuard.NONE)) {
            db.migrate();
            db.dsl().execute("CREATE USER clerk PASSWORD 'clerk'");
            db.dsl().execute("GRANT SELECT, INSERT, UPDATE ON system_property TO clerk");
        }
        try (Database db = Database.open(new DatabaseSettings(owner.url(), "clerk", "clerk"), ThreadGuard.NONE)) {
            new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).put("clerk.was.here", "yes");
            assertThat(new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).find("clerk.was.here")).isPresent();
        }
    }

    @Test
    void openingOnAForbiddenThreadFailsBeforeAnyConnection() {
        assertThatThrownBy(() -> Database.open(DatabaseSettings.embeddedH2(temp), () -> true))
                .isInstanceOf(ForbiddenThreadException.class);
        assertThat(temp.resolve("db")).doesNotExist();
    }

    @Test
    void aStoreOnADeadServerIsReportedUnreachableNotHung() {
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "x", "y");
        assertThatThrownBy(() -> Database.open(nowhere, ThreadGuard.NONE)).isInstanceOf(RuntimeException.class);
    }
}
