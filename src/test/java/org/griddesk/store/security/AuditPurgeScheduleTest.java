package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditPurgeScheduleTest {
    @TempDir
    Path temp;

    @Test
    void theScheduledPurgeRemovesExpiredRecordsAndStopsWhenClosed() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            log.record(AuditFixture.signIn(Instant.now().minus(Duration.ofDays(400)), "u-1", "甲"));
            log.record(AuditFixture.signIn(Instant.now(), "u-2", "乙"));
            try (AuditPurgeSchedule schedule = AuditPurgeSchedule.every(log, Clock.systemUTC(), Duration.ofMillis(10), Duration.ofMillis(50))) {
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (log.records(0, 10).getFirst().seq() == 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            }
            Thread.sleep(100);
            long purges = log.records(0, 100).stream().filter(r -> r.entry().action() == AuditAction.AUDIT_PURGED).count();
            Thread.sleep(200);
            assertThat(log.records(0, 100).stream().filter(r -> r.entry().action() == AuditAction.AUDIT_PURGED).count())
                    .as("no run after close").isEqualTo(purges);
            assertThat(log.records(0, 100)).extracting(AuditRecord::seq).startsWith(2L);
            assertThat(log.verify().isIntact()).isTrue();
        }
    }
}
