package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.StringJoiner;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Workstation;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolRepository;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.testsupport.RecordingAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/// `POST /api/v1/grid/patrols` over real HTTP on the demo district, with a grid worker's token:
/// stored once per Idempotency-Key, bad points named in both languages, bad batches refused whole.
class PatrolGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;
    private String token;
    private Region grid;
    private Point inside;

    @BeforeEach
    void start() {
        fixture = new GatewayFixture(dataDir);
        RecordingAudit audit = new RecordingAudit();
        AccountService accounts = new AccountService(fixture.db.dsl(), Clock.systemUTC(), audit);
        Session sysadmin = ((SignedIn) accounts.signIn("sysadmin", AccountService.DEMO_PASSWORD.toCharArray(), null,
                new Workstation("test", "127.0.0.1"))).session();
        token = new WorkerTokenService(fixture.db.dsl(), Clock.systemUTC(), audit).issue(sysadmin, "grid-worker", "手机", 30).token();
        grid = new DistrictRepository(fixture.db.dsl()).regions(RegionLevel.GRID).get(20);
        inside = grid.mainPart().getInteriorPoint();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /// `n` points 5 s apart ending `secondsAgo` ago, all at the grid's interior point but the last `away` ones at `lon`, `lat`.
    private String batch(int n, long secondsAgo, String... extra) {
        Instant last = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(secondsAgo);
        StringJoiner points = new StringJoiner(",", "{\"points\":[", "]}");
        for (int i = n - 1; i >= 0; i--) {
            points.add("{\"at\":\"%s\",\"lon\":%s,\"lat\":%s,\"accuracy\":6}".formatted(last.minusSeconds(5L * i)
                    .atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime(), inside.getX() + i * 1e-5, inside.getY()));
        }
        for (String e : extra) {
            points.add(e);
        }
        return points.toString();
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri("/api/v1/grid/patrols"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return GatewayFixture.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long stored() {
        return new PatrolRepository(fixture.db.dsl()).totals()[1];
    }

    @Test
    void aBatchIsStoredOnceAndItsResendAnsweredAsReceived() throws Exception {
        String body = batch(6, 10);

        HttpResponse<String> created = post("b-1", body);
        HttpResponse<String> resent = post("b-1", body);
        HttpResponse<String> reused = post("b-1", batch(3, 100));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode answer = JSON.readTree(created.body());
        assertThat(answer.get("stored").asInt()).isEqualTo(6);
        assertThat(answer.get("grid").asText()).isEqualTo(grid.code());
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resent.body()).get("alreadyReceived").asBoolean()).isTrue();
        assertThat(JSON.readTree(resent.body()).get("batch").asLong()).isEqualTo(answer.get("batch").asLong());
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(reused.body()).get("error").asText()).isEqualTo("idempotency_key_reused");
        assertThat(stored()).isEqualTo(6);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(new DayPatrols(new PatrolRepository(fixture.db.dsl())).tracks(today, java.util.List.of(grid.code())))
                .singleElement().satisfies(t -> assertThat(t.points()).hasSize(6));
    }

    @Test
    void pointsOutsideTheDistrictAndInTheFutureAreNamedAndTheRestStored() throws Exception {
        String future = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> answer = post("b-2", batch(3, 30,
                "{\"at\":\"" + Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.SECONDS) + "\",\"lon\":116.397,\"lat\":39.909}",
                "{\"at\":\"" + future + "\",\"lon\":" + inside.getX() + ",\"lat\":" + inside.getY() + "}"));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("stored").asInt()).isEqualTo(3);
        assertThat(body.get("setAside")).hasSize(2);
        assertThat(body.get("setAside").get(0).get("index").asInt()).isEqualTo(3);
        assertThat(body.get("setAside").get(0).get("reason").asText()).isEqualTo("outside_district");
        assertThat(body.get("setAside").get(0).get("message").asText()).contains("不在本区任何网格内", "not in any grid");
        assertThat(body.get("setAside").get(1).get("reason").asText()).isEqualTo("in_future");
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void badBatchesAreRefusedWholeInBothLanguagesAndStoreNothing() throws Exception {
        HttpResponse<String> tooLarge = post("big", batch(121, 10));
        HttpResponse<String> noKey = post(null, batch(2, 10));
        HttpResponse<String> badPoint = post("bad", "{\"points\":[{\"at\":\"yesterday\",\"lon\":117.3,\"lat\":38.9}]}");
        HttpResponse<String> empty = post("empty", "{\"points\":[]}");
        HttpResponse<String> onlyOutside = post("out", "{\"points\":[{\"at\":\"" + Instant.now().minusSeconds(9)
                .truncatedTo(ChronoUnit.SECONDS) + "\",\"lon\":116.397,\"lat\":39.909}]}");
        HttpResponse<String> channelKey = fixture.post("/api/v1/grid/patrols", fixture.key(org.griddesk.domain.ticket.Channel.GRID_APP),
                batch(2, 10));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("message").asText()).contains("最多 120 个点", "at most 120 points");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key");
        assertThat(badPoint.statusCode()).isEqualTo(400);
        assertThat(badPoint.body()).contains("points[0].at", "ISO-8601");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(onlyOutside.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(onlyOutside.body()).get("setAside")).hasSize(1);
        assertThat(channelKey.statusCode()).as("a patrol is a person's, not a channel's").isEqualTo(401);
        assertThat(stored()).isZero();
    }
}
