package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ch.qos.logback.classic.Level;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.RateLimiter;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.LogCapture;
import org.griddesk.testsupport.RawHttp;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Hundreds of broken bodies against every writing endpoint, and broken framing over a raw socket:
/// each is answered with a 4xx (or 505 for an HTTP version the gateway does not speak) in the
/// documented JSON shape, never 2xx, HTML or plain text, and the store is exactly as it was.
class MalformedInputTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /// One endpoint: where it is, its key, a valid body, which fields it requires, which are arrays,
    /// which are ids (taken exactly as sent), and whether its body must be typed `application/json`
    /// (Open311 takes forms too).
    private record Endpoint(String path, String key, ObjectNode valid, Set<String> required, Set<String> arrays, Set<String> ids,
                            boolean typed) {
        boolean open311() {
            return path.startsWith("/open311/");
        }
    }

    /// One request to send: its body, its `Content-Type` (null: none) and the status it must get.
    private record Sent(byte[] body, String contentType, int status) {
        Sent(byte[] body) {
            this(body, "application/json", 400);
        }
    }

    @BeforeAll
    static void start() {
        // no rate limit here: every answer must come from the checks of the body itself
        fixture = new GatewayFixture(dataDir, new RateLimiter(1_000_000, 1_000_000, System::nanoTime));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    /// The channels' endpoints and Open311's, with valid bodies that would make new tickets.
    private static List<Endpoint> channelEndpoints() throws Exception {
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        var grid = district.regions(RegionLevel.GRID).get(40);
        var camera = district.cameras().get(40);
        String item = district.taxonomy().items().get(5).code();
        String now = OffsetDateTime.now().minusMinutes(1).toString();
        var point = grid.mainPart().getInteriorPoint();
        String where = "\"point\":{\"lon\":" + point.getX() + ",\"lat\":" + point.getY() + "}";
        byte[] jpeg;
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", out);
            jpeg = out.toByteArray();
        }
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), object("""
                {"orderNo":"M-1","receivedAt":"%s","caller":{"name":"王先生","phone":"13800002222"},"content":"路灯不亮",
                 "address":"津沽路 1 号",%s,"urgent":false,"categoryHint":"市政设施"}""".formatted(now, where)),
                Set.of("orderNo", "receivedAt", "caller", "content"), Set.of(), Set.of("orderNo"), true));
        list.add(new Endpoint("/api/v1/grid/reports", fixture.key(Channel.GRID_APP), object("""
                {"reportId":"M-2","workerId":"W-1","reportedAt":"%s","content":"楼道堆物","gridCode":"%s",%s,
                 "photos":["https://app.example/1.jpg"],"itemCode":"%s"}""".formatted(now, grid.code(), where, item)),
                Set.of("reportId", "workerId", "reportedAt", "content"), Set.of("photos"), Set.of("reportId", "workerId", "gridCode",
                "itemCode"), true));
        list.add(new Endpoint("/api/v1/video/alarms", fixture.key(Channel.VIDEO), object("""
                {"alarmId":"M-3","cameraCode":"%s","alarmType":"占道经营","confidence":0.9,"alarmAt":"%s","snapshot":"%s"}"""
                .formatted(camera.code(), now, Base64.getEncoder().encodeToString(jpeg))),
                Set.of("alarmId", "cameraCode", "alarmType", "alarmAt"), Set.of(), Set.of("alarmId", "cameraCode"), true));
        list.add(new Endpoint("/api/v1/pushes", fixture.key(Channel.SMART_PUSH), object("""
                {"pushId":"M-4","source":"井盖监测","reportedAt":"%s","content":"井盖位移","itemCode":"%s","urgent":true,
                 "caller":{"name":"李","phone":"13800003333"},"gridCode":"%s",%s}""".formatted(now, item, grid.code(), where)),
                Set.of("pushId", "source", "reportedAt", "content"), Set.of(), Set.of("pushId", "itemCode", "gridCode"), true));
        list.add(new Endpoint("/open311/v2/requests.json", null, object("""
                {"api_key":"%s","service_code":"%s","lat":%s,"long":%s,"description":"路面塌陷","phone":"13800004444",
                 "media_url":"https://example.com/a.jpg"}""".formatted(fixture.key(Channel.GOVERNANCE_PLATFORM), item,
                point.getY(), point.getX())), Set.of("service_code"), Set.of(), Set.of(), false));
        return list;
    }

    /// Every writing endpoint: the channels', Open311's and the team API's (on a ticket dispatched for it).
    private static List<Endpoint> endpoints() throws Exception {
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        Ticket dispatched = dispatchedTicket(district.regions(RegionLevel.GRID).get(40), district.taxonomy().items().get(5).code());
        String team = dispatched.assignedTeamId();
        List<Endpoint> list = new ArrayList<>(channelEndpoints());
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/extension", fixture.teamKey(team),
                object("{\"days\":3,\"reason\":\"材料未到\",\"version\":" + dispatched.version() + "}"), Set.of("days", "reason"),
                Set.of(), Set.of(), true));
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/handled", fixture.teamKey(team),
                object("{\"result\":\"已处理\",\"evidence\":[\"https://x.example/1.jpg\"],\"version\":" + dispatched.version() + "}"),
                Set.of("result"), Set.of("evidence"), Set.of(), true));
        return list;
    }

    private static Ticket dispatchedTicket(Region grid, String item) throws Exception {
        var point = grid.mainPart().getInteriorPoint();
        String code = JSON.readTree(fixture.post("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), """
                {"orderNo":"SETUP-1","receivedAt":"%s","caller":{"phone":"13800005555"},"content":"井盖破损",
                 "point":{"lon":%s,"lat":%s}}""".formatted(OffsetDateTime.now().minusMinutes(2), point.getX(), point.getY())).body())
                .get("ticket").asText();
        var desk = fixture.desk();
        Ticket t = new TicketRepository(fixture.db.dsl()).findByCode(code).orElseThrow();
        var it = new DistrictRepository(fixture.db.dsl()).taxonomy().item(item).orElseThrow();
        t = desk.execute(t, new TicketCommand.Accept(item, it.deadline(), it.consultation()), fixture.dispatcherOf(t)).after();
        var organisation = new DistrictRepository(fixture.db.dsl()).organisation();
        String owner = t.ownerUnitId();
        var team = organisation.units().stream().filter(u -> u.isTeam() && owner.equals(u.parentId())).findFirst().orElseThrow();
        t = desk.execute(t, new TicketCommand.Dispatch(team.id()), fixture.dispatcherOf(t)).after();
        return desk.execute(t, new TicketCommand.Sign(), new Actor("h", "队员",
                Role.HANDLER, team)).after();
    }

    /// Every broken variant of one endpoint's valid body.
    private static List<byte[]> broken(Endpoint e) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        byte[] valid = JSON.writeValueAsBytes(e.valid());
        for (int i = 0; i < 25; i++) { // truncated anywhere
            bodies.add(Arrays.copyOf(valid, valid.length * i / 25));
        }
        List<JsonNode> wrong = List.of(NODES.numberNode(12345), NODES.objectNode(), NODES.arrayNode().add(1),
                NODES.textNode("很".repeat(100_000)), NODES.booleanNode(false), NODES.numberNode(-1.5e300));
        for (String field : iterable(e.valid().fieldNames())) {
            for (JsonNode value : wrong) {
                JsonNode was = e.valid().get(field);
                if (field.equals("api_key") || value.getNodeType() == was.getNodeType() && !value.isTextual()) {
                    continue; // a key is checked before the body; the same type may be a valid value
                }
                ObjectNode body = e.valid().deepCopy();
                body.set(field, value);
                bodies.add(JSON.writeValueAsBytes(body));
            }
            if (e.required().contains(field)) {
                ObjectNode body = e.valid().deepCopy();
                body.remove(field);
                bodies.add(JSON.writeValueAsBytes(body));
                body.put(field, "   ");
                bodies.add(JSON.writeValueAsBytes(body));
            }
            if (e.arrays().contains(field)) {
                ObjectNode body = e.valid().deepCopy();
                body.set(field, NODES.arrayNode().add("not a url").add(7));
                bodies.add(JSON.writeValueAsBytes(body));
            }
        }
        String text = new String(valid, StandardCharsets.UTF_8);
        for (String whole : List.of("", "null", "[]", "[1,2]", "\"text\"", "42", "true", "{", "}", "{\"a\":}", "{,}",
                "{\"a\":1,}", "<xml/>", "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}")) {
            bodies.add(whole.getBytes(StandardCharsets.UTF_8));
        }
        String number = "\"(lon|lat|confidence|days)\":[^,}]+";
        for (String variant : List.of(text.replaceFirst(number, "\"$1\":NaN"), text.replaceFirst(number, "\"$1\":1e400"),
                text.replaceFirst(number, "\"$1\":Infinity"), text.replace("\"lon\":", "\"lon\":\"117.3\",\"x\":"))) {
            if (!variant.equals(text)) {
                bodies.add(variant.getBytes(StandardCharsets.UTF_8));
            }
        }
        // invalid UTF-8 inside a string, and a lone surrogate escaped
        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        int quote = text.indexOf("\":\"") + 3;
        bad.write(valid, 0, quote);
        bad.write(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE});
        bad.write(valid, quote, valid.length - quote);
        bodies.add(bad.toByteArray());
        // a lone surrogate and a NUL, escaped: valid JSON, but no text a store can keep
        String freeText = "\"(content|description|reason|result|alarmType)\":\"";
        for (String escape : List.of("\\\\uD800", "\\\\u0000")) {
            String variant = text.replaceFirst(freeText, "\"$1\":\"" + escape);
            assertThat(variant).isNotEqualTo(text);
            bodies.add(variant.getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /// The cases of issue 28 (point 4) that lenient reading took: content after the JSON value, two
    /// values back to back, duplicate keys, overlong and other ill-formed UTF-8, C1 controls and
    /// noncharacters, controls and lone surrogates in lists, ids with a line break or spaces, numbers
    /// that are not whole or too large, and a body of the wrong type or none stated.
    private static List<Sent> strict(Endpoint e) throws Exception {
        List<Sent> sent = new ArrayList<>();
        String text = JSON.writeValueAsString(e.valid());
        for (String after : List.of("x", " garbage", "{}", text, "\n" + text, "]", "\u0000", "\"more\"", "7")) {
            sent.add(new Sent(utf8(text + after)));
        }
        for (String field : iterable(e.valid().fieldNames())) { // the same key twice, at the top and one level down
            JsonNode value = e.valid().get(field);
            sent.add(new Sent(utf8("{\"" + field + "\":" + JSON.writeValueAsString(value) + "," + text.substring(1))));
            if (value.isObject() && !value.isEmpty()) {
                String inner = value.fieldNames().next();
                String twice = "\"" + inner + "\":" + JSON.writeValueAsString(value.get(inner)) + ",";
                sent.add(new Sent(utf8(text.replace("\"" + field + "\":{", "\"" + field + "\":{" + twice))));
            }
        }
        for (String hex : List.of("c0af", "e080af", "f08080af", "eda080", "f4908080", "c285", "efbfbf", "efb790", "e4bd")) {
            sent.add(new Sent(withBytes(text, HexFormat.of().parseHex(hex))));
        }
        String freeText = "\"(content|description|reason|result|alarmType)\":\"";
        for (String escape : List.of("\\\\u0085", "\\\\uFFFF", "\\\\uFFFE", "\\\\uFDD0", "\\\\u009F", "\\\\u001B", "\\\\u007F")) {
            sent.add(new Sent(utf8(text.replaceFirst(freeText, "\"$1\":\"" + escape))));
        }
        // in a list the endpoint keeps, or else in one it does not know: text anywhere is checked
        String list = e.arrays().isEmpty() ? "tags" : e.arrays().iterator().next();
        for (String escape : List.of("\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\uD800", "\\uDC00", "\\u0085", "\\uFFFF")) {
            ObjectNode body = e.valid().deepCopy();
            body.remove(list);
            String json = JSON.writeValueAsString(body);
            sent.add(new Sent(utf8(json.substring(0, json.length() - 1) + ",\"" + list + "\":[\"https://app.example/1.jpg\","
                    + "\"https://app.example/" + escape + ".jpg\"]}")));
        }
        for (String id : e.ids()) {
            for (String wrapped : List.of("%s\n", " %s", "%s ", "%s\t", "\r\n%s")) {
                ObjectNode body = e.valid().deepCopy();
                body.put(id, wrapped.formatted(e.valid().get(id).asText()));
                sent.add(new Sent(JSON.writeValueAsBytes(body)));
            }
        }
        for (String field : iterable(e.valid().fieldNames())) {
            if (e.valid().get(field).isIntegralNumber()) {
                for (String notWhole : List.of(e.valid().get(field).asText() + ".0", e.valid().get(field).asText() + "e0",
                        "18446744073709551617")) {
                    sent.add(new Sent(utf8(text.replace("\"" + field + "\":" + e.valid().get(field).asText(), "\"" + field + "\":" + notWhole))));
                }
            }
        }
        if (e.typed()) {
            for (String type : Arrays.asList(null, "text/plain", "text/json", "application/x-www-form-urlencoded",
                    "application/json; charset=gbk", "application/json; charset=utf-16", "multipart/form-data; boundary=x")) {
                sent.add(new Sent(utf8(text), type, 415));
            }
        }
        return sent;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /// `bytes` put right after the opening quote of the body's first text value.
    private static byte[] withBytes(String text, byte[] bytes) {
        byte[] valid = utf8(text);
        int quote = utf8(text.substring(0, text.indexOf("\":\"") + 3)).length;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(valid, 0, quote);
        body.writeBytes(bytes);
        body.write(valid, quote, valid.length - quote);
        return body.toByteArray();
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    private Map<String, Integer> storeCounts() {
        var dsl = fixture.db.dsl();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("TICKET", "TICKET_EVENT", "INTAKE_DETAIL", "VIDEO_ALARM", "DUPLICATE_SUGGESTION",
                "EXTENSION_REQUEST", "WHISTLE")) {
            counts.put(table, dsl.fetchCount(dsl.selectFrom(DSL.table(DSL.name(table)))));
        }
        counts.put("versions", dsl.fetchOne("select cast(sum(version) as int) from ticket").get(0, Integer.class));
        return counts;
    }

    @Test
    void everyBrokenBodyIsAnsweredWithA4xxAndTheStoreIsUnchanged() throws Exception {
        List<Endpoint> endpoints = endpoints();
        Map<String, Integer> before = storeCounts();
        int sent = 0;
        int strict = 0;
        for (Endpoint e : endpoints) {
            List<Sent> cases = new ArrayList<>(broken(e).stream().map(Sent::new).toList());
            List<Sent> strictCases = strict(e);
            strict += strictCases.size();
            cases.addAll(strictCases);
            for (Sent c : cases) {
                HttpResponse<String> answer = send(e, c.contentType(), c.body());
                String shown = new String(c.body(), StandardCharsets.UTF_8);
                shown = shown.length() > 400 ? shown.substring(0, 400) : shown;
                String what = e.path() + " ← " + c.contentType() + " " + shown + " → " + answer.body();
                assertThat(answer.statusCode()).as(what).isEqualTo(c.status());
                assertDocumentedError(e.open311(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(), what);
                sent++;
            }
        }
        assertThat(sent).as("hundreds of them").isGreaterThan(900);
        assertThat(strict).as("the cases of issue 28").isGreaterThan(400);
        for (Endpoint e : endpoints) {
            byte[] huge = new byte[50 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'x');
            huge[0] = '{';
            HttpResponse<String> answer = fixture.postAskingFirst(e.path(), e.key(), huge);
            assertThat(answer.statusCode()).as(e.path() + " with 50 MB").isEqualTo(413);
            assertDocumentedError(e.open311(), answer.headers().firstValue("Content-Type").orElse(""), answer.body(), e.path());
        }
        assertThat(storeCounts()).isEqualTo(before);
        for (Endpoint e : endpoints) {
            ObjectNode body = e.valid().deepCopy();
            body.remove("version"); // the extension before the report moved the ticket on
            byte[] withBom = concat(HexFormat.of().parseHex("efbbbf"), JSON.writeValueAsBytes(body));
            HttpResponse<String> valid = send(e, "application/json; charset=UTF-8", withBom);
            assertThat(valid.statusCode()).as("the valid body itself is taken, a byte order mark before it skipped: " + e.path()
                    + " " + valid.body()).isBetween(200, 201);
        }
    }

    /// Framing no HTTP client would send, over a raw socket to every channel: each is answered in
    /// the documented JSON shape (Open311's list under `/open311/`) with a status that says what
    /// was wrong, never as HTML or plain text, and nothing is stored.
    @Test
    void brokenFramingIsAnsweredInTheDocumentedShapeAndNothingIsStored() throws Exception {
        List<Endpoint> endpoints = channelEndpoints();
        Map<String, Integer> before = storeCounts();
        int port = fixture.gateway.port();
        int n = 0;
        for (Endpoint e : endpoints) {
            ObjectNode fresh = e.valid().deepCopy(); // a body that would make a new ticket, were its framing taken
            if (!e.ids().isEmpty()) {
                fresh.put(e.ids().iterator().next(), "RAW-" + n++);
            }
            String body = JSON.writeValueAsString(fresh);
            String head = "POST " + e.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (e.key() == null ? "" : "X-Api-Key: " + e.key() + "\r\n")
                    + "Content-Type: application/json\r\n";
            int length = utf8(body).length;
            Map<String, Integer> framings = new LinkedHashMap<>();
            framings.put(head + "Content-Length: abc\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: -5\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: 99999999999999999999\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: " + length + "\r\nContent-Length: " + (length + 1) + "\r\n\r\n" + body, 400);
            framings.put(head + "Content-Length: " + length + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunked(body), 400);
            framings.put(head + "Content-Length: " + (length + 100) + "\r\n\r\n" + body, 400); // then the client closes
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n-5\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n2\r\n" + body + "\r\n0\r\n\r\n", 400);
            framings.put(head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(length) + "\r\n" + body, 400); // no last chunk
            framings.put(head + "Transfer-Encoding: gzip, chunked, identity\r\n\r\n" + chunked(body), 400);
            for (Map.Entry<String, Integer> framing : framings.entrySet()) {
                RawHttp.Answer answer = RawHttp.exchange(port, framing.getKey());
                String what = shown(framing.getKey()) + " → " + answer;
                assertThat(answer.status()).as(what).isEqualTo(framing.getValue());
                assertDocumentedError(e.open311(), answer.contentType(), answer.body(), what);
            }
            if (e.typed()) { // a chunked body over 4 MB, read until the limit
                ByteArrayOutputStream over = new ByteArrayOutputStream();
                over.writeBytes(utf8(head + "Transfer-Encoding: chunked\r\n\r\n"));
                String chunk = "x".repeat(64 * 1024);
                for (int i = 0; i < 80; i++) {
                    over.writeBytes(utf8(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"));
                }
                over.writeBytes(utf8("0\r\n\r\n"));
                RawHttp.Answer answer = RawHttp.exchange(port, over.toByteArray());
                assertThat(answer.status()).as(e.path() + " chunked over 4 MB → " + answer).isEqualTo(413);
                assertDocumentedError(false, answer.contentType(), answer.body(), answer.toString());
            }
        }
        String key = fixture.key(Channel.HOTLINE_8890);
        Map<String, Integer> requests = new LinkedHashMap<>();
        requests.put("POST /api/v1/hotline/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key + "\r\nX-Padding: "
                + "p".repeat(32 * 1024) + "\r\n\r\n", 431);
        requests.put("GET /api/v1/team/tickets/" + "9".repeat(32 * 1024) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414);
        requests.put("GARBAGE\r\n\r\n", 400);
        requests.put("POST\r\n\r\n", 400);
        requests.put("POST /api/v1/hotline/orders HTTP/1.1 extra\r\nHost: 127.0.0.1\r\n\r\n", 400);
        requests.put("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n", 400);
        requests.put("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n folded\r\n\r\n", 400);
        requests.put("POST /api/v1/hotline/orders\r\n\r\n", 505); // HTTP/0.9
        requests.put("GET /health HTTP/0.9\r\n\r\n", 505);
        requests.put("GET /health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 426); // HTTP/2 is not spoken on plain text
        requests.put("GET /health HTTP/3.7\r\nHost: 127.0.0.1\r\n\r\n", 505);
        for (Map.Entry<String, Integer> request : requests.entrySet()) {
            RawHttp.Answer answer = RawHttp.exchange(port, request.getKey());
            String what = shown(request.getKey()) + " → " + answer;
            assertThat(answer.status()).as(what).isEqualTo(request.getValue());
            assertDocumentedError(false, answer.contentType(), answer.body(), what);
        }
        assertThat(storeCounts()).isEqualTo(before);
    }

    /// A client that sends half a body and goes away (closing, or resetting the connection) is
    /// logged once as a closed connection, at INFO, never as the store being away; on a channel's
    /// JSON endpoint and on Open311's form.
    @Test
    void aClientThatHangsUpMidBodyIsNotTakenForTheStoreGoingAway() throws Exception {
        String order = "POST /api/v1/hotline/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + fixture.key(Channel.HOTLINE_8890)
                + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"orderNo\":\"HALF-1\",\"content\":\"";
        String form = "POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: 100000\r\n\r\napi_key=" + fixture.key(Channel.GOVERNANCE_PLATFORM) + "&description=";
        Map<String, Integer> before = storeCounts();
        try (LogCapture log = new LogCapture("org.griddesk.intake")) {
            for (String half : List.of(order, form)) {
                for (boolean reset : List.of(false, true)) {
                    try (Socket socket = new Socket("127.0.0.1", fixture.gateway.port())) {
                        socket.getOutputStream().write(utf8(half + "路".repeat(3000)));
                        socket.getOutputStream().flush();
                        Thread.sleep(200); // the gateway is reading the body now
                        socket.setSoLinger(reset, 0);
                    }
                }
            }
            for (long until = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < until
                    && log.lines().stream().filter(l -> l.contains("client closed the connection")).count() < 4; ) {
                Thread.sleep(50);
            }
            assertThat(log.lines().stream().filter(l -> l.contains("client closed the connection")))
                    .as("once per abandoned request, at INFO").hasSize(4).allSatisfy(l -> assertThat(l).startsWith("INFO "));
            assertThat(log.lines(Level.WARN)).as("no false alarm").isEmpty();
        }
        assertThat(storeCounts()).isEqualTo(before);
    }

    private static HttpResponse<String> send(Endpoint e, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fixture.uri(e.path())).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (e.key() != null) {
            request.header("X-Api-Key", e.key());
        }
        return GatewayFixture.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /// The gateway's `{"error", "message"}` (maybe with `fields`), or under Open311 its list of
    /// `{code, description}`; JSON either way.
    private static void assertDocumentedError(boolean open311, String contentType, String body, String what) throws Exception {
        assertThat(contentType).as(what).startsWith("application/json");
        JsonNode error = JSON.readTree(body);
        if (open311) {
            assertThat(error.isArray() && error.get(0).get("code").isInt() && error.get(0).get("description").isTextual()).as(what).isTrue();
        } else {
            assertThat(error.get("error").asText()).as(what).matches("[a-z_0-9]+");
            assertThat(error.get("message").asText()).as(what).contains(" / ");
        }
    }

    private static String shown(String request) {
        String oneLine = request.replace("\r\n", "⏎");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static String chunked(String body) {
        return Integer.toHexString(utf8(body).length) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
