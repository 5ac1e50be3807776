package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.app.Open311Client.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.store.district.DistrictRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An Open311 POST sent again is not a second request: with the same `Idempotency-Key`, or with the
/// same content from the same key within ten minutes, it gets the first one's id back (200,
/// `Idempotent-Replayed: true`) and makes no ticket, however many are sent at once and on however
/// many gateways, and after a restart. A key sent again with other content is refused, not merged.
class Open311RepeatsTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static Open311Client client;
    private static String key;
    private static String serviceCode;
    private static Region grid;
    private static long seed;

    @BeforeAll
    static void start() {
        // no rate limit here: fifty sends at once must all be answered by the repeat rule itself
        fixture = new GatewayFixture(dataDir, new RateLimiter(1_000_000, 1_000_000, System::nanoTime));
        client = new Open311Client(fixture);
        key = fixture.key(Channel.GOVERNANCE_PLATFORM);
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        serviceCode = district.taxonomy().items().get(30).code();
        grid = district.regions(RegionLevel.GRID).get(500);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /// A request no other test sends.
    private static Map<String, String> fresh() {
        return Open311Client.request(key, serviceCode, Open311Client.pointInside(grid, ++seed), "路灯不亮 " + UUID.randomUUID());
    }

    @Test
    void theSameIdempotencyKeyGetsTheFirstRequestsIdAndANewKeyANewRequest() throws Exception {
        Map<String, String> request = fresh();
        String idempotencyKey = UUID.randomUUID().toString();
        int before = fixture.tickets();
        HttpResponse<String> first = client.postForm("/open311/v2/requests.json", request, "Idempotency-Key", idempotencyKey);
        HttpResponse<String> again = client.postForm("/open311/v2/requests.json", request, "Idempotency-Key", idempotencyKey);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json(again).get(0).get("service_request_id")).isEqualTo(json(first).get(0).get("service_request_id"));
        assertThat(json(again).get(0).get("token")).isEqualTo(json(first).get(0).get("token"));
        assertThat(fixture.tickets()).isEqualTo(before + 1);

        String other = client.postedId(request, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(other).as("the client says it is another request").isNotEqualTo(json(first).get(0).get("service_request_id").asText());
        assertThat(fixture.tickets()).isEqualTo(before + 2);
    }

    @Test
    void anIdempotencyKeySentAgainWithOtherContentIsRefusedAndTakesNothing() throws Exception {
        String idempotencyKey = UUID.randomUUID().toString();
        client.postedId(fresh(), "Idempotency-Key", idempotencyKey);
        int before = fixture.tickets();

        HttpResponse<String> reused = client.postForm("/open311/v2/requests.json", fresh(), "Idempotency-Key", idempotencyKey);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).get(0).get("code").asInt()).isEqualTo(422);
        HttpResponse<String> broken = client.postForm("/open311/v2/requests.json", fresh(), "Idempotency-Key", "two words");
        assertThat(broken.statusCode()).as("a key of visible ASCII").isEqualTo(400);
        assertThat(fixture.tickets()).isEqualTo(before);
    }

    @Test
    void theSameContentFromTheSameKeyIsOneRequestAndAnyDifferenceMakesAnother() throws Exception {
        Map<String, String> request = fresh();
        String id = client.postedId(request);
        int before = fixture.tickets();
        assertThat(client.postedId(request)).isEqualTo(id);

        Map<String, String> writtenLonger = new LinkedHashMap<>(request);
        writtenLonger.put("lat", request.get("lat") + "000");
        assertThat(client.postedId(writtenLonger)).as("the same point written longer").isEqualTo(id);
        assertThat(fixture.tickets()).isEqualTo(before);

        for (String field : List.of("description", "device_id", "email")) {
            Map<String, String> other = new LinkedHashMap<>(request);
            other.put(field, field.equals("email") ? "another@example.com" : request.getOrDefault(field, "") + "2");
            assertThat(client.postedId(other)).as("another " + field).isNotEqualTo(id);
        }
        String otherKey = fixture.key(Channel.GRID_APP);
        Map<String, String> fromAnotherKey = new LinkedHashMap<>(request);
        fromAnotherKey.put("api_key", otherKey);
        assertThat(client.postedId(fromAnotherKey)).as("another client").isNotEqualTo(id);
        assertThat(fixture.tickets()).isEqualTo(before + 4);
    }

    @Test
    void fiftyIdenticalSendsAtOnceMakeOneTicket() throws Exception {
        Map<String, String> request = fresh();
        int before = fixture.tickets();
        List<HttpResponse<String>> answers = sendAtOnce(50, i -> fixture.uri("/open311/v2/requests.json"), request, null);

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
        assertThat(answers.stream().map(a -> a.body().replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1")).distinct())
                .hasSize(1);
        assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty())).hasSize(1);
        assertThat(fixture.tickets()).isEqualTo(before + 1);
    }

    @Test
    void sendsSplitOverTwoGatewaysOnOneStoreMakeOneTicketAndTheRuleOutlivesARestart() throws Exception {
        try (Gateway second = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                GatewayWiring.intakes(fixture.db, Clock.systemUTC()), new RateLimiter(1_000_000, 1_000_000, System::nanoTime))) {
            for (String idempotencyKey : new String[] {null, UUID.randomUUID().toString()}) {
                Map<String, String> request = fresh();
                int before = fixture.tickets();
                List<HttpResponse<String>> answers = sendAtOnce(40, i -> i % 2 == 0 ? fixture.uri("/open311/v2/requests.json")
                        : URI.create("http://127.0.0.1:" + second.port() + "/open311/v2/requests.json"), request, idempotencyKey);

                assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
                assertThat(answers.stream().map(a -> a.body().replaceAll(".*\"service_request_id\":\"([^\"]+)\".*", "$1")).distinct())
                        .as("the store's key decides between gateways").hasSize(1);
                assertThat(fixture.tickets()).isEqualTo(before + 1);
            }
        }
        // a gateway started afresh on the same store knows nothing of what the running one has in
        // memory: what it knows of earlier sends, it knows from the store, as after a restart
        Map<String, String> request = fresh();
        String id = client.postedId(request);
        try (Gateway restarted = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                GatewayWiring.intakes(fixture.db, Clock.systemUTC()))) {
            HttpResponse<String> again = GatewayFixture.HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + restarted.port() + "/open311/v2/requests.json"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Open311Client.encode(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json(again).get(0).get("service_request_id").asText()).as("a gateway that knew nothing of it").isEqualTo(id);
        }
    }

    /// Sends the form `count` times at once (to the address `where` gives for each), with the
    /// `Idempotency-Key` when not null, and waits for every answer.
    private static List<HttpResponse<String>> sendAtOnce(int count, IntFunction<URI> where,
                                                         Map<String, String> form, String idempotencyKey) {
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(where.apply(i))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(Open311Client.encode(form)));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            sent.add(GatewayFixture.HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
        }
        return sent.stream().map(CompletableFuture::join).toList();
    }
}
