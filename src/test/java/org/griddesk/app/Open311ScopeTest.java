package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.griddesk.app.Open311Client.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Point;

/// Open311 reads are scoped like writes: a channel's key reads what its channel sent, and another
/// channel's request is answered exactly as one that does not exist, by id, in a list, by token.
/// And no read holds what a citizen gave: name, phone, e-mail, words, address, point.
class Open311ScopeTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static Open311Client client;
    private static String hotlineKey;
    private static String videoKey;
    private static String serviceCode;
    private static Region grid;

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir);
        client = new Open311Client(fixture);
        hotlineKey = fixture.key(Channel.HOTLINE_8890);
        videoKey = fixture.key(Channel.VIDEO);
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        serviceCode = district.taxonomy().items().get(20).code();
        grid = district.regions(RegionLevel.GRID).get(300);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /// A request posted with `key`, and its answer: id and token.
    private static JsonNode post(String key, String description, long seed) throws Exception {
        HttpResponse<String> answer = client.postForm("/open311/v2/requests.json",
                Open311Client.request(key, serviceCode, Open311Client.pointInside(grid, seed), description));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get(0);
    }

    private static HttpResponse<String> read(String path, String key) throws Exception {
        return fixture.get(path + (path.contains("?") ? "&" : "?") + "api_key=" + key);
    }

    @Test
    void aChannelReadsWhatItSentAndAnotherChannelsRequestIsAnsweredAsNone() throws Exception {
        JsonNode byHotline = post(hotlineKey, "小区门口垃圾堆积", 1);
        JsonNode byVideo = post(videoKey, "路口机动车违停", 2);
        String hotlineId = byHotline.get("service_request_id").asText();
        String videoId = byVideo.get("service_request_id").asText();

        for (String format : List.of("json", "xml")) {
            assertThat(read("/open311/v2/requests/" + hotlineId + "." + format, hotlineKey).statusCode()).isEqualTo(200);
            assertThat(read("/open311/v2/requests/" + videoId + "." + format, videoKey).statusCode()).isEqualTo(200);
            HttpResponse<String> foreign = read("/open311/v2/requests/" + hotlineId + "." + format, videoKey);
            HttpResponse<String> none = read("/open311/v2/requests/2001-9999." + format, videoKey);
            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(foreign.body().replace(hotlineId, "ID")).as("no oracle: the same answer as for no request")
                    .isEqualTo(none.body().replace("2001-9999", "ID"));

            String hotlineToken = byHotline.get("token").asText();
            assertThat(read("/open311/v2/tokens/" + hotlineToken + "." + format, hotlineKey).body()).contains(hotlineId);
            HttpResponse<String> foreignToken = read("/open311/v2/tokens/" + hotlineToken + "." + format, videoKey);
            HttpResponse<String> noToken = read("/open311/v2/tokens/O311-NOSUCHTOKEN." + format, videoKey);
            assertThat(foreignToken.statusCode()).isEqualTo(404);
            assertThat(foreignToken.body().replace(hotlineToken, "T")).isEqualTo(noToken.body().replace("O311-NOSUCHTOKEN", "T"));
        }

        JsonNode asked = json(read("/open311/v2/requests.json?service_request_id=" + hotlineId + "," + videoId, videoKey));
        assertThat(asked.findValuesAsText("service_request_id")).containsExactly(videoId);
        assertThat(json(read("/open311/v2/requests.json", videoKey)).findValuesAsText("service_request_id"))
                .contains(videoId).doesNotContain(hotlineId);
        assertThat(json(read("/open311/v2/requests.json?service_code=" + serviceCode, hotlineKey)).findValuesAsText("service_request_id"))
                .contains(hotlineId).doesNotContain(videoId);
        assertThat(read("/open311/v2/requests.xml", videoKey).body()).contains(videoId).doesNotContain(hotlineId);
    }

    @Test
    void whatAChannelSentThroughItsOwnEndpointItReadsThroughOpen311AndNoOtherChannelDoes() throws Exception {
        HttpResponse<String> order = fixture.post("/api/v1/hotline/orders", hotlineKey, """
                {"orderNo":"SCOPE-1","receivedAt":"%s","caller":{"name":"王建华","phone":"13812348000"},
                 "content":"小区门口路灯不亮三天了","address":"咸水沽镇津沽路 12 号","urgent":false}"""
                .formatted(OffsetDateTime.now().minusMinutes(1)));
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String id = json(order).get("ticket").asText();

        assertThat(read("/open311/v2/requests/" + id + ".json", hotlineKey).statusCode()).isEqualTo(200);
        assertThat(read("/open311/v2/requests/" + id + ".json", videoKey).statusCode()).isEqualTo(404);
        assertThat(read("/open311/v2/tokens/SCOPE-1.json", hotlineKey).body()).contains(id);
        assertThat(read("/open311/v2/tokens/SCOPE-1.json", videoKey).statusCode()).isEqualTo(404);
    }

    @Test
    void noReadHoldsTheCallersNamePhoneWordsAddressOrPoint() throws Exception {
        Point point = Open311Client.pointInside(grid, 3);
        Map<String, String> form = Open311Client.request(hotlineKey, serviceCode, point,
                "我是张伟，电话13912345678，住3单元502，楼下紫藤花架倒了");
        form.put("first_name", "伟");
        form.put("last_name", "张");
        form.put("phone", "+86 139-1234-5678");
        form.put("email", "zhangwei@example.com");
        form.put("address_string", "咸水沽镇津沽路 88 号 3 单元 502");
        form.put("media_url", "https://example.com/zhangwei-face.jpg");
        form.put("device_id", "device-zw-1");
        String posted = client.postedId(form);
        HttpResponse<String> order = fixture.post("/api/v1/hotline/orders", hotlineKey, """
                {"orderNo":"PRIVATE-1","receivedAt":"%s","caller":{"name":"李秀英","phone":"13700007777"},
                 "content":"李秀英反映邻居家鹦鹉半夜学人说话，电话13700007777","address":"咸水沽镇幸福里 7 号楼 1101",
                 "point":{"lon":%s,"lat":%s},"urgent":false}"""
                .formatted(OffsetDateTime.now().minusMinutes(1), Open311Client.degrees(point.getX()),
                        Open311Client.degrees(point.getY())));
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
        String ordered = json(order).get("ticket").asText();

        List<String> personal = List.of("张伟", "13912345678", "1234-5678", "zhangwei", "单元", "津沽路", "紫藤", "face",
                "device-zw", "李秀英", "13700007777", "鹦鹉", "幸福里", "1101", Open311Client.degrees(point.getY()),
                Open311Client.degrees(point.getX()));
        List<String> reads = new ArrayList<>();
        for (String format : List.of("json", "xml")) {
            reads.add(read("/open311/v2/requests/" + posted + "." + format, hotlineKey).body());
            reads.add(read("/open311/v2/requests/" + ordered + "." + format, hotlineKey).body());
            reads.add(read("/open311/v2/requests." + format + "?service_request_id=" + posted + "," + ordered, hotlineKey).body());
            reads.add(read("/open311/v2/requests." + format, hotlineKey).body());
        }
        assertThat(reads).hasSize(8).allSatisfy(body -> assertThat(body).containsAnyOf("<service_request_id>", "\"service_request_id\"")
                .doesNotContain(personal));
        assertThat(String.join("", reads)).as("each read showed both").contains(posted, ordered);

        JsonNode shown = json(read("/open311/v2/requests/" + posted + ".json", hotlineKey)).get(0);
        Point place = grid.mainPart().getInteriorPoint();
        assertThat(shown.get("lat").asDouble()).as("the grid's place").isCloseTo(place.getY(), within(1e-5));
        assertThat(shown.get("long").asDouble()).isCloseTo(place.getX(), within(1e-5));
        assertThat(shown.get("address").asText()).endsWith(grid.name());
        assertThat(shown.get("description").asText()).as("the service's words").endsWith(shown.get("service_name").asText());
        assertThat(shown.get("media_url").isNull()).isTrue();
    }
}
