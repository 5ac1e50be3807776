package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import static org.griddesk.app.Open311Client.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.locationtech.jts.geom.Point;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Open311 GeoReport v2 service requests: created form-encoded (as the specification's example) or as
/// JSON, read back by id, by token and by query, in JSON and XML, with the specification's errors.
/// What a read shows and whom to is [Open311ScopeTest]'s; repeats are [Open311RepeatsTest]'s.
class Open311RequestsTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static String key;
    private static String serviceCode;
    private static Region grid;
    private static Point point;
    private static Open311Client client;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir);
        key = fixture.key(Channel.GOVERNANCE_PLATFORM);
        serviceCode = new DistrictRepository(fixture.db.dsl()).taxonomy().items().get(10).code();
        grid = new DistrictRepository(fixture.db.dsl()).regions(RegionLevel.GRID).get(77);
        point = Open311Client.pointInside(grid, 77);
        client = new Open311Client(fixture);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /// The specification's example request, moved to Jinnan.
    private static Map<String, String> example() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", key);
        form.put("service_code", serviceCode);
        form.put("lat", Double.toString(point.getY()));
        form.put("long", Double.toString(point.getX()));
        form.put("address_string", "津南区咸水沽镇津沽路 1 号");
        form.put("email", "smith@example.com");
        form.put("device_id", "tt222111");
        form.put("account_id", "123456");
        form.put("first_name", "john");
        form.put("last_name", "smith");
        form.put("phone", "+86 138-0000-1111");
        form.put("description", "路面塌陷，形成大坑，车辆难以通行");
        form.put("media_url", "https://example.com/sinkhole.jpg");
        return form;
    }

    /// The example with other words: another request (the same content again would be a repeat).
    private static Map<String, String> example(String description) {
        Map<String, String> form = example();
        form.put("description", description);
        return form;
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        return client.postForm(path, form);
    }

    @Test
    void aFormEncodedRequestGetsItsIdAtOnceAndReadsBackByIdTokenAndQuery() throws Exception {
        HttpResponse<String> created = postForm("/open311/v2/requests.json", example());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        JsonNode answer = json(created).get(0);
        assertThat(answer.fieldNames()).toIterable().containsExactly("service_request_id", "token", "service_notice", "account_id");
        String id = answer.get("service_request_id").asText();
        var ticket = new TicketRepository(fixture.db.dsl()).findByCode(id).orElseThrow();
        assertThat(ticket.intake().channel()).as("the key's channel").isEqualTo(Channel.GOVERNANCE_PLATFORM);
        assertThat(ticket.intake().gridCode()).isEqualTo(grid.code());
        assertThat(ticket.intake().caller().phone()).isEqualTo("13800001111");
        assertThat(ticket.intake().caller().name()).isEqualTo("smithjohn");
        assertThat(ticket.intake().photos()).containsExactly("https://example.com/sinkhole.jpg");

        JsonNode one = json(fixture.get("/open311/v2/requests/" + id + ".json?api_key=" + key));
        assertThat(one).hasSize(1);
        JsonNode request = one.get(0);
        assertThat(request.fieldNames()).toIterable().containsExactly("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
                "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("status_notes").asText()).isEqualTo("待受理");
        assertThat(request.get("service_code").asText()).isEqualTo(serviceCode);
        assertThat(request.get("requested_datetime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(request.get("expected_datetime").isNull()).as("no deadline before it is accepted").isTrue();
        var place = grid.mainPart().getInteriorPoint();
        assertThat(request.get("long").asDouble()).as("the grid's place, not the citizen's point").isCloseTo(place.getX(), within(1e-5));
        assertThat(request.get("lat").asDouble()).isCloseTo(place.getY(), within(1e-5));
        assertThat(request.get("address").asText()).endsWith(grid.name());

        JsonNode token = json(fixture.get("/open311/v2/tokens/" + answer.get("token").asText() + ".json?api_key=" + key));
        assertThat(token.get(0).get("service_request_id").asText()).isEqualTo(id);

        var desk = fixture.desk();
        var item = new DistrictRepository(fixture.db.dsl()).taxonomy().item(serviceCode).orElseThrow();
        desk.execute(ticket, new TicketCommand.Accept(serviceCode, item.deadline(), item.consultation()), fixture.dispatcherOf(ticket));
        JsonNode accepted = json(fixture.get("/open311/v2/requests/" + id + ".json?api_key=" + key)).get(0);
        assertThat(accepted.get("status_notes").asText()).isEqualTo("已受理");
        assertThat(accepted.get("expected_datetime").asText()).as("the deadline").endsWith("+08:00");

        String other = json(postForm("/open311/v2/requests.json", example("路面塌陷，车辆难以通行（再报）"))).get(0)
                .get("service_request_id").asText();
        assertThat(other).as("other words: another request").isNotEqualTo(id);
        var second = new TicketRepository(fixture.db.dsl()).findByCode(other).orElseThrow();
        desk.execute(second, new TicketCommand.RejectInvalid("重复来电，与 " + id + " 为同一事项"), fixture.dispatcherOf(second));
        JsonNode both = json(fixture.get("/open311/v2/requests.json?api_key=" + key + "&service_request_id=" + id + "," + other + ",NOPE"));
        assertThat(both.findValuesAsText("service_request_id")).containsExactly(id, other);
        assertThat(both.findValuesAsText("status")).containsExactly("open", "closed");
        JsonNode open = json(fixture.get("/open311/v2/requests.json?api_key=" + key + "&service_code=" + serviceCode + "&status=open"));
        assertThat(open.findValuesAsText("service_request_id")).contains(id).doesNotContain(other);
        JsonNode closed = json(fixture.get("/open311/v2/requests.json?api_key=" + key + "&status=closed"));
        assertThat(closed.findValuesAsText("service_request_id")).containsExactly(other);
    }

    @Test
    void xmlAndJsonBodiesWorkToo() throws Exception {
        HttpResponse<String> xml = postForm("/open311/v2/requests.xml", example("井盖缺失，夜间危险"));
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><service_requests><request><service_request_id>");
        String id = xml.body().replaceAll(".*<service_request_id>([^<]+)<.*", "$1");
        assertThat(fixture.get("/open311/v2/requests/" + id + ".xml?api_key=" + key).body())
                .contains("<status>open</status>", "<service_code>" + serviceCode + "</service_code>", "<zipcode></zipcode>");

        Map<String, Object> body = new LinkedHashMap<>(example("路面积水，行人难以通行"));
        body.put("lat", Double.parseDouble(example().get("lat")));
        body.put("long", Double.parseDouble(example().get("long")));
        HttpResponse<String> fromJson = fixture.post("/open311/v2/requests.json", null, JSON.writeValueAsString(body));
        assertThat(fromJson.statusCode()).as(fromJson.body()).isEqualTo(200);
    }

    @Test
    void errorsComeInTheSpecificationsShapeAndWriteNothing() throws Exception {
        int before = fixture.tickets();
        Map<String, String> noKey = example();
        noKey.remove("api_key");
        HttpResponse<String> forbidden = postForm("/open311/v2/requests.json", noKey);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).get(0).get("code").asInt()).isEqualTo(403);

        Map<String, String> bad = example();
        bad.remove("service_code");
        bad.put("lat", "north");
        bad.put("phone", "call me");
        HttpResponse<String> refused = postForm("/open311/v2/requests.json", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).findValuesAsText("description")).anyMatch(d -> d.startsWith("service_code"))
                .anyMatch(d -> d.startsWith("lat")).anyMatch(d -> d.startsWith("phone"));
        assertThat(json(refused).findValuesAsText("code")).containsOnly("400");

        Map<String, String> nowhere = example();
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        assertThat(postForm("/open311/v2/requests.xml", nowhere).body()).contains("<errors><error><code>400</code>", "a location is required");
        Map<String, String> unknownService = example();
        unknownService.put("service_code", "NO-SUCH");
        assertThat(json(postForm("/open311/v2/requests.json", unknownService)).get(0).get("description").asText())
                .contains("service_code NO-SUCH was not found");
        assertThat(fixture.tickets()).isEqualTo(before);

        assertThat(fixture.get("/open311/v2/requests.json").statusCode()).as("reading needs a key").isEqualTo(403);
        assertThat(fixture.get("/open311/v2/requests.json?api_key=" + key + "&status=pending").statusCode()).isEqualTo(400);
        assertThat(json(fixture.get("/open311/v2/requests.json?api_key=" + key
                + "&start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-11-01T00:00:00%2B08:00")).get(0).get("description").asText())
                .contains("90 days");
        assertThat(fixture.get("/open311/v2/requests/NOPE.json?api_key=" + key).statusCode()).isEqualTo(404);
        assertThat(fixture.get("/open311/v2/tokens/NOPE.json?api_key=" + key).statusCode()).isEqualTo(404);
    }
}
