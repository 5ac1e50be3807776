package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.griddesk.intake.GatewayLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Hundreds of slow clients without a key, from ten addresses, hold connections to a gateway
/// process (endless headers, endless bodies on Open311 form posts and channel endpoints), while an
/// 8890 platform sends valid orders from another address: every order is taken, with p99 under
/// 100 ms, and `/health` answers throughout. One more address opening far more connections than
/// the per-address limit has the rest refused.
class SlowClientTest {
    private static final Logger log = LoggerFactory.getLogger(SlowClientTest.class);
    private static final int ORDERS = 300;
    private static final Duration ORDER_EVERY = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Test
    void slowClientsWithoutAKeyDoNotStarveValidOrders() throws Exception {
        SeededStore store = SeededStore.withSmallDistrict(dir.resolve("data"), List.of(), dir);
        String key = store.newKey("HOTLINE_8890");
        // compiled as the product runs it (C2): latency is what this test measures
        try (GatewayProcess gateway = GatewayProcess.start(store.data(), List.of(), dir.resolve("gateway.log"), List.of())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int n = 1; n <= 300; n++) { // the gateway's JIT and district, before any clock runs
                assertThat(order(http, gateway.uri(), key, "warm-" + n).statusCode()).isEqualTo(201);
            }
            List<SlowClients.Kind> kinds = List.of(SlowClients.Kind.OPEN311_FORM_BODY, SlowClients.Kind.OPEN311_FORM_BODY,
                    SlowClients.Kind.OPEN311_FORM_BODY, SlowClients.Kind.OPEN311_FORM_BODY, SlowClients.Kind.ENDLESS_HEADER,
                    SlowClients.Kind.CHANNEL_BODY);
            try (SlowClients slow = SlowClients.start(gateway.uri(), 2, 10, 30, kinds);
                 SlowClients flood = SlowClients.start(gateway.uri(), 20, 1, 400, List.of(SlowClients.Kind.ENDLESS_HEADER))) {
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (slow.connected() < 300 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(2_000); // the slow clients are in, and dripping
                log.info("slow clients connected: {}, open: {}; flooding address open: {}, refused: {}", slow.connected(), slow.open(),
                        flood.open(), flood.refused());
                assertThat(slow.connected()).as("the slow clients connected").isGreaterThanOrEqualTo(300);
                long[] millis = new long[ORDERS];
                long next = System.nanoTime();
                for (int n = 0; n < ORDERS; n++) {
                    next += ORDER_EVERY.toNanos();
                    long start = System.nanoTime();
                    HttpResponse<String> answer = order(http, gateway.uri(), key, "slow-test-" + n);
                    millis[n] = (System.nanoTime() - start) / 1_000_000;
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    if (n % 50 == 0) {
                        assertThat(health(http, gateway.uri())).isEqualTo(200);
                    }
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
                Arrays.sort(millis);
                long p50 = millis[ORDERS / 2];
                long p99 = millis[(int) Math.ceil(ORDERS * 0.99) - 1];
                log.info("{} valid orders under {} slow clients: p50 {} ms, p99 {} ms, max {} ms; slow clients cut off {}, "
                        + "flooding address: {} open, {} refused", ORDERS, slow.open(), p50, p99, millis[ORDERS - 1], slow.cutOff(),
                        flood.open(), flood.refused() + flood.cutOff());
                assertThat(p99).as("p99 of valid orders, ms").isLessThan(100);
                assertThat(flood.open()).as("one address's connections at once").isLessThanOrEqualTo(GatewayLimits.DEFAULT.connectionsPerAddress());
                assertThat(slow.cutOff()).as("slow bodies cut off by the gateway").isPositive();
            }
        }
    }

    private static HttpResponse<String> order(HttpClient http, URI gateway, String key, String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/hotline/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(IntakeSenders.body("HOTLINE_8890", id, id.hashCode() & 0xffff))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int health(HttpClient http, URI gateway) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/health")).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
