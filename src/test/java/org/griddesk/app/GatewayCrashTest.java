package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A gateway killed as a crash would (SIGKILL, in a JVM of its own) while four channels send to it
/// loses nothing it acknowledged, and never gives an acknowledged ticket's code to another request:
/// three rounds of send, kill and start again on the same store, then every `201` is looked up.
/// On the embedded H2 store and on PostgreSQL (docs/reliability.md).
class GatewayCrashTest {
    private static final Logger log = LoggerFactory.getLogger(GatewayCrashTest.class);
    private static final int ROUNDS = 3;
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
        SeededStore seeded = SeededStore.withSmallDistrict(data, storeArgs, dir);
        List<IntakeSenders.Sender> senders = new ArrayList<>();
        for (String channel : List.of("HOTLINE_8890", "GRID_APP", "HOTLINE_8890", "GRID_APP")) {
            senders.add(new IntakeSenders.Sender(channel, seeded.newKey(channel)));
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
        try (Database store = Database.open(seeded.settings(), ThreadGuard.NONE)) {
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
}
