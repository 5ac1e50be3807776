package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Hundreds of broken bodies against every writing endpoint: each is answered 400 (or 413 for the
/// oversized), never 2xx or 5xx, and the store is exactly as it was.
class MalformedInputTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /// One endpoint: where it is, its key, a valid body, which fields it requires, which are arrays.
    private record Endpoint(String path, String key, ObjectNode valid, Set<String> required, Set<String> arrays) {
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

    private List<Endpoint> endpoints() throws Exception {
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
        Ticket dispatched = dispatchedTicket(grid, item);
        String team = dispatched.assignedTeamId();
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), object("""
                {"orderNo":"M-1","receivedAt":"%s","caller":{"name":"王先生","phone":"13800002222"},"content":"路灯不亮",
                 "address":"津沽路 1 号",%s,"urgent":false,"categoryHint":"市政设施"}""".formatted(now, where)),
                Set.of("orderNo", "receivedAt", "caller", "content"), Set.of()));
        list.add(new Endpoint("/api/v1/grid/reports", fixture.key(Channel.GRID_APP), object("""
                {"reportId":"M-2","workerId":"W-1","reportedAt":"%s","content":"楼道堆物","gridCode":"%s",%s,
                 "photos":["https://app.example/1.jpg"],"itemCode":"%s"}""".formatted(now, grid.code(), where, item)),
                Set.of("reportId", "workerId", "reportedAt", "content"), Set.of("photos")));
        list.add(new Endpoint("/api/v1/video/alarms", fixture.key(Channel.VIDEO), object("""
                {"alarmId":"M-3","cameraCode":"%s","alarmType":"占道经营","confidence":0.9,"alarmAt":"%s","snapshot":"%s"}"""
                .formatted(camera.code(), now, Base64.getEncoder().encodeToString(jpeg))),
                Set.of("alarmId", "cameraCode", "alarmType", "alarmAt"), Set.of()));
        list.add(new Endpoint("/api/v1/pushes", fixture.key(Channel.SMART_PUSH), object("""
                {"pushId":"M-4","source":"井盖监测","reportedAt":"%s","content":"井盖位移","itemCode":"%s","urgent":true,
                 "caller":{"name":"李","phone":"13800003333"},"gridCode":"%s",%s}""".formatted(now, item, grid.code(), where)),
                Set.of("pushId", "source", "reportedAt", "content"), Set.of()));
        list.add(new Endpoint("/open311/v2/requests.json", null, object("""
                {"api_key":"%s","service_code":"%s","lat":%s,"long":%s,"description":"路面塌陷","phone":"13800004444",
                 "media_url":"https://example.com/a.jpg"}""".formatted(fixture.key(Channel.GOVERNANCE_PLATFORM), item,
                point.getY(), point.getX())), Set.of("service_code"), Set.of()));
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/extension", fixture.teamKey(team),
                object("{\"days\":3,\"reason\":\"材料未到\",\"version\":" + dispatched.version() + "}"), Set.of("days", "reason"), Set.of()));
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/handled", fixture.teamKey(team),
                object("{\"result\":\"已处理\",\"evidence\":[\"https://x.example/1.jpg\"],\"version\":" + dispatched.version() + "}"),
                Set.of("result"), Set.of("evidence")));
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
        for (Endpoint e : endpoints) {
            for (byte[] body : broken(e)) {
                HttpResponse<String> answer = fixture.send(e.path(), e.key(), "application/json", HttpRequest.BodyPublishers.ofByteArray(body));
                String shown = new String(body, StandardCharsets.UTF_8);
                shown = shown.length() > 400 ? shown.substring(0, 400) : shown;
                assertThat(answer.statusCode()).as(e.path() + " ← " + shown + " → " + answer.body()).isEqualTo(e.path().startsWith("/open311/") && body.length > 64 * 1024 ? 413 : 400);
                sent++;
            }
        }
        assertThat(sent).as("hundreds of them").isGreaterThan(500);
        for (Endpoint e : endpoints) {
            byte[] huge = new byte[50 * 1024 * 1024];
            Arrays.fill(huge, (byte) 'x');
            huge[0] = '{';
            HttpResponse<String> answer = fixture.postAskingFirst(e.path(), e.key(), huge);
            assertThat(answer.statusCode()).as(e.path() + " with 50 MB").isEqualTo(413);
        }
        assertThat(storeCounts()).isEqualTo(before);
        for (Endpoint e : endpoints) {
            ObjectNode body = e.valid().deepCopy();
            body.remove("version"); // the extension before the report moved the ticket on
            HttpResponse<String> valid = fixture.post(e.path(), e.key(), JSON.writeValueAsString(body));
            assertThat(valid.statusCode()).as("the valid body itself is taken: " + e.path() + " " + valid.body()).isBetween(200, 201);
        }
    }
}
