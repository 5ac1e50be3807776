package org.griddesk.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.griddesk.app.GatewayWiring;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.intake.Gateway;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.security.ChannelKeyRepository;

/// Sustained ingest through the gateway's HTTP API, with locating, duplicate checks and folding on:
/// the simulator's traffic (every channel, re-sends, repeats, broken requests) at 300 requests a
/// second for the measured time after 60 s of warm-up at that rate, then as fast as it goes for 15 s; latency from
/// send to answer. Goal: 300/s sustained with p99 under 100 ms, on H2 and on PostgreSQL.
///
/// H2 is measured three ways in the same run ([IngestStore]): writing commits on its own up to half a
/// second later (GridDesk before issue 28), each commit in the file before it returns (the default)
/// and also forced to the disk (`db.durability=power`); a summary line compares them.
///
/// Baseline, same run: the very rows the gateway wrote (tickets, events, details, alarms,
/// suggestions) inserted again into a fresh store of the same kind with plain JDBC, one
/// transaction per ticket, on one thread: the store's own pace for that work.
///
/// The client is a JVM of its own ([IngestClient]), as a channel's system is; it shares the
/// machine's cores with the gateway.
final class IngestBenchmark {
    static final double RATE = 300;
    private static final List<String> TABLES = List.of("ticket", "ticket_event", "intake_detail", "video_alarm",
            "duplicate_suggestion");

    private final int seconds;

    IngestBenchmark(int seconds) {
        this.seconds = seconds;
    }

    void run() throws Exception {
        Map<IngestStore, Measured> measured = new EnumMap<>(IngestStore.class);
        for (IngestStore store : IngestStore.named(System.getProperty("bench.ingest.stores", IngestStore.ALL))) {
            measured.put(store, measure(store, true, true));
        }
        Measured before = measured.get(IngestStore.H2_WRITE_DELAY);
        for (IngestStore store : List.of(IngestStore.H2, IngestStore.H2_POWER)) {
            Measured now = measured.get(store);
            if (before != null && now != null) {
                BenchResults.summary(String.format(Locale.ROOT,
                        "ingest %s against %s (H2 writing commits up to 0.5 s later), same run: p50 %.1f / %.1f ms (x%.2f), "
                                + "p99 %.1f / %.1f ms (x%.2f), flat out %.0f / %.0f requests/s (x%.2f), plain JDBC %.0f / %.0f tickets/s (x%.2f)",
                        store, IngestStore.H2_WRITE_DELAY, now.p50Ms, before.p50Ms, now.p50Ms / before.p50Ms, now.p99Ms, before.p99Ms,
                        now.p99Ms / before.p99Ms, now.flatOut, before.flatOut, now.flatOut / before.flatOut, now.jdbc, before.jdbc,
                        now.jdbc / before.jdbc));
            }
        }
    }

    /// What a comparison takes from each run (`jdbc` NaN when the plain-JDBC baseline was not run).
    record Measured(double p50Ms, double p99Ms, double flatOut, double jdbc) {
    }

