package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Video alarms and their folding, pushes, placing by address, and duplicate suggestions, through the gateway.
class IntakeChecksTest {
    @TempDir
    static Path dataDir;

    private static GatewayFixture fixture;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        fixture = new GatewayFixture(dataDir);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static byte[] jpeg() throws Exception {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static String alarm(String id, Camera camera, String type, OffsetDateTime at, String snapshot) {
        return """
                {"alarmId":"%s","cameraCode":"%s","alarmType":"%s","confidence":0.91,"alarmAt":"%s"%s}"""
                .formatted(id, camera.code(), type, at, snapshot == null ? "" : ",\"snapshot\":\"" + snapshot + "\"");
    }

    @Test
    void aVideoAlarmIsPlacedByItsCameraAndRepeatsWithinHalfAnHourFoldIntoItsTicket() throws Exception {
        Camera camera = new DistrictRepository(fixture.db.dsl()).cameras().get(100);
        String video = fixture.key(Channel.VIDEO);
        byte[] picture = jpeg();
        OffsetDateTime first = OffsetDateTime.now().minusMinutes(90);
        HttpResponse<String> made = fixture.post("/api/v1/video/alarms", video,
                alarm("VA-1", camera, "占道经营", first, Base64.getEncoder().encodeToString(picture)));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String code = body(made).get("ticket").asText();
        assertThat(body(made).get("grid").asText()).isEqualTo(camera.gridCode());
        assertThat(body(made).get("locatedBy").asText()).isEqualTo("POINT");

        int before = fixture.tickets();
        HttpResponse<String> repeat = fixture.post("/api/v1/video/alarms", video, alarm("VA-2", camera, "占道经营", first.plusMinutes(20), null));
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(body(repeat).get("ticket").asText()).isEqualTo(code);
        assertThat(body(repeat).get("folded").asBoolean()).isTrue();
        assertThat(body(repeat).get("repeats").asInt()).isEqualTo(1);
        HttpResponse<String> third = fixture.post("/api/v1/video/alarms", video, alarm("VA-3", camera, "占道经营", first.plusMinutes(45), null));
        assertThat(body(third).get("repeats").asInt()).as("the window runs from the last alarm").isEqualTo(2);
        assertThat(fixture.tickets()).isEqualTo(before);
        HttpResponse<String> resent = fixture.post("/api/v1/video/alarms", video, alarm("VA-2", camera, "占道经营", first.plusMinutes(20), null));
        assertThat(body(resent).get("alreadyReceived").asBoolean()).isTrue();
        assertThat(body(resent).get("repeats").asInt()).as("a re-sent repeat is not counted twice").isEqualTo(2);

        HttpResponse<String> otherType = fixture.post("/api/v1/video/alarms", video, alarm("VA-4", camera, "垃圾堆放", first.plusMinutes(30), null));
        assertThat(otherType.statusCode()).as("another alarm type is another matter").isEqualTo(201);
        HttpResponse<String> later = fixture.post("/api/v1/video/alarms", video, alarm("VA-5", camera, "占道经营", first.plusMinutes(45 + 31), null));
        assertThat(later.statusCode()).as("more than 30 minutes after the last").isEqualTo(201);
        assertThat(body(later).get("duplicates").get(0).get("ticket").asText()).as("but offered as a duplicate").isEqualTo(code);
        assertThat(body(later).get("duplicates").get(0).get("reasons").asText()).contains("同一摄像头同类告警");

        var tickets = new TicketRepository(fixture.db.dsl());
        long id = tickets.findByCode(code).orElseThrow().id();
        var alarms = new IntakeRepository(fixture.db.dsl()).alarms(id);
        assertThat(alarms).extracting(a -> a.alarmId()).containsExactly("VA-1", "VA-2", "VA-3");
        assertThat(alarms.getFirst().snapshot()).isEqualTo(picture);
    }

    @Test
    void anAlarmOrSensorPushOfAMappedKindArrivesWithItsItemAndAnUnmappedOneWithout() throws Exception {
        Camera camera = new DistrictRepository(fixture.db.dsl()).cameras().get(300);
        String video = fixture.key(Channel.VIDEO);
        var kinds = new org.griddesk.store.district.AlarmItemRepository(fixture.db.dsl(), java.time.Clock.systemUTC());
        assertThat(kinds.all()).as("the demo district's kinds").containsKeys("占道经营", "车辆违停", "井盖缺失");
        var intakes = new IntakeRepository(fixture.db.dsl());
        var tickets = new TicketRepository(fixture.db.dsl());

        HttpResponse<String> parked = fixture.post("/api/v1/video/alarms", video, alarm("VK-1", camera, "车辆违停", OffsetDateTime.now(), null));
        assertThat(parked.statusCode()).as(parked.body()).isEqualTo(201);
        long parkedId = tickets.findByCode(body(parked).get("ticket").asText()).orElseThrow().id();
        assertThat(intakes.detail(parkedId).map(IntakeDetail::itemHint)).contains("06-01-001");

        HttpResponse<String> unknown = fixture.post("/api/v1/video/alarms", video, alarm("VK-2", camera, "无人机", OffsetDateTime.now(), null));
        long unknownId = tickets.findByCode(body(unknown).get("ticket").asText()).orElseThrow().id();
        assertThat(intakes.detail(unknownId).map(IntakeDetail::itemHint).orElse(null)).isNull();

        kinds.map("无人机", "01-04-002"); // the administrator maps it: the next alarm carries it
        HttpResponse<String> mapped = fixture.post("/api/v1/video/alarms", video,
                alarm("VK-3", new DistrictRepository(fixture.db.dsl()).cameras().get(301), "无人机", OffsetDateTime.now(), null));
        long mappedId = tickets.findByCode(body(mapped).get("ticket").asText()).orElseThrow().id();
        assertThat(intakes.detail(mappedId).map(IntakeDetail::itemHint)).contains("01-04-002");

        // a sensor platform's push: its source names the item; an item it names itself comes first
        String sensor = """
                {"pushId":"%s","source":"智慧井盖监测平台","reportedAt":"%s","content":"井盖位移报警"%s}""";
        HttpResponse<String> moved = fixture.post("/api/v1/pushes", fixture.key(Channel.SMART_PUSH),
                sensor.formatted("PK-1", OffsetDateTime.now(), ""));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(201);
        long movedId = tickets.findByCode(body(moved).get("ticket").asText()).orElseThrow().id();
        assertThat(intakes.detail(movedId).map(IntakeDetail::itemHint)).contains("06-03-003");
        HttpResponse<String> named = fixture.post("/api/v1/pushes", fixture.key(Channel.SMART_PUSH),
                sensor.formatted("PK-2", OffsetDateTime.now(), ",\"itemCode\":\"06-03-002\""));
        long namedId = tickets.findByCode(body(named).get("ticket").asText()).orElseThrow().id();
        assertThat(intakes.detail(namedId).map(IntakeDetail::itemHint)).contains("06-03-002");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> kinds.map("无人机", "99-99-999")))
                .hasMessageContaining("no item 99-99-999");
        assertThat(kinds.itemFor("无人机")).as("a refused change changes nothing").contains("01-04-002");
    }

    @Test
    void aSnapshotMustBeAJpegOfAtMostTwoMegabytesAndAnUnknownCameraIsStillTaken() throws Exception {
        Camera camera = new DistrictRepository(fixture.db.dsl()).cameras().get(7);
        String video = fixture.key(Channel.VIDEO);
        int before = fixture.tickets();
        String png = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        assertThat(fixture.post("/api/v1/video/alarms", video, alarm("VB-1", camera, "烟火", OffsetDateTime.now(), png)).body())
                .contains("snapshot", "JPEG");
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        System.arraycopy(jpeg(), 0, big, 0, 3);
        HttpResponse<String> tooBig = fixture.post("/api/v1/video/alarms", video,
                alarm("VB-2", camera, "烟火", OffsetDateTime.now(), Base64.getEncoder().encodeToString(big)));
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(fixture.post("/api/v1/video/alarms", video, alarm("VB-3", camera, "烟火", OffsetDateTime.now(), "%%%")).body())
                .contains("base64");
        HttpResponse<String> noConfidence = fixture.post("/api/v1/video/alarms", video,
                alarm("VB-4", camera, "烟火", OffsetDateTime.now(), null).replace("0.91", "1.5"));
        assertThat(body(noConfidence).get("fields").findValuesAsText("field")).containsExactly("confidence");
        assertThat(fixture.tickets()).isEqualTo(before);

        Camera unknown = new Camera("GQ-NOT-HERE", Camera.Kind.HD, 0, 0, null);
        HttpResponse<String> taken = fixture.post("/api/v1/video/alarms", video, alarm("VB-5", unknown, "烟火", OffsetDateTime.now(), null));
        assertThat(taken.statusCode()).isEqualTo(201);
        assertThat(body(taken).get("located").asBoolean()).isFalse();
    }

    @Test
    void pushesComeFromTheirOwnChannelsAndAnAddressNamingACommunityIsPlacedForAPersonToConfirm() throws Exception {
        Region community = new DistrictRepository(fixture.db.dsl()).regions(RegionLevel.COMMUNITY).get(30);
        String push = """
                {"pushId":"%s","source":"区城管委数字城管系统","reportedAt":"%s","content":"井盖缺失，行人易跌落",
                 "itemCode":"%s","urgent":true,"address":"%s"}""";
        String item = new DistrictRepository(fixture.db.dsl()).taxonomy().items().get(3).code();
        HttpResponse<String> made = fixture.post("/api/v1/pushes", fixture.key(Channel.DEPARTMENT_PUSH),
                push.formatted("P-1", OffsetDateTime.now(), item, community.name() + "东门外"));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        assertThat(body(made).get("locatedBy").asText()).isEqualTo("ADDRESS");
        String grid = body(made).get("grid").asText();
        assertThat(new DistrictRepository(fixture.db.dsl()).region(grid).orElseThrow().parentCode()).isEqualTo(community.code());
        var ticket = new TicketRepository(fixture.db.dsl()).findByCode(body(made).get("ticket").asText()).orElseThrow();
        assertThat(ticket.intake().channel()).isEqualTo(Channel.DEPARTMENT_PUSH);
        assertThat(ticket.intake().summary()).startsWith("【区城管委数字城管系统】");
        assertThat(new IntakeRepository(fixture.db.dsl()).detail(ticket.id())).contains(
                new IntakeDetail(IntakeDetail.Locating.ADDRESS, item, null, true));

        HttpResponse<String> smart = fixture.post("/api/v1/pushes", fixture.key(Channel.SMART_PUSH),
                push.formatted("P-2", OffsetDateTime.now(), item, "不知道哪里"));
        assertThat(smart.statusCode()).isEqualTo(201);
        assertThat(body(smart).get("locatedBy").asText()).isEqualTo("NONE");
        assertThat(fixture.post("/api/v1/pushes", fixture.key(Channel.HOTLINE_8890), push.formatted("P-3", OffsetDateTime.now(), item, "x"))
                .statusCode()).as("the hotline does not push").isEqualTo(403);
        HttpResponse<String> badItem = fixture.post("/api/v1/pushes", fixture.key(Channel.SMART_PUSH),
                push.formatted("P-4", OffsetDateTime.now(), "NO-ITEM", "x"));
        assertThat(body(badItem).get("fields").findValuesAsText("field")).containsExactly("itemCode");
    }

    @Test
    void aSecondCallAboutTheSameThingIsOfferedAsADuplicateWithItsReasons() throws Exception {
        Region grid = new DistrictRepository(fixture.db.dsl()).regions(RegionLevel.GRID).get(500);
        var point = grid.mainPart().getInteriorPoint();
        String order = """
                {"orderNo":"%s","receivedAt":"%s","caller":{"name":"李女士","phone":"%s"},"content":"%s",
                 "point":{"lon":%s,"lat":%s}}""";
        HttpResponse<String> first = fixture.post("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), order.formatted(
                "D-1", OffsetDateTime.now().minusHours(1), "13900001111", "幸福路菜市场门口污水井冒水，臭味很大", point.getX(), point.getY()));
        assertThat(body(first).get("duplicates")).isEmpty();
        HttpResponse<String> second = fixture.post("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), order.formatted(
                "D-2", OffsetDateTime.now(), "13900002222", "菜市场门口的污水井又冒水了，臭味大", point.getX() + 0.0002, point.getY()));
        JsonNode duplicates = body(second).get("duplicates");
        assertThat(duplicates).hasSize(1);
        assertThat(duplicates.get(0).get("ticket").asText()).isEqualTo(body(first).get("ticket").asText());
        assertThat(duplicates.get(0).get("reasons").asText()).contains("文字相似", "相距", "相隔 1 小时");
        var ticket = new TicketRepository(fixture.db.dsl()).findByCode(body(second).get("ticket").asText()).orElseThrow();
        var stored = new IntakeRepository(fixture.db.dsl()).suggestions(ticket.id());
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.candidateCode()).isEqualTo(body(first).get("ticket").asText());
            assertThat(s.score()).isEqualTo(duplicates.get(0).get("score").asDouble()).isBetween(0.5, 1.0);
        });
        HttpResponse<String> unrelated = fixture.post("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), order.formatted(
                "D-3", OffsetDateTime.now(), "13900003333", "咨询医保报销政策", point.getX(), point.getY()));
        assertThat(body(unrelated).get("duplicates")).as("nearby but about something else").isEmpty();
    }
}
