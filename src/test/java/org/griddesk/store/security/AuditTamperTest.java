package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditChainStatus.Problem;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// What the database refuses (changing or deleting recent records, removing the head), and what
/// `verify` finds when someone with the power to drop the guard changes the log anyway.
class AuditTamperTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path temp;

    private AuditLog tenRecords(Database db) {
        AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
        for (int i = 1; i <= 10; i++) {
            log.record(AuditFixture.entry(T0.plus(Duration.ofMinutes(i)), "u-" + i, "坐席" + i, AuditAction.PERSONAL_DATA_REVEALED,
                    "2611-000" + i, AuditOutcome.SUCCESS, "回访核实"));
        }
        return log;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDatabaseRefusesToChangeOrDeleteRecentRecordsOrTheHead(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = tenRecords(db);
            DSLContext sql = db.dsl();
            assertThatThrownBy(() -> sql.execute("UPDATE audit_log SET detail = 'nothing' WHERE seq = 5"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("DELETE FROM audit_log WHERE seq = 5")).hasMessageContaining("180 days");
            assertThatThrownBy(() -> sql.execute("DELETE FROM audit_head")).hasMessageContaining("audit_head");
            assertThatThrownBy(() -> sql.execute("TRUNCATE TABLE audit_log")).as("truncate");
            assertThat(sql.fetchCount(org.griddesk.store.jooq.Tables.AUDIT_LOG)).isEqualTo(10);
            assertThat(log.verify().isIntact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRecordChangedBehindTheGuardIsNamed(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = tenRecords(db);
            dropGuard(db, kind);
            db.dsl().execute("UPDATE audit_log SET detail = '无' WHERE seq = 5");
            AuditChainStatus status = log.verify();
            assertThat(status.isIntact()).isFalse();
            assertThat(status.broken().seq()).isEqualTo(5);
            assertThat(status.broken().problem()).isEqualTo(Problem.HASH_MISMATCH);
            assertThat(status.broken().actor()).isEqualTo("坐席5 (u-5)");
            assertThat(status.broken().at()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
            assertThat(status.checked()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRecordWhoseHashWasForgedBreaksTheLinkOfTheNext(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = tenRecords(db);
            dropGuard(db, kind);
            var forged = log.records(5, 1).getFirst();
            var changed = new org.griddesk.security.AuditEntry(forged.at(), "u-5", "坐席5", forged.entry().from(),
                    forged.entry().action(), forged.entry().target(), forged.entry().outcome(), "无");
            db.dsl().execute("UPDATE audit_log SET detail = '无', hash = ? WHERE seq = 5",
                    org.griddesk.security.AuditChain.hash(5, changed, forged.prevHash()));
            AuditChainStatus status = log.verify();
            assertThat(status.broken().seq()).isEqualTo(6);
            assertThat(status.broken().problem()).isEqualTo(Problem.LINK_BROKEN);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRecordDeletedFromTheMiddleIsNamed(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = tenRecords(db);
            dropGuard(db, kind);
            db.dsl().execute("DELETE FROM audit_log WHERE seq = 4");
            AuditChainStatus middle = log.verify();
            assertThat(middle.broken().problem()).isEqualTo(Problem.GAP);
            assertThat(middle.broken().expectedSeq()).as("the missing record").isEqualTo(4);
            assertThat(middle.broken().seq()).as("the record after the hole").isEqualTo(5);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theNewestRecordsDeletedWithTheHeadMovedBackAreFound(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = tenRecords(db);
            dropGuard(db, kind);
            // records 9 and 10 deleted (the head's foreign key dropped too): the head still names 10
            db.dsl().execute("ALTER TABLE audit_head DROP CONSTRAINT fk_audit_head_last");
            db.dsl().execute("DELETE FROM audit_log WHERE seq >= 9");
            AuditChainStatus status = log.verify();
            assertThat(status.broken().problem()).isEqualTo(Problem.HEAD_MISMATCH);
            assertThat(status.broken().expectedSeq()).isEqualTo(9);
        }
    }

    /// As the database's owner (H2's administrator, PostgreSQL's superuser) can: the guard goes away.
    static void dropGuard(Database db, DatabaseKind kind) {
        db.dsl().execute(kind == DatabaseKind.H2 ? "DROP TRIGGER audit_log_guard" : "DROP TRIGGER audit_log_guard ON audit_log");
    }
}