    /// One run on a fresh store; `sealed` false stores the callers unsealed ([SealedIntakeBenchmark]'s
    /// baseline), `jdbcBaseline` also copies the rows with plain JDBC.
    Measured measure(IngestStore store, boolean sealed, boolean jdbcBaseline) throws Exception {
        DatabaseKind kind = store.kind();
        Path dir = Files.createTempDirectory("griddesk-bench-ingest-");
        try (Database db = store.fresh(dir.resolve("source"))) {
            if (!sealed) {
                db.usePersonalData(PersonalDataVault.unsealedForBenchmarks());
            }
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
            Map<Channel, String> keys = new EnumMap<>(Channel.class);
            ChannelKeyRepository repository = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
            for (Channel channel : Channel.values()) {
                String key = ApiKeys.newKey();
                repository.add(channel, "bench", ApiKeys.digest(key));
                keys.put(channel, key);
            }
            try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "bench"),
                    GatewayWiring.intakes(db, Clock.systemUTC()));
                 IngestClientProcess client = new IngestClientProcess(URI.create("http://127.0.0.1:" + gateway.port()), keys,
                         Integer.toString(kind.ordinal()) + store.ordinal(), RATE, seconds, dir)) {
                // warm-up at the measured rate: the JIT compiles the whole path, in both JVMs, before the clock starts
                client.run();
                long firstTicket = maxId(db);
                IngestClientProcess.Phase sustained = client.run();
                long[] p99ByWindow = sustained.p99MsByWindow();
                long lastTicket = maxId(db);
                IngestClientProcess.Phase flat = client.run();
                double achieved = sustained.answered() / (double) seconds;
                double flatOut = flat.answered() / (double) IngestClient.FLAT_OUT.toSeconds();
                double jdbc = jdbcBaseline ? copyWithJdbc(db, store, dir.resolve("copy"), firstTicket, lastTicket) : Double.NaN;
                double oursTickets = sustained.created() / (double) seconds;

                var fields = BenchResults.fields();
                String label = "ingest-" + store.label() + (sealed ? "" : "-unsealed");
                fields.put("benchmark", label);
                fields.put("offeredPerSecond", RATE);
                fields.put("seconds", seconds);
                fields.put("answeredPerSecond", achieved);
                fields.put("sent", sustained.sent());
                fields.put("created", sustained.created());
                fields.put("repeated", sustained.repeated());
                fields.put("refused", sustained.refused());
                fields.put("failed", sustained.failed());
                fields.put("skipped", sustained.skipped());
                fields.put("unexpected", sustained.unexpected());
                fields.put("client", "a JVM of its own");
                fields.put("p50Ms", sustained.p50Ms());
                fields.put("p99Ms", sustained.p99Ms());
                fields.put("p99MsBy10s", p99ByWindow);
                fields.put("maxMs", sustained.maxMs());
                fields.put("flatOutAnsweredPerSecond", flatOut);
                fields.put("flatOutP99Ms", flat.p99Ms());
                fields.put("jdbcTicketsPerSecond", jdbc);
                fields.put("ticketsPerSecond", oursTickets);
                fields.put("sealed", sealed);
                BenchResults.write(label, fields);
                BenchResults.summary(String.format(Locale.ROOT,
                        "ingest %s%s (client in its own JVM): %.0f requests/s offered for %d s, %.1f/s answered, p50 %.1f ms, p99 %.1f ms, max %.0f ms "
                                + "(goal >= 300/s, p99 < 100 ms); failed %d, unexpected %d; flat out %.0f/s (p99 %.0f ms)%s",
                        store, sealed ? "" : " with callers unsealed", RATE, seconds, achieved, sustained.p50Ms(), sustained.p99Ms(), sustained.maxMs(), sustained.failed(),
                        sustained.unexpected(), flatOut, flat.p99Ms(), jdbcBaseline ? String.format(Locale.ROOT,
                                "; plain JDBC writes the same rows at %.0f tickets/s, the gateway made %.0f/s = %.0f%% of it",
                                jdbc, oursTickets, 100 * oursTickets / jdbc) : ""));
                BenchResults.summary(String.format(Locale.ROOT, "ingest %s: p99 by 10 s of the run (ms): %s", store,
                        Arrays.toString(p99ByWindow)));
                return new Measured(sustained.p50Ms(), sustained.p99Ms(), flatOut, jdbc);
            }
        }
    }

    private static long maxId(Database db) {
        Long id = db.dsl().fetchOne("select max(id) from ticket").get(0, Long.class);
        return id == null ? 0 : id;
    }

    /// Reads what the gateway wrote for tickets up to `to` and writes it into a fresh store with plain
    /// JDBC, a transaction per ticket; tickets per second over those in (from, to] (the earlier ones,
    /// written first and not timed, are what their duplicate suggestions point to).
    private static double copyWithJdbc(Database source, IngestStore store, Path dir, long from, long to) throws Exception {
        Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        source.dsl().connection(c -> {
            for (String table : TABLES) {
                String key = table.equals("ticket") ? "id" : "ticket_id";
                try (PreparedStatement s = c.prepareStatement("select * from " + table + " where " + key + " > ? and " + key
                        + " <= ? order by " + key)) {
                    s.setLong(1, 0);
                    s.setLong(2, to);
                    try (ResultSet r = s.executeQuery()) {
                        ResultSetMetaData meta = r.getMetaData();
                        List<String> names = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                        }
                        columns.put(table, names);
                        List<Object[]> list = new ArrayList<>();
                        while (r.next()) {
                            Object[] row = new Object[names.size()];
                            for (int i = 0; i < row.length; i++) {
                                row[i] = r.getObject(i + 1);
                            }
                            list.add(row);
                        }
                        rows.put(table, list);
                    }
                }
            }
        });
        try (Database target = store.fresh(dir)) {
            return target.dsl().connectionResult(c -> insertAll(c, columns, rows, from));
        }
    }

    private static double insertAll(Connection c, Map<String, List<String>> columns, Map<String, List<Object[]>> rows, long from)
            throws SQLException {
        Map<Long, List<Runnable>> byTicket = new LinkedHashMap<>();
        {
            Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
            for (String table : TABLES) {
                List<String> names = columns.get(table);
                inserts.put(table, c.prepareStatement("insert into " + table + " (" + String.join(", ", names) + ") values ("
                        + String.join(", ", Collections.nCopies(names.size(), "?")) + ")"));
            }
            for (String table : TABLES) {
                int key = columns.get(table).indexOf(table.equals("ticket") ? "id" : "ticket_id");
                PreparedStatement insert = inserts.get(table);
                for (Object[] row : rows.get(table)) {
                    byTicket.computeIfAbsent(((Number) row[key]).longValue(), k -> new ArrayList<>()).add(() -> {
                        try {
                            for (int i = 0; i < row.length; i++) {
                                insert.setObject(i + 1, row[i]);
                            }
                            insert.executeUpdate();
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
            c.setAutoCommit(false);
            long start = 0;
            int timed = 0;
            for (Map.Entry<Long, List<Runnable>> ticket : byTicket.entrySet()) {
                if (ticket.getKey() > from && start == 0) {
                    start = System.nanoTime();
                }
                ticket.getValue().forEach(Runnable::run);
                c.commit();
                timed += ticket.getKey() > from ? 1 : 0;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return timed / elapsed;
        }
    }
}
