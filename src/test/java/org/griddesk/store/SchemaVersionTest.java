package org.griddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.griddesk.testsupport.LogCapture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// A command that only reads skips Flyway on a current store, and on no other.
class SchemaVersionTest {
    @TempDir
    Path temp;

    @Test
    void versionsCompareAsFlywayNumbersThem() {
        assertThat(SchemaVersion.parse("20_1")).isEqualTo(SchemaVersion.parse("20.1")).isGreaterThan(SchemaVersion.parse("20"))
                .isLessThan(SchemaVersion.parse("21"));
        assertThat(SchemaVersion.parse("9")).isLessThan(SchemaVersion.parse("10"));
        assertThat(SchemaVersion.parse("20.0")).isEqualTo(SchemaVersion.parse("20")).hasSameHashCodeAs(SchemaVersion.parse("20"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theLatestVersionFoundFromTheMigrationsNamesIsFlywaysOwn(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), ThreadGuard.NONE)) {
            MigrationReport report = db.migrate();
            assertThat(SchemaVersion.latestKnown(kind)).contains(SchemaVersion.parse(report.schemaVersion()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStoreIsMigratedUnlessItIsCurrentAndThenFlywayIsNotStarted(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), ThreadGuard.NONE)) {
            try (LogCapture log = new LogCapture(Database.class.getName())) {
                db.migrateUnlessCurrent();
                assertThat(log.lines()).as("an empty store goes through Flyway").noneMatch(l -> l.endsWith(": current"))
                        .anyMatch(l -> l.contains("migrations applied"));
            }
            assertThat(db.migrate().applied()).as("nothing left to apply").isZero();
            try (LogCapture log = new LogCapture(Database.class.getName())) {
                db.migrateUnlessCurrent();
                assertThat(log.lines()).anyMatch(l -> l.endsWith(": current")).noneMatch(l -> l.contains("migrations applied"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aStoreBehindThisBuildIsMigrated(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.freshSettings(kind, temp), ThreadGuard.NONE)) {
            Flyway.configure().dataSource(db.dataSource())
                    .locations("classpath:db/migration", "classpath:db/vendor/" + kind.vendorFolder(), "classpath:org/griddesk/store/migration")
                    .target("10").load().migrate();
            db.migrateUnlessCurrent();
            assertThat(db.migrate().applied()).isZero();
        }
    }
}
