package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketEvolution;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/// Channel requests through the gateway into the store (8890 orders, 网格通 reports): keys, idempotency, locating, validation.
class ChannelIntakeTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static Database db;
    private static Gateway gateway;
    private static String hotlineKey;
    private static String videoKey;
    private static String gridAppKey;
    private static Region grid;
    private static final HttpClient HTTP = GatewayFixture.HTTP;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir);
        db = fixture.db;
        gateway = fixture.gateway;
        hotlineKey = fixture.key(Channel.HOTLINE_8890);
        videoKey = fixture.key(Channel.VIDEO);
        gridAppKey = fixture.key(Channel.GRID_APP);
        grid = new DistrictRepository(db.dsl()).regions(RegionLevel.GRID).get(20);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static HttpResponse<String> post(String key, String body) throws Exception {
        return post("/api/v1/hotline/orders", key, body);
    }

    private static HttpResponse<String> post(String path, String key, String body) throws Exception {
        return fixture.post(path, key, body);
    }

    private static String order(String orderNo, String point) {
        return """
                {"orderNo":"%s","receivedAt":"2026-11-26T09:30:00+08:00","caller":{"name":"王建华","phone":"13812348000"},
                 "content":"小区门口路灯不亮三天了","address":"咸水沽镇津沽路 12 号"%s,"urgent":false}"""
                .formatted(orderNo, point == null ? "" : ",\"point\":" + point);
    }

    private static int tickets() {
        return fixture.tickets();
    }

    @Test
    void anOrderIsTakenOnceLocatedToItsGridAndARepeatFindsTheSameTicket() throws Exception {
        var inside = grid.mainPart().getInteriorPoint();
        String point = "{\"lon\":" + inside.getX() + ",\"lat\":" + inside.getY() + "}";
        int before = tickets();
        HttpResponse<String> created = post(hotlineKey, order("8890-20261126-0001", point));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("located").asBoolean()).isTrue();
        assertThat(body.get("grid").asText()).isEqualTo(grid.code());
        var stored = new TicketRepository(db.dsl()).findByCode(body.get("ticket").asText()).orElseThrow();
        assertThat(stored.intake().caller().phone()).isEqualTo("13812348000");
        assertThat(stored.intake().place().address()).isEqualTo("咸水沽镇津沽路 12 号");
        assertThat(stored.intake().externalId()).isEqualTo("8890-20261126-0001");

        HttpResponse<String> again = post(hotlineKey, order("8890-20261126-0001", point));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("ticket").asText()).isEqualTo(body.get("ticket").asText());
        assertThat(JSON.readTree(again.body()).get("alreadyReceived").asBoolean()).isTrue();
        assertThat(tickets()).isEqualTo(before + 1);
    }

    @Test
    void anAmapOrBaiduPointIsTakenInWgs84AndLandsInTheGridItWasTakenIn() throws Exception {
        List<CoordinateSystem> offset = List.of(CoordinateSystem.GCJ02, CoordinateSystem.BD09);
        // a grid small enough that, read as WGS-84, the numbers of either system lie outside it
        Region small = new DistrictRepository(db.dsl()).regions(RegionLevel.GRID).stream()
                .filter(g -> offset.stream().noneMatch(crs -> g.shape().contains(shifted(g, crs)))).findFirst().orElseThrow();
        var inside = small.mainPart().getInteriorPoint();
        for (CoordinateSystem crs : offset) {
            double[] sent = crs.fromWgs(inside.getX(), inside.getY());
            String point = "{\"lon\":%s,\"lat\":%s,\"crs\":\"%s\"}".formatted(sent[0], sent[1], crs.label());

            HttpResponse<String> created = post(hotlineKey, order("8890-CRS-" + crs.name(), point));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(created.body());
            assertThat(body.get("locatedBy").asText()).isEqualTo("POINT");
            assertThat(body.get("grid").asText()).isEqualTo(small.code());
            var stored = new TicketRepository(db.dsl()).findByCode(body.get("ticket").asText()).orElseThrow().intake().place();
            assertThat(stored.lon()).as("stored in WGS-84").isCloseTo(inside.getX(), within(1e-6));
            assertThat(stored.lat()).isCloseTo(inside.getY(), within(1e-6));
        }
    }

    private static Point shifted(Region grid, CoordinateSystem crs) {
        var inside = grid.mainPart().getInteriorPoint();
        double[] sent = crs.fromWgs(inside.getX(), inside.getY());
        return inside.getFactory().createPoint(new Coordinate(sent[0], sent[1]));
    }

    @Test
    void aPointInWebMercatorMetresOrAnUnknownSystemIsRefusedAndChangesNothing() throws Exception {
        int before = tickets();
        var inside = grid.mainPart().getInteriorPoint();
        for (String crs : List.of("EPSG:3857", "Krassowsky", "")) {
            String point = "{\"lon\":%s,\"lat\":%s,\"crs\":\"%s\"}".formatted(inside.getX(), inside.getY(), crs);
            HttpResponse<String> refused = post(hotlineKey, order("8890-BADCRS-" + crs.length(), point));
            if (crs.isEmpty()) {
                assertThat(refused.statusCode()).as("a blank crs is no crs: WGS-84").isEqualTo(201);
                before++;
                continue;
            }
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            JsonNode fields = JSON.readTree(refused.body()).get("fields");
            assertThat(fields.findValuesAsText("field")).containsExactly("point.crs");
            assertThat(fields.toString()).contains(crs);
        }
        String errors = JSON.readTree(post(hotlineKey, order("8890-BADCRS-M", "{\"lon\":1.3e7,\"lat\":4.7e6,\"crs\":\"EPSG:3857\"}"))
                .body()).get("fields").toString();
        assertThat(errors).contains("以米计的 Web 墨卡托坐标", "web-mercator metres");
        assertThat(JSON.readTree(post(hotlineKey, order("8890-BADCRS-U", "{\"lon\":117.4,\"lat\":38.9,\"crs\":\"Xian80\"}"))
                .body()).get("fields").toString()).contains("不是可用的坐标系：Xian80", "Xian80 is not a coordinate system we take");
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void anOrderOutsideTheDistrictOrWithoutAPointIsStillTakenForAPersonToPlace() throws Exception {
        HttpResponse<String> outside = post(hotlineKey, order("8890-OUT-1", "{\"lon\":116.40,\"lat\":39.90}"));
        assertThat(outside.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(outside.body()).get("located").asBoolean()).isFalse();
        HttpResponse<String> noPoint = post(hotlineKey, order("8890-NOPOINT-1", null));
        assertThat(noPoint.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(noPoint.body()).get("grid").asText()).isEmpty();
    }

    @Test
    void keysAreCheckedBeforeAnythingElse() throws Exception {
        int before = tickets();
        assertThat(post(null, order("8890-K-1", null)).statusCode()).isEqualTo(401);
        assertThat(post(ApiKeys.newKey(), order("8890-K-2", null)).statusCode()).as("a key nobody made").isEqualTo(401);
        assertThat(post(videoKey, order("8890-K-3", null)).statusCode()).as("another channel's key").isEqualTo(403);
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void badOrdersAreRefusedFieldByFieldAndChangeNothing() throws Exception {
        int before = tickets();
        HttpResponse<String> bad = post(hotlineKey, """
                {"orderNo":"no spaces allowed","receivedAt":"yesterday","caller":{"phone":"138-1234"},
                 "point":{"lon":"117.3","lat":38.9},"urgent":"yes"}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode fields = JSON.readTree(bad.body()).get("fields");
        assertThat(fields.findValuesAsText("field")).containsExactlyInAnyOrder("orderNo", "receivedAt", "caller.phone",
                "content", "point", "urgent");
        assertThat(fields.toString()).contains("电话应为 5 到 20 位数字", "a phone is 5 to 20 digits");

        for (String broken : new String[] {"{\"orderNo\":", "[1,2,3]", "null", "\"text\"", "{}",
                "{\"orderNo\":\"A1\",\"receivedAt\":\"2026-11-26T09:30:00+08:00\",\"caller\":{\"phone\":\"13812348000\"},"
                        + "\"content\":\"" + "很".repeat(4001) + "\"}",
                "{\"orderNo\":\"A2\",\"receivedAt\":\"2999-01-01T00:00:00Z\",\"caller\":{\"phone\":\"13812348000\"},\"content\":\"x\"}"}) {
            HttpResponse<String> refused = post(hotlineKey, broken);
            assertThat(refused.statusCode()).as(broken.length() > 80 ? broken.substring(0, 80) : broken).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("error").asText()).isEqualTo("invalid");
        }
        HttpResponse<String> huge = fixture.postAskingFirst("/api/v1/hotline/orders", hotlineKey,
                ("{\"content\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(huge.statusCode()).as("over the body limit").isEqualTo(413);
        assertThat(tickets()).isEqualTo(before);
    }

    @Test
    void aGridWorkersReportKeepsItsGridAndItsReporterAndIsTakenOnce() throws Exception {
        String report = """
                {"reportId":"WG-7781","workerId":"W-XSG-001-01","reportedAt":"%s","content":"楼道堆放杂物，存在消防隐患",
                 "gridCode":"%s","photos":["https://app.example/p/1.jpg","https://app.example/p/2.jpg"]}"""
                .formatted(OffsetDateTime.now().minusMinutes(3), grid.code());
        HttpResponse<String> created = post("/api/v1/grid/reports", gridAppKey, report);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("grid").asText()).isEqualTo(grid.code());
        var repo = new TicketRepository(db.dsl());
        var stored = repo.findByCode(body.get("ticket").asText()).orElseThrow();
        assertThat(repo.trail(stored.id()).getFirst().actorId()).as("the trail names the worker").isEqualTo("W-XSG-001-01");
        assertThat(stored.intake().photos()).containsExactly("https://app.example/p/1.jpg", "https://app.example/p/2.jpg");
        assertThat(TicketEvolution.replay(stored.id(), stored.code(), repo.trail(stored.id())))
                .as("the trail keeps the photos too").isEqualTo(stored);
        assertThat(post("/api/v1/grid/reports", gridAppKey, report).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/grid/reports", hotlineKey, report).statusCode()).as("a hotline key").isEqualTo(403);

        int before = tickets();
        HttpResponse<String> unknownGrid = post("/api/v1/grid/reports", gridAppKey, report.replace("WG-7781", "WG-7782")
                .replace(grid.code(), "NO-SUCH-01"));
        assertThat(unknownGrid.statusCode()).isEqualTo(400);
        assertThat(unknownGrid.body()).contains("gridCode", "no such grid");
        HttpResponse<String> badPhotos = post("/api/v1/grid/reports", gridAppKey, report.replace("WG-7781", "WG-7783")
                .replace("https://app.example/p/2.jpg", "ftp://x"));
        assertThat(badPhotos.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPhotos.body()).get("fields").findValuesAsText("field")).containsExactly("photos[1]");
        assertThat(tickets()).isEqualTo(before);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return fixture.get(path);
    }

    @Test
    void open311ListsTheTaxonomysItemsAsServicesInJsonAndXml() throws Exception {
        HttpResponse<String> json = get("/open311/v2/services.json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode services = JSON.readTree(json.body());
        assertThat(services).hasSize(238);
        JsonNode first = services.get(0);
        assertThat(first.fieldNames()).toIterable().containsExactly("service_code", "service_name", "description", "metadata",
                "type", "keywords", "group");
        assertThat(first.get("type").asText()).isEqualTo("realtime");
        Set<String> groups = new HashSet<>(services.findValuesAsText("group"));
        assertThat(groups).as("the nine categories").hasSize(9);

        HttpResponse<String> xml = get("/open311/v2/services.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("services");
        assertThat(document.getElementsByTagName("service").getLength()).isEqualTo(238);
        assertThat(document.getElementsByTagName("service_name").item(0).getTextContent())
                .isEqualTo(first.get("service_name").asText());

        String code = first.get("service_code").asText();
        HttpResponse<String> definition = get("/open311/v2/services/" + code + ".json");
        assertThat(definition.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(definition.body()).get("service_code").asText()).isEqualTo(code);
        assertThat(JSON.readTree(definition.body()).get("attributes")).isEmpty();
        assertThat(get("/open311/v2/services/" + code + ".xml").body()).contains("<service_definition><service_code>" + code);

        HttpResponse<String> unknown = get("/open311/v2/services/NO-SUCH.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get(0).get("code").asInt()).isEqualTo(404);
        assertThat(get("/open311/v2/services/NO-SUCH.xml").body()).contains("<errors><error><code>404</code>");
        assertThat(get("/open311/v2/services.yaml").statusCode()).isEqualTo(404);
    }

    @Test
    void aChannelThatSendsTooFastIsToldToSlowDownAndLosesNothing() throws Exception {
        String key = ApiKeys.newKey();
        new ChannelKeyRepository(db.dsl(), Clock.systemUTC()).add(Channel.HOTLINE_8890, "fast", ApiKeys.digest(key));
        try (Gateway slow = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                GatewayWiring.intakes(db, Clock.systemUTC()), new RateLimiter(0.5, 2, System::nanoTime))) {
            int before = tickets();
            int[] statuses = new int[3];
            for (int i = 0; i < 3; i++) {
                statuses[i] = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slow.port() + "/api/v1/hotline/orders"))
                        .header("X-Api-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(order("RATE-" + i, null))).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(statuses).containsExactly(201, 201, 429);
            assertThat(tickets()).as("the refused one was not half-taken").isEqualTo(before + 2);
        }
    }
}
