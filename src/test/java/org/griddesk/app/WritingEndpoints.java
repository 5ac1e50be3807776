package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
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
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.jooq.impl.DSL;

/// The gateway's writing endpoints as the malformed-input tests send to them, each with a valid
/// body, and what those tests check of every refusal: its shape, and a store left as it was.
final class WritingEndpoints {
    private static final ObjectMapper JSON = new ObjectMapper();

    /// One endpoint: where it is, its key, a valid body, which fields it requires, which are arrays,
    /// which are ids (taken exactly as sent), and whether its body must be typed `application/json`
    /// (Open311 takes forms too).
    record Endpoint(String path, String key, ObjectNode valid, Set<String> required, Set<String> arrays, Set<String> ids,
                    boolean typed) {
        boolean open311() {
            return path.startsWith("/open311/");
        }
    }

    private WritingEndpoints() {
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    /// The channels' endpoints and Open311's, with valid bodies that would make new tickets.
    static List<Endpoint> channels(GatewayFixture fixture) throws Exception {
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
    static List<Endpoint> all(GatewayFixture fixture) throws Exception {
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        Ticket dispatched = dispatchedTicket(fixture, district.regions(RegionLevel.GRID).get(40), district.taxonomy().items().get(5).code());
        String team = dispatched.assignedTeamId();
        List<Endpoint> list = new ArrayList<>(channels(fixture));
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/extension", fixture.teamKey(team),
                object("{\"days\":3,\"reason\":\"材料未到\",\"version\":" + dispatched.version() + "}"), Set.of("days", "reason"),
                Set.of(), Set.of(), true));
        list.add(new Endpoint("/api/v1/team/tickets/" + dispatched.code() + "/handled", fixture.teamKey(team),
                object("{\"result\":\"已处理\",\"evidence\":[\"https://x.example/1.jpg\"],\"version\":" + dispatched.version() + "}"),
                Set.of("result"), Set.of("evidence"), Set.of(), true));
        return list;
    }

    private static Ticket dispatchedTicket(GatewayFixture fixture, Region grid, String item) throws Exception {
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

    /// The rows a request could write, and the tickets' versions: equal before and after means nothing was stored.
    static Map<String, Integer> storeCounts(GatewayFixture fixture) {
        var dsl = fixture.db.dsl();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("TICKET", "TICKET_EVENT", "INTAKE_DETAIL", "VIDEO_ALARM", "DUPLICATE_SUGGESTION",
                "EXTENSION_REQUEST", "WHISTLE")) {
            counts.put(table, dsl.fetchCount(dsl.selectFrom(DSL.table(DSL.name(table)))));
        }
        counts.put("versions", dsl.fetchOne("select cast(sum(version) as int) from ticket").get(0, Integer.class));
        return counts;
    }

    /// The gateway's `{"error", "message"}` (maybe with `fields`), or under Open311 its list of
    /// `{code, description}`; JSON either way.
    static void assertDocumentedError(boolean open311, String contentType, String body, String what) throws Exception {
        assertThat(contentType).as(what).startsWith("application/json");
        JsonNode error = JSON.readTree(body);
        if (open311) {
            assertThat(error.isArray() && error.get(0).get("code").isInt() && error.get(0).get("description").isTextual()).as(what).isTrue();
        } else {
            assertThat(error.get("error").asText()).as(what).matches("[a-z_0-9]+");
            assertThat(error.get("message").asText()).as(what).contains(" / ");
        }
    }
}
