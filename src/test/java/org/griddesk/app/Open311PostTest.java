package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.griddesk.app.Open311Client.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/// What an Open311 POST and query must be: the key checked before any of the body is read (when it
/// comes outside the body), coordinates as plain decimals only, `jurisdiction_id` this district's or
/// none, `service_code` lists, and no `service_code: null` for a request not yet classified.
class Open311PostTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static Open311Client client;
    private static String key;
    private static List<Item> items;
    private static Region grid;

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir);
        client = new Open311Client(fixture);
        key = fixture.key(Channel.SMART_PUSH);
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        items = district.taxonomy().items();
        grid = district.regions(RegionLevel.GRID).get(900);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Map<String, String> request(int item, String description) {
        return Open311Client.request(key, items.get(item).code(), Open311Client.pointInside(grid, description.hashCode()), description);
    }

    /// Sends `head` (request line and headers, and no body however long it says the body is) over a
    /// raw socket and reads the answer: the status line, a blank line and the body. A gateway that
    /// waits for the body it was promised never answers, and the read fails after 5 s.
    private static String answerWithoutBody(String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.replace("\n", "\r\n").concat("\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).strip());
                }
            }
            char[] body = new char[length];
            int read = 0;
            while (read < length) {
                int n = in.read(body, read, length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return status + "\n\n" + new String(body, 0, read);
        }
    }

    @Test
    void aKeyOutsideTheBodyIsCheckedBeforeTheBodyIsReadAndABodyKeyNeedsASmallDeclaredBody() throws Exception {
        int before = fixture.tickets();
        String wrong = ApiKeys.newKey();
        String post = "POST /open311/v2/requests.json%s HTTP/1.1\nHost: 127.0.0.1\nContent-Type: application/x-www-form-urlencoded\n%s\n";

        assertThat(answerWithoutBody(post.formatted("", "X-Api-Key: " + wrong + "\nContent-Length: 1000")))
                .as("a wrong key in the header: answered at once").startsWith("HTTP/1.1 403").contains("\"code\":403");
        assertThat(answerWithoutBody(post.formatted("?api_key=" + wrong, "Content-Length: 1000")))
                .as("a wrong key in the query").startsWith("HTTP/1.1 403");
        assertThat(answerWithoutBody(post.formatted("", "Content-Length: 70000")))
                .as("a key in the body, but a body over 64 KB").startsWith("HTTP/1.1 413").contains("\"code\":413");
        assertThat(answerWithoutBody(post.formatted("", "Transfer-Encoding: chunked")))
                .as("a key in the body, but a body of no declared length").startsWith("HTTP/1.1 411").contains("\"code\":411");
        assertThat(answerWithoutBody(post.formatted("", "Transfer-Encoding: chunked").replace("requests.json", "requests.xml")))
                .contains("<errors><error><code>411</code>");

        Map<String, String> keyInTheHeader = request(1, "井盖缺失，夜间危险");
        keyInTheHeader.remove("api_key");
        HttpResponse<String> taken = client.postForm("/open311/v2/requests.json", keyInTheHeader, "X-Api-Key", key);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(fixture.tickets()).isEqualTo(before + 1);
    }

    @Test
    void coordinatesAreTakenOnlyAsPlainDecimalNumbers() throws Exception {
        int before = fixture.tickets();
        for (String bad : List.of("0x1.3p5", "117.38d", "38.9f", "1e2", "3.9E1", "NaN", "Infinity", "-Infinity", "+38.95",
                " 38.95", "38.95 ", "38,95", "３８.９５", "38.", ".95", "0038.95", "38.9512345678901234", "--38.95")) {
            Map<String, String> form = request(2, "路面坑洼");
            form.put("lat", bad);
            HttpResponse<String> refused = client.postForm("/open311/v2/requests.json", form);
            assertThat(refused.statusCode()).as("lat=" + bad + " → " + refused.body()).isEqualTo(400);
            assertThat(json(refused).findValuesAsText("description")).as(bad).anyMatch(d -> d.startsWith("lat"));
        }
        Map<String, String> longitude = request(2, "路面坑洼");
        longitude.put("long", "117.38d");
        assertThat(client.postForm("/open311/v2/requests.json", longitude).statusCode()).isEqualTo(400);
        HttpResponse<String> asJsonText = fixture.post("/open311/v2/requests.json", null, """
                {"api_key":"%s","service_code":"%s","lat":"0x1.3p5","long":"117.38"}""".formatted(key, items.get(2).code()));
        assertThat(asJsonText.statusCode()).isEqualTo(400);
        assertThat(fixture.tickets()).isEqualTo(before);

        Point point = Open311Client.pointInside(grid, 5);
        Map<String, String> plain = request(2, "路面坑洼");
        plain.put("lat", String.format("%.4f", point.getY()));
        plain.put("long", String.format("%.8f", point.getX()));
        assertThat(client.postForm("/open311/v2/requests.json", plain).statusCode()).isEqualTo(200);
    }

    @Test
    void aCrsBesideLatAndLongConvertsAnAmapPointAndAMetresOneIsRefused() throws Exception {
        Point inside = Open311Client.pointInside(grid, 23);
        double[] gcj = CoordinateSystem.GCJ02.fromWgs(inside.getX(), inside.getY());
        Map<String, String> amap = request(4, "路灯不亮（高德坐标）");
        amap.put("lat", Open311Client.degrees(gcj[1]));
        amap.put("long", Open311Client.degrees(gcj[0]));
        amap.put("crs", "GCJ-02");
        var ticket = new TicketRepository(fixture.db.dsl()).findByCode(client.postedId(amap)).orElseThrow();
        assertThat(ticket.intake().gridCode()).isEqualTo(grid.code());
        assertThat(ticket.intake().place().lon()).isCloseTo(inside.getX(), within(2e-6)); // sent to 6 places
        assertThat(ticket.intake().place().lat()).isCloseTo(inside.getY(), within(2e-6));

        int before = fixture.tickets();
        Map<String, String> metres = request(4, "路灯不亮（墨卡托）");
        metres.put("crs", "EPSG:3857");
        HttpResponse<String> refused = client.postForm("/open311/v2/requests.json", metres);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get(0).get("description").asText()).startsWith("crs").contains("EPSG:3857");
        assertThat(fixture.tickets()).isEqualTo(before);
    }

    @Test
    void jurisdictionIdIsThisDistrictsCodeOrAbsent() throws Exception {
        String ours = DemoDistrictGenerator.DISTRICT_CODE;
        Map<String, String> named = request(3, "绿化带缺损");
        named.put("jurisdiction_id", ours);
        assertThat(client.postForm("/open311/v2/requests.json", named).statusCode()).isEqualTo(200);
        assertThat(client.postForm("/open311/v2/requests.json", request(3, "绿化带缺损（无辖区）")).statusCode()).isEqualTo(200);

        int before = fixture.tickets();
        Map<String, String> another = request(3, "绿化带缺损（他区）");
        another.put("jurisdiction_id", "110105");
        HttpResponse<String> refused = client.postForm("/open311/v2/requests.json", another);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get(0).get("description").asText()).contains("jurisdiction_id 110105").contains(ours);
        assertThat(client.postForm("/open311/v2/requests.xml?jurisdiction_id=110105", request(3, "绿化带缺损（查询参数）")).body())
                .contains("<errors><error><code>400</code>");
        assertThat(fixture.tickets()).isEqualTo(before);

        assertThat(fixture.get("/open311/v2/services.json?jurisdiction_id=" + ours).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/open311/v2/services.json?jurisdiction_id=110105").statusCode()).isEqualTo(400);
        assertThat(fixture.get("/open311/v2/services/" + items.get(3).code() + ".json?jurisdiction_id=110105").statusCode()).isEqualTo(400);
        assertThat(fixture.get("/open311/v2/requests.json?api_key=" + key + "&jurisdiction_id=" + ours).statusCode()).isEqualTo(200);
        assertThat(fixture.get("/open311/v2/requests.json?api_key=" + key + "&jurisdiction_id=110105").statusCode()).isEqualTo(400);
    }

    @Test
    void serviceCodeTakesAListAndChecksEveryCode() throws Exception {
        String a = client.postedId(request(10, "服务甲"));
        String b = client.postedId(request(11, "服务乙"));
        String c = client.postedId(request(12, "服务丙"));
        String codes = items.get(10).code() + ",%20" + items.get(11).code();

        JsonNode both = json(fixture.get("/open311/v2/requests.json?api_key=" + key + "&service_code=" + codes));
        assertThat(both.findValuesAsText("service_request_id")).contains(a, b).doesNotContain(c);
        HttpResponse<String> unknown = fixture.get("/open311/v2/requests.json?api_key=" + key + "&service_code="
                + items.get(10).code() + ",NOPE-1,NOPE-2");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).findValuesAsText("description")).anyMatch(d -> d.contains("NOPE-1")).anyMatch(d -> d.contains("NOPE-2"));
        assertThat(fixture.get("/open311/v2/requests.json?api_key=" + key + "&start_date=2026-11-01").statusCode())
                .as("a date without its time and offset").isEqualTo(400);
    }

    @Test
    void aRequestNotYetClassifiedHasAnEmptyServiceCodeNotNull() throws Exception {
        String hotlineKey = fixture.key(Channel.HOTLINE_8890);
        HttpResponse<String> order = fixture.post("/api/v1/hotline/orders", hotlineKey, """
                {"orderNo":"UNCLASSIFIED-1","receivedAt":"%s","caller":{"name":"赵","phone":"13800005555"},
                 "content":"来电反映情况，待分类","urgent":false}""".formatted(OffsetDateTime.now().minusMinutes(1)));
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String id = json(order).get("ticket").asText();

        JsonNode read = json(fixture.get("/open311/v2/requests/" + id + ".json?api_key=" + hotlineKey)).get(0);
        assertThat(read.get("service_code").isTextual()).as(read.toString()).isTrue();
        assertThat(read.get("service_code").asText()).isEmpty();
        assertThat(read.get("service_name").asText()).isEmpty();
        assertThat(read.get("lat").isNull()).as("not placed: no place to show").isTrue();
        assertThat(fixture.get("/open311/v2/requests/" + id + ".xml?api_key=" + hotlineKey).body())
                .contains("<service_code></service_code>");
    }
}
