package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Keys made and revoked with `griddesk channels …` while a gateway process serves the store take
/// effect within seconds, without a restart: on the embedded store (which the gateway holds open:
/// the command goes through the gateway's control socket) and on PostgreSQL.
class KeyChangesWhileRunningTest {
    private static final Logger log = LoggerFactory.getLogger(KeyChangesWhileRunningTest.class);
    /// the gateway remembers a key's holder for 5 s; a second more for the command itself
    private static final Duration WITHIN = Duration.ofSeconds(7);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void onTheEmbeddedStoreKeysChangeWhileTheGatewayHoldsItOpen() throws Exception {
        keysChangeWhileRunning(List.of());
        assertThat(Files.readString(dir.resolve("gateway.log"))).contains("through the control socket");
    }

    @Test
    void onPostgresqlKeysChangeWhileTheGatewayRuns() throws Exception {
        keysChangeWhileRunning(List.of("--db", EmbeddedPostgresServer.shared().createDatabase("keys_running"), "--db-user", "postgres"));
    }

    private void keysChangeWhileRunning(List<String> storeArgs) throws Exception {
        SeededStore store = SeededStore.withSmallDistrict(dir.resolve("data"), storeArgs, dir);
        SeededStore.Key first = store.newNumberedKey("HOTLINE_8890");
        try (GatewayProcess gateway = GatewayProcess.start(store.data(), storeArgs, dir.resolve("gateway.log"))) {
            assertThat(order(gateway.uri(), first.key(), "first-1")).isEqualTo(201);

            SeededStore.Key second = store.newNumberedKey("HOTLINE_8890");
            Duration added = until(gateway.uri(), second.key(), status -> status == 201);
            assertThat(store.cli("channels", "list").out()).contains("test").contains("active");

            assertThat(store.cli("channels", "revoke", Long.toString(first.id())).code()).isZero();
            Duration revoked = until(gateway.uri(), first.key(), status -> status == 401);
            assertThat(order(gateway.uri(), second.key(), "second-last")).as("the other key still works").isEqualTo(201);
            log.info("while the gateway ran: a new key worked after {} ms, a revoked one stopped after {} ms",
                    added.toMillis(), revoked.toMillis());
        }
    }

    /// How long until an order sent with `key` is answered as `wanted` says; fails after [#WITHIN].
    private Duration until(URI gateway, String key, IntPredicate wanted) throws Exception {
        long start = System.nanoTime();
        for (int n = 0; ; n++) {
            int status = order(gateway, key, "poll-" + start + "-" + n);
            if (wanted.test(status)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("last answer " + status).isLessThan(WITHIN);
            Thread.sleep(200);
        }
    }

    private int order(URI gateway, String key, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/hotline/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(IntakeSenders.body("HOTLINE_8890", id, id.hashCode() & 0xffff))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
