package org.griddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditChainStatus;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.AuditRetention;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.security.AuditLog;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;

/// The audit log's cost (`-Dbench=audit`): appends per second, each in its own transaction, on 1
/// and 4 threads, on H2 and PostgreSQL, against a baseline in the same run (the same row inserted
/// into a plain table: no chain, no head lock); and the time `verify` takes over [#VERIFY_RECORDS].
final class AuditBenchmark {
    static final int VERIFY_RECORDS = 50_000;
    private final int seconds;

    AuditBenchmark(int seconds) {
        this.seconds = seconds;
    }

    void run() throws Exception {
        Map<String, Object> fields = BenchResults.fields();
        StringBuilder line = new StringBuilder("audit:");
        for (DatabaseKind kind : DatabaseKind.values()) {
            Path temp = Files.createTempDirectory("audit-bench");
            try (Database db = TestDatabases.freshMigrated(kind, temp)) {
                AuditLog log = new AuditLog(db.dsl(), Clock.systemUTC(), AuditRetention.floor());
                db.dsl().execute("CREATE TABLE audit_plain AS SELECT * FROM audit_log WHERE 1 = 0");
                String k = kind.name().toLowerCase(Locale.ROOT);
                for (int threads : new int[] {1, 4}) {
                    double chained = rate(threads, () -> log.record(entry()));
                    double plain = rate(threads, () -> db.dsl().transaction(c -> plainInsert(c.dsl())));
                    fields.put(k + "_appends_per_s_" + threads + "t", chained);
                    fields.put(k + "_plain_inserts_per_s_" + threads + "t", plain);
                    line.append(String.format(Locale.ROOT, " %s %dt %.0f/s (plain %.0f/s, ratio %.2f);", k, threads, chained, plain,
                            chained / plain));
                }
                fill(db.dsl(), log, VERIFY_RECORDS - (int) log.verify().checked());
                long[] millis = new long[3];
                AuditChainStatus status = null;
                for (int i = 0; i < millis.length; i++) {
                    long start = System.nanoTime();
                    status = log.verify();
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
                if (!status.isIntact()) {
                    throw new IllegalStateException("chain broken after the benchmark: " + status);
                }
                fields.put(k + "_verify_records", status.checked());
                fields.put(k + "_verify_ms", millis);
                line.append(String.format(Locale.ROOT, " %s verify %d records median %.0f ms;", k, status.checked(),
                        BenchResults.median(millis)));
            }
        }
        BenchResults.write("audit", fields);
        BenchResults.summary(line.toString());
    }

    private static AuditEntry entry() {
        return AuditFixture.entry(Instant.now(), "u-xsg-01", "王调度", AuditAction.PERSONAL_DATA_REVEALED, "2611-0042",
                AuditOutcome.SUCCESS, "事由：回访核实联系方式");
    }

    private static void plainInsert(DSLContext tx) {
        AuditEntry e = entry();
        tx.execute("INSERT INTO audit_plain (seq, at, actor_id, actor_name, host, address, action, target, outcome, detail, prev_hash, hash)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", System.nanoTime(), java.time.OffsetDateTime.now(), e.actorId(),
                e.actorName(), e.from().host(), e.from().address(), e.action().name(), e.target(), e.outcome().name(), e.detail(),
                "0".repeat(64), "0".repeat(64));
    }

    /// Appends `n` records in transactions of 1000 (the fast way to a long log to verify).
    private static void fill(DSLContext dsl, AuditLog log, int n) {
        for (int done = 0; done < n; done += 1000) {
            int batch = Math.min(1000, n - done);
            dsl.transaction(c -> {
                for (int i = 0; i < batch; i++) {
                    log.append(c.dsl(), entry());
                }
            });
        }
    }

    /// Operations per second of `op` on `threads` threads for the benchmark's seconds (after 1 s warm-up).
    private double rate(int threads, Runnable op) throws Exception {
        run(threads, op, 1);
        return run(threads, op, seconds) / (double) seconds;
    }

    private static long run(int threads, Runnable op, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong count = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            all.add(pool.submit(() -> {
                while (!stop.get()) {
                    op.run();
                    count.incrementAndGet();
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> f : all) {
            f.get();
        }
        pool.shutdown();
        return count.get();
    }
}
