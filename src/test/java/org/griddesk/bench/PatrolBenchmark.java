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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.app.GatewayWiring;
import org.griddesk.app.SimulatedWorker;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.map.MapModel;
import org.griddesk.map.PatrolLayer;
import org.griddesk.map.PatrolRasterProbe;
import org.griddesk.patrol.PatrolCoverage;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.patrol.TrackCodec;
import org.griddesk.simulate.PatrolWalkers;
import org.griddesk.simulate.Scenery;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.store.patrol.PatrolRepository;
import org.locationtech.jts.geom.Envelope;

/// Patrol ingest and a town's tracks on the map (issue 26):
///
/// - ingest: 1574 simulated grid workers ([PatrolWalkers]), each posting a batch of 6 points every
///   30 s (52 batches a second) through the real gateway with a worker's token and an
///   Idempotency-Key, for `bench.patrol.seconds` after a 30 s warm-up (the first round, phones
///   coming on through it); latency from send to answer. Goal: p99 under 100 ms. The walkers run in
///   the benchmark's JVM (one client, like the simulator), sharing the machine's 2 cores with the
///   gateway. Baseline, same run: the same rows inserted with plain JDBC, one transaction each, on
///   one thread (the store's own pace for the work).
/// - the town with the most grids: a full working day of its workers' tracks (yesterday in Beijing,
///   08:00–16:00, a point every 5 s: 5760 points a worker, stored through [PatrolIngest] in batches
///   of 120), then its tracks of that day read from the store, its coverage worked out, the layer
///   built and one raster of the patrol mode drawn, 1280×800.
///   Goal: under 100 ms. Baseline, same run: the same raster with no tracks.
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
            String token = SimulatedWorker.token(db).orElseThrow();
            DistrictRepository district = new DistrictRepository(db.dsl());
            Scenery scenery = Scenery.of(district);
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

            // a town's tracks for the day, drawn
            List<Region> areas = district.regions(RegionLevel.AREA);
            List<Region> communities = district.regions(RegionLevel.COMMUNITY);
            List<Region> grids = district.regions(RegionLevel.GRID);
            Map<String, String> areaOfCommunity = communities.stream().collect(Collectors.toMap(Region::code, Region::parentCode));
            Map<String, List<Region>> gridsOfArea = grids.stream().collect(Collectors.groupingBy(
                    g -> areaOfCommunity.getOrDefault(g.parentCode(), "")));
            Region town = areas.stream().max(Comparator.comparingInt(a -> gridsOfArea.getOrDefault(a.code(), List.of()).size()))
                    .orElseThrow();
            List<Region> townGrids = gridsOfArea.get(town.code());
            Set<String> townCodes = townGrids.stream().map(Region::code).collect(Collectors.toSet());
            MapModel model = MapModel.of(district.districtMap().orElseThrow(), Map.of());
            PatrolCoverage coverage = new PatrolCoverage(grids);
            DayPatrols day = new DayPatrols(new PatrolRepository(db.dsl()));
            LocalDate today = Instant.now().atZone(PatrolIngest.DAY_ZONE).toLocalDate().minusDays(1);
            long stored = storeWorkingDay(db, grids, townGrids, today);
            Envelope box = town.shape().getEnvelopeInternal();
            int rounds = 15;
            long[] drawn = new long[rounds];
            long[] bare = new long[rounds];
            int points = 0;
            long[][] parts = new long[4][rounds]; // read, coverage, layer, raster
            for (int i = -3; i < rounds; i++) { // three rounds of warm-up
                long t0 = System.nanoTime();
                List<PatrolTrack> tracks = day.tracks(today, townCodes);
                long tRead = System.nanoTime();
                Map<String, Double> shares = coverage.ofAll(tracks);
                long tCoverage = System.nanoTime();
                PatrolLayer layer = PatrolLayer.of(tracks, shares, today.toString());
                long tLayer = System.nanoTime();
                PatrolRasterProbe.render(model.withPatrols(layer), box, 1280, 800);
                long t1 = System.nanoTime();
                PatrolRasterProbe.render(model, box, 1280, 800);
                long t2 = System.nanoTime();
                if (i >= 0) {
                    drawn[i] = t1 - t0;
                    bare[i] = t2 - t1;
                    parts[0][i] = tRead - t0;
                    parts[1][i] = tCoverage - tRead;
                    parts[2][i] = tLayer - tCoverage;
                    parts[3][i] = t1 - tLayer;
                }
                points = layer.points();
            }
            String breakdown = String.format(Locale.ROOT, "read %.0f ms, coverage %.0f ms, layer %.0f ms, raster %.0f ms",
                    BenchResults.median(parts[0]) / 1e6, BenchResults.median(parts[1]) / 1e6, BenchResults.median(parts[2]) / 1e6,
                    BenchResults.median(parts[3]) / 1e6);
            double drawnMs = BenchResults.median(drawn) / 1e6;
            double bareMs = BenchResults.median(bare) / 1e6;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("store", store.label());
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
            fields.put("town", town.name());
            fields.put("townGrids", townGrids.size());
            fields.put("townPoints", points);
            fields.put("townPointsStored", stored);
            fields.put("townTracksDrawnMedianMs", drawnMs);
            fields.put("townTracksDrawnP99Ms", BenchResults.percentile(drawn, 99) / 1e6);
            fields.put("bareRasterMedianMs", bareMs);
            fields.put("townTracksBreakdown", breakdown);
            BenchResults.write("patrol-" + store.label(), fields);
            BenchResults.summary(String.format(Locale.ROOT,
                    "patrol %s: %d workers, a batch each every 30 s, %d s measured: %d batches (%.1f/s), 201 %d, 4xx %d, failed %d; "
                            + "p50 %.1f ms, p99 %.1f ms (goal < 100), max %.1f ms; plain JDBC insert %.2f ms a batch (gateway p50 x%.1f); "
                            + "%s (%d grids, %d points): tracks read, coverage and drawn %.1f ms median, p99 %.1f ms (goal < 100), "
                            + "(%s), the same raster without tracks %.1f ms (x%.2f)",
                    store.label(), WORKERS, seconds, tally.sent(), tally.sent() / (double) seconds, tally.created(), tally.refused(),
                    tally.failed(), tally.p50Micros() / 1000.0, tally.p99Micros() / 1000.0, tally.maxMicros() / 1000.0, jdbcMs,
                    tally.p50Micros() / 1000.0 / jdbcMs, town.name(), townGrids.size(), points, drawnMs,
                    BenchResults.percentile(drawn, 99) / 1e6, breakdown, bareMs, drawnMs / bareMs));
        }
    }

    /// A working day of patrols, 08:00 to 16:00 Beijing time on `day`, for each of the town's grids:
    /// a walk about the grid's inside point; how many points were stored.
    private static long storeWorkingDay(Database db, List<Region> grids, List<Region> townGrids, LocalDate day) {
        org.griddesk.geo.GridIndex index = new org.griddesk.geo.GridIndex(grids);
        PatrolIngest ingest = new PatrolIngest(db.dsl(), Clock.systemUTC(), new org.griddesk.patrol.BatchCheck(
                org.griddesk.patrol.PatrolLimits.DEFAULT, (lon, lat) -> index.locate(lon, lat).map(Region::code)));
        java.util.Random random = new java.util.Random(11);
        Instant start = day.atTime(8, 0).toInstant(ZoneOffset.ofHours(8));
        long stored = 0;
        for (Region grid : townGrids) {
            var inside = grid.mainPart().getInteriorPoint();
            double lon = inside.getX();
            double lat = inside.getY();
            double heading = random.nextDouble() * 2 * Math.PI;
            List<PatrolPoint> batch = new ArrayList<>();
            for (int i = 0; i < 8 * 720; i++) {
                heading += random.nextGaussian() * 0.3;
                double dx = (lon - inside.getX()) * 86_500;
                double dy = (lat - inside.getY()) * 111_320;
                if (Math.hypot(dx, dy) > 200) {
                    heading = Math.atan2(-dy, -dx);
                }
                lon += Math.cos(heading) * 6 / 86_500;
                lat += Math.sin(heading) * 6 / 111_320;
                batch.add(new PatrolPoint(start.plusSeconds(5L * i), lon, lat, 8));
                if (batch.size() == 120) {
                    if (ingest.take("bench-day-" + grid.code(), "day-" + i, batch) instanceof PatrolIngest.Stored s) {
                        stored += s.points();
                    }
                    batch = new ArrayList<>();
                }
            }
        }
        return stored;
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
