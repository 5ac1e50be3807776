package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.AUDIT_LOG;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChain;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRecord;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Appending to the audit log, on H2 and PostgreSQL: each record links to the one before, many
/// writers at once form one chain, and a record written in a caller's transaction goes with it.
class AuditLogTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachRecordCarriesTheHashOfTheOneBefore(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            assertThat(log.verify().isIntact()).as("an empty log is intact").isTrue();
            log.record(AuditFixture.signIn(T0.plusNanos(123_456_789), "u-xsg-01", "王调度"));
            log.record(AuditFixture.entry(T0.plusSeconds(60), "u-xsg-01", "王调度", AuditAction.PERSONAL_DATA_REVEALED,
                    "2611-0007", AuditOutcome.SUCCESS, "回访核实, \"引号\"\n换行"));
            log.record(AuditFixture.entry(T0.plusSeconds(90), "admin", "admin", AuditAction.SIGN_IN_FAILED, "admin",
                    AuditOutcome.REFUSED, "wrong password"));

            List<AuditRecord> records = log.records(1, 10);
            assertThat(records).extracting(AuditRecord::seq).containsExactly(1L, 2L, 3L);
            assertThat(records.get(0).prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(records.get(1).prevHash()).isEqualTo(records.get(0).hash());
            assertThat(records.get(2).prevHash()).isEqualTo(records.get(1).hash());
            assertThat(records).allSatisfy(r -> assertThat(r.hashMatches()).isTrue());
            assertThat(records.get(0).at()).isEqualTo(T0.plusNanos(123_456_000));
            assertThat(records.get(1).entry().detail()).isEqualTo("回访核实, \"引号\"\n换行");
            assertThat(records.get(1).entry().from()).isEqualTo(AuditFixture.DESK_3);
            var status = log.verify();
            assertThat(status.isIntact()).isTrue();
            assertThat(status.checked()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void writersOnManyThreadsAndTwoConnectionPoolsFormOneUnbrokenChain(DatabaseKind kind) throws Exception {
        DatabaseSettings settings = TestDatabases.freshSettings(kind, temp);
        try (Database one = Database.open(settings, ThreadGuard.NONE)) {
            one.migrate();
            try (Database two = Database.open(settings, ThreadGuard.NONE)) {
                AuditLog[] logs = {new AuditLog(one.dsl(), Clock.systemUTC(), AuditRetention.floor()),
                    new AuditLog(two.dsl(), Clock.systemUTC(), AuditRetention.floor())};
                int threads = 6;
                int each = 40;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            logs[thread % 2].record(AuditFixture.signIn(Instant.now(), "u-" + thread, "坐席" + thread + "-" + i));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
                var status = logs[1].verify();
                assertThat(status.broken()).isNull();
                assertThat(status.checked()).isEqualTo(threads * each);
                assertThat(one.dsl().fetchCount(AUDIT_LOG)).isEqualTo(threads * each);
                List<AuditRecord> all = logs[0].records(1, threads * each);
                for (int i = 1; i < all.size(); i++) {
                    assertThat(all.get(i).seq()).isEqualTo(i + 1);
                    assertThat(all.get(i).prevHash()).isEqualTo(all.get(i - 1).hash());
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRecordAppendedInTheCallersTransactionRollsBackWithIt(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
            log.record(AuditFixture.signIn(T0, "u-1", "甲"));
            assertThatThrownBy(() -> db.dsl().transaction(c -> {
                log.append(c.dsl(), AuditFixture.entry(T0.plus(Duration.ofMinutes(1)), "u-sys", "郑系统", AuditAction.ACCOUNT_CREATED,
                        "u-9", AuditOutcome.SUCCESS, ""));
                throw new IllegalStateException("the account could not be saved");
            })).hasMessageContaining("could not be saved");
            assertThat(log.records(1, 10)).extracting(r -> r.entry().action()).containsExactly(AuditAction.SIGN_IN);

            db.dsl().transaction(c -> log.append(c.dsl(), AuditFixture.entry(T0.plus(Duration.ofMinutes(2)), "u-sys", "郑系统",
                    AuditAction.ACCOUNT_CREATED, "u-9", AuditOutcome.SUCCESS, "")));
            assertThat(log.records(1, 10)).extracting(AuditRecord::seq).containsExactly(1L, 2L);
            assertThat(log.verify().isIntact()).as("the rolled-back record left no hole").isTrue();
        }
    }
}
