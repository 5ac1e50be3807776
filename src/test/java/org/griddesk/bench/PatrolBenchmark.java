package org.griddesk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.griddesk.app.GatewayWiring;
import org.griddesk.app.SimulatedWorker;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.intake.Gateway;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.TrackCodec;
import org.griddesk.simulate.PatrolWalkers;
import org.griddesk.simulate.Scenery;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.patrol.PatrolRepository;

/// Patrol ingest and a town's tracks on the map (issue 26), on each store of
/// `bench.patrol.stores` (H2 and PostgreSQL unless told):
///
/// - ingest: 1574 simulated grid workers ([PatrolWalkers]), each posting a batch of 6 points every
///   30 s (52 batches a second) through the real gateway with a worker's token and an
///   Idempotency-Key, for `bench.patrol.seconds` after a 30 s warm-up (the first round, phones
///   coming on through it); latency from send to answer. Goal: p99 under 100 ms. The walkers run in
///   the benchmark's JVM (one client, like the simulator), sharing the machine's 2 cores with the
///   gateway. Baseline, same run: the same rows inserted with plain JDBC, one transaction each, on
///   one thread (the store's own pace for the work). `bench.patrol.seconds=0` leaves the ingest out.
/// - a town's day of tracks drawn on the map: see [TownTracksDraw].
final class PatrolBenchmark {
    private static final int WORKERS = 1574;
    private final int seconds;

    PatrolBenchmark(int seconds) {
        this.seconds = seconds;
    }

    void run() throws Exception {
        for (IngestStore store : IngestStore.named(System.getProperty("bench.patrol.stores", "H2,POSTGRESQL"))) {
            measure(store);
        }
    }

    private void measure(IngestStore store) throws Exception {
        Path dir = Files.createTempDirectory("griddesk-bench-patrol-");
        try (Database db = store.fresh(dir.resolve("store"))) {
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("store", store.label());
            String ingest = seconds > 0 ? ingest(db, fields) + "; " : "";
            Map<String, Object> town = TownTracksDraw.measure(db);
            fields.putAll(town);
            BenchResults.write("patrol-" + store.label(), fields);
            BenchResults.summary("patrol " + store.label() + ": " + ingest + TownTracksDraw.summary(town));
        }
    }

    /// The workers' batches through the gateway for [#seconds]; the figures go in `fields`, a line for the summary comes back.
    private String ingest(Database db, Map<String, Object> fields) throws Exception {
        String token = SimulatedWorker.token(db).orElseThrow();
        Scenery scenery = Scenery.of(new DistrictRepository(db.dsl()));
        PatrolWalkers.Tally tally;
        try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "bench"),
                GatewayWiring.intakes(db, Clock.systemUTC()));
             PatrolWalkers walkers = new PatrolWalkers(URI.create("http://127.0.0.1:" + gateway.port()), token, scenery,
                     WORKERS, 7, Duration.ofSeconds(30), Duration.ofSeconds(5))) {
            walkers.start();
            Thread.sleep(30_000);
            walkers.resetLatencies();
            PatrolWalkers.Tally before = walkers.tally();
            Thread.sleep(seconds * 1000L);
            tally = walkers.tally();
            tally = new PatrolWalkers.Tally(tally.sent() - before.sent(), tally.created() - before.created(),
                    tally.repeated() - before.repeated(), tally.refused() - before.refused(), tally.failed() - before.failed(),
                    tally.p50Micros(), tally.p99Micros(), tally.maxMicros());
        }
        Thread.sleep(2000); // the last answers
        long[] totals = new PatrolRepository(db.dsl()).totals();
        double jdbcMs = jdbcInsertMs(db, 2000);
        fields.put("workers", WORKERS);
        fields.put("seconds", seconds);
        fields.put("batchesSent", tally.sent());
        fields.put("created", tally.created());
        fields.put("refused", tally.refused());
        fields.put("failed", tally.failed());
        fields.put("batchesPerSecond", tally.sent() / (double) seconds);
        fields.put("p50Ms", tally.p50Micros() / 1000.0);
        fields.put("p99Ms", tally.p99Micros() / 1000.0);
        fields.put("maxMs", tally.maxMicros() / 1000.0);
        fields.put("storedBatches", totals[0]);
        fields.put("storedPoints", totals[1]);
        fields.put("jdbcInsertMs", jdbcMs);
        return String.format(Locale.ROOT,
                "%d workers, a batch each every 30 s, %d s measured: %d batches (%.1f/s), 201 %d, 4xx %d, failed %d; "
                        + "p50 %.1f ms, p99 %.1f ms (goal < 100), max %.1f ms; plain JDBC insert %.2f ms a batch (gateway p50 x%.1f)",
                WORKERS, seconds, tally.sent(), tally.sent() / (double) seconds, tally.created(), tally.refused(), tally.failed(),
                tally.p50Micros() / 1000.0, tally.p99Micros() / 1000.0, tally.maxMicros() / 1000.0, jdbcMs,
                tally.p50Micros() / 1000.0 / jdbcMs);
    }

    /// The median time of one batch row (6 points) inserted with plain JDBC, a transaction each.
    private static double jdbcInsertMs(Database db, int rows) throws Exception {
        List<PatrolPoint> points = new ArrayList<>();
        Instant t = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 6; i++) {
            points.add(new PatrolPoint(t.plusSeconds(5L * i), 117.3 + i * 1e-5, 38.95, 6));
        }
        byte[] blob = TrackCodec.encode(t, points);
        String digest = TrackCodec.digest(points);
        long[] times = new long[rows];
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO patrol_batch (account_id, batch_key, content_digest,"
                    + " grid_code, patrol_day, first_at, last_at, point_count, points, received_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < rows; i++) {
                    long t0 = System.nanoTime();
                    insert.setString(1, "jdbc-baseline");
                    insert.setString(2, "jdbc-" + i);
                    insert.setString(3, digest);
                    insert.setString(4, "BASELINE");
                    insert.setObject(5, LocalDate.of(2000, 1, 1));
                    insert.setObject(6, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
                    insert.setObject(7, OffsetDateTime.ofInstant(t.plusSeconds(25), ZoneOffset.UTC));
                    insert.setInt(8, 6);
                    insert.setBytes(9, blob);
                    insert.setObject(10, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                    c.commit();
                    times[i] = System.nanoTime() - t0;
                }
            }
        }
        return BenchResults.median(times) / 1e6;
    }
}
