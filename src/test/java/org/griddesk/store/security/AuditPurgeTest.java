package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChainStatus.Problem;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditQuery;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRefused;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Records older than the retention (never less than 180 days) are purged; the chain still verifies
/// from the anchor the purge leaves.
class AuditPurgeTest {
    @TempDir
    Path temp;

    private static Instant daysAgo(long days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private static void write(AuditLog log, long... daysAgo) {
        for (long d : daysAgo) {
            log.record(AuditFixture.signIn(daysAgo(d), "u-" + d, d + " 天前"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void recordsOlderThanTheRetentionArePurgedAndTheRestStillVerifies(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            // times need not rise with seq: record 3 is old but follows a recent one and stays with it
            write(log, 400, 300, 200, 10, 250, 1);
            int deleted = log.purge(AuditFixture.auditAdmin(db.dsl()), Instant.now());
            assertThat(deleted).isEqualTo(3);
            assertThat(log.records(0, 100)).extracting(AuditRecord::seq).containsExactly(4L, 5L, 6L, 7L);
            AuditRecord purge = log.records(7, 1).getFirst();
            assertThat(purge.entry().action()).isEqualTo(AuditAction.AUDIT_PURGED);
            assertThat(purge.entry().actorId()).isEqualTo("u-audit_admin");
            assertThat(purge.entry().detail()).contains("deleted=3", "retentionDays=180", "anchorSeq=3");
            var status = log.verify();
            assertThat(status.broken()).isNull();
            assertThat(status.firstSeq()).isEqualTo(4);
            assertThat(status.checked()).isEqualTo(4);

            write(log, 5);
            assertThat(log.purge(AuditFixture.auditAdmin(db.dsl()), Instant.now())).as("nothing older left before a recent one").isZero();
            assertThat(log.verify().isIntact()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aLongerRetentionKeepsMoreAndTheFloorCannotBeLowered(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), new AuditRetention(365));
            write(log, 400, 300, 200, 1);
            assertThat(log.purgeExpired(Instant.now())).isEqualTo(1);
            assertThat(log.records(0, 100)).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L, 5L);
            assertThat(log.records(5, 1).getFirst().entry().actorId()).isEqualTo("griddesk");
            assertThat(log.verify().isIntact()).isTrue();
            assertThatThrownBy(() -> new AuditRetention(90)).hasMessageContaining("180");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyTheAuditAdministratorPurgesAndARefusalIsRecorded(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            write(log, 400, 1);
            assertThatThrownBy(() -> log.purge(AuditFixture.session(db.dsl(), Role.SYSTEM_ADMIN), Instant.now()))
                    .isInstanceOf(AuditRefused.class);
            var page = log.query(AuditFixture.auditAdmin(db.dsl()), AuditQuery.all().withOutcome(AuditOutcome.REFUSED), 0, 10);
            assertThat(page.records()).singleElement().satisfies(r -> {
                assertThat(r.entry().action()).isEqualTo(AuditAction.AUDIT_PURGED);
                assertThat(r.entry().actorId()).isEqualTo("u-system_admin");
            });
            assertThat(log.records(0, 100)).hasSize(4).first().extracting(AuditRecord::seq).isEqualTo(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void oldRecordsDeletedOutsideThePurgeShowAsAGap(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            write(log, 400, 300, 1);
            assertThat(db.dsl().execute("DELETE FROM audit_log WHERE seq = 1")).as("the guard lets records past 180 days go").isEqualTo(1);
            var status = log.verify();
            assertThat(status.broken().problem()).isEqualTo(Problem.GAP);
            assertThat(status.broken().expectedSeq()).isEqualTo(1);
        }
    }
}
