package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A gateway killed as a crash would (SIGKILL, in a JVM of its own) while four channels send to it
/// loses nothing it acknowledged, and never gives an acknowledged ticket's code to another request:
/// five rounds of send, kill and start again on the same store, then every `201` is looked up.
/// On the embedded H2 store and on PostgreSQL (docs/reliability.md).
class GatewayCrashTest {
    private static final Logger log = LoggerFactory.getLogger(GatewayCrashTest.class);
    private static final int ROUNDS = 5;
    /// the kill comes once this many requests of the round were acknowledged: in full flow
    private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

    @TempDir
    Path dir;

    @Test
    void onTheEmbeddedStoreAKilledGatewayLosesNothingItAcknowledged() throws Exception {
        Path data = dir.resolve("data");
        AcknowledgementAudit audit = crashRounds(data, List.of());
        assertThat(audit.acknowledged()).isGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_BEFORE_KILL);
        assertThat(audit.lost()).as(audit.toString()).isEmpty();
        assertThat(audit.reused()).as(audit.toString()).isEmpty();
    }

    @Test
    void onPostgresqlAKilledGatewayLosesNothingItAcknowledged() throws Exception {
        String url = EmbeddedPostgresServer.shared().createDatabase("crash");
        AcknowledgementAudit audit = crashRounds(dir.resolve("data"), List.of("--db", url, "--db-user", "postgres"));
        assertThat(audit.acknowledged()).isGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_BEFORE_KILL);
        assertThat(audit.lost()).as(audit.toString()).isEmpty();
        assertThat(audit.reused()).as(audit.toString()).isEmpty();
    }

    /// Seeds the store (a small district, a key for each sender), runs the rounds, and audits.
    private AcknowledgementAudit crashRounds(Path data, List<String> storeArgs) throws Exception {
        cli(data, storeArgs, "grids", "import", smallDistrict().toString(), "--district", "测试区");
        List<IntakeSenders.Sender> senders = new ArrayList<>();
        for (String channel : List.of("HOTLINE_8890", "GRID_APP", "HOTLINE_8890", "GRID_APP")) {
            senders.add(new IntakeSenders.Sender(channel, newKey(data, storeArgs, channel)));
        }
        Path gatewayLog = dir.resolve("gateway.log");
        List<IntakeSenders.Acknowledged> acknowledged = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            try (GatewayProcess gateway = GatewayProcess.start(data, storeArgs, gatewayLog);
                 IntakeSenders sending = new IntakeSenders(gateway.uri(), senders, "r" + round)) {
                long up = System.nanoTime();
                awaitAcknowledged(sending);
                long killed = System.nanoTime();
                gateway.kill();
                List<IntakeSenders.Acknowledged> answered = sending.stop();
                acknowledged.addAll(answered);
                log.info("round {}: gateway {} up in {} ms, killed with SIGKILL {} ms later, after {} acknowledged requests",
                        round, gateway.pid(), (up - start) / 1_000_000, (killed - up) / 1_000_000, answered.size());
            }
        }
        try (Database store = Database.open(settings(data, storeArgs), ThreadGuard.NONE)) {
            AcknowledgementAudit audit = AcknowledgementAudit.of(acknowledged, store);
            log.info("{} rounds on {}: {}", ROUNDS, store.kind(), audit);
            return audit;
        }
    }

    private static void awaitAcknowledged(IntakeSenders sending) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (sending.acknowledgedSoFar() < ACKNOWLEDGED_BEFORE_KILL) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway acknowledged only " + sending.acknowledgedSoFar()
                        + " requests in 60 s; last refusal: " + sending.lastRefusal());
            }
            Thread.sleep(5);
        }
    }

    private static DatabaseSettings settings(Path data, List<String> storeArgs) {
        return storeArgs.isEmpty() ? DatabaseSettings.embeddedH2(data) : new DatabaseSettings(storeArgs.get(1), storeArgs.get(3), "");
    }

    private static String newKey(Path data, List<String> storeArgs, String channel) {
        List<String> lines = cli(data, storeArgs, "channels", "add", channel, "--label", "crash test").out().lines().toList();
        return lines.getLast().strip();
    }

    private static CliRun cli(Path data, List<String> storeArgs, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(storeArgs);
        CliRun run = CliRun.in(data, all.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    /// One area of two communities of two grids each (as GridsImportTest's).
    private Path smallDistrict() throws Exception {
        Path file = dir.resolve("district.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","coordinateSystem":"WGS-84","features":[
                %s,%s,%s,%s,%s,%s,%s]}""".formatted(
                feature("A1", "AREA", null, "[[[117.30,38.90],[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],"
                        + "[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1", "COMMUNITY", "A1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.31,38.92],[117.30,38.92],"
                        + "[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C2", "COMMUNITY", "A1", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],[117.31,38.92],"
                        + "[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C1-G1", "GRID", "A1-C1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1-G2", "GRID", "A1-C1", "[[[117.30,38.91],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91]]]"),
                feature("A1-C2-G1", "GRID", "A1-C2", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C2-G2", "GRID", "A1-C2", "[[[117.31,38.91],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91]]]")));
        return file;
    }

    private static String feature(String code, String level, String parent, String coordinates) {
        return """
                {"type":"Feature","properties":{"code":"%s","name":"%s名","level":"%s","parent":%s},
                 "geometry":{"type":"Polygon","coordinates":%s}}""".formatted(code, code, level,
                parent == null ? "null" : "\"" + parent + "\"", coordinates);
    }
}
