package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.PlaceReview;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `grids import --replace`: a new version of the map goes into a live store. The store starts as
/// one town XSG of two communities and four grids ([DistrictFiles#importedStore]); the new version
/// gives community XSG-002 to a new town GGZ and cuts its grid XSG-002-02 in two (XSG-002-03 south,
/// XSG-002-04 north). Open tickets are placed again by their points or left to their centre; a
/// rejected one keeps the code it had; a running gateway and a running desk take the new map without
/// a restart.
class MapReplaceTest {
    private static final String STALLS = "04-03-001";

    @TempDir
    Path dir;

    private static String feature(String code, String level, String parent, double w, double s, double e, double n) {
        String ring = "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(w, s, e, s, e, n, w, n, w, s);
        return """
                {"type":"Feature","properties":{"code":"%s","name":"%s名","level":"%s","parent":%s},
                 "geometry":{"type":"Polygon","coordinates":%s}}""".formatted(code, code, level,
                parent == null ? "null" : "\"" + parent + "\"", ring);
    }

    /// The new version: XSG keeps XSG-001 as it was; GGZ takes XSG-002, whose northern grid is cut at 38.915.
    private Path secondVersion() throws Exception {
        return secondVersion("XSG-001");
    }

    /// ... with the western community under another code
    private Path secondVersion(String westCommunity) throws Exception {
        List<String> features = List.of(
                feature("XSG", "AREA", null, 117.30, 38.90, 117.31, 38.92),
                feature("GGZ", "AREA", null, 117.31, 38.90, 117.32, 38.92),
                feature(westCommunity, "COMMUNITY", "XSG", 117.30, 38.90, 117.31, 38.92),
                feature("XSG-002", "COMMUNITY", "GGZ", 117.31, 38.90, 117.32, 38.92),
                feature("XSG-001-01", "GRID", westCommunity, 117.30, 38.90, 117.31, 38.91),
                feature("XSG-001-02", "GRID", westCommunity, 117.30, 38.91, 117.31, 38.92),
                feature("XSG-002-01", "GRID", "XSG-002", 117.31, 38.90, 117.32, 38.91),
                feature("XSG-002-03", "GRID", "XSG-002", 117.31, 38.91, 117.32, 38.915),
                feature("XSG-002-04", "GRID", "XSG-002", 117.31, 38.915, 117.32, 38.92));
        Path file = dir.resolve("grids-v2-" + System.nanoTime() + ".geojson");
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return file;
    }

    @Test
    void aNewMapPlacesOpenTicketsAgainAsksForTheRestAndReachesARunningGatewayAndDesk() throws Exception {
        Path data = DistrictFiles.importedStore(dir);
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            DataKeySetup.attach(db, data);
            DistrictRepository district = new DistrictRepository(db.dsl());
            Organisation organisation = district.organisation();
            TicketService service = new TicketService(db.dsl(), new TicketLifecycle(
                    new CalendarRepository(db.dsl(), clock).workCalendar(), organisation, LifecycleRules.DEFAULT), clock);
            Actor xsg = new Actor("u-xsg", "调度员", Role.DISPATCHER, organisation.unit("XSG").orElseThrow());
            var item = district.taxonomy().item(STALLS).orElseThrow();
            // waiting, in XSG-002-02's north: placed again in XSG-002-04, and follows it to GGZ's centre
            Ticket waiting = report(service, xsg, "XSG-002-02", 117.315, 38.917);
            // accepted by XSG, in XSG-002-02's south: now in GGZ's XSG-002-03, so XSG is asked (首问首办)
            Ticket acceptedMoved = accept(service, xsg, report(service, xsg, "XSG-002-02", 117.315, 38.912), item);
            // accepted by XSG in XSG-002-01, whose community went to GGZ: the same grid, another town
            Ticket acceptedRetowned = accept(service, xsg, report(service, xsg, "XSG-002-01", 117.315, 38.905), item);
            // placed by address, no point, in the grid that goes: left to a person
            Ticket noPoint = report(service, xsg, "XSG-002-02", null, null);
            // refused at intake long ago: history, never touched
            Ticket rejected = service.execute(report(service, xsg, "XSG-002-02", 117.315, 38.917),
                    new TicketCommand.RejectInvalid("重复来电"), xsg).after();
            // in a grid the new map keeps as it was
            Ticket untouched = report(service, xsg, "XSG-001-01", 117.305, 38.905);

            String key = ApiKeys.newKey();
            new ChannelKeyRepository(db.dsl(), clock).add(Channel.HOTLINE_8890, "8890", ApiKeys.digest(key));
            List<ChangeBatch> heard = new CopyOnWriteArrayList<>();
            DeskCore desk = DeskCore.start(db, clock);
            desk.subscribe(new DeskCore.Listener() {
                @Override
                public void onState(org.griddesk.store.ConnectionState state) {
                }

                @Override
                public void onChanges(ChangeBatch batch) {
                    heard.add(batch);
                }
            });
            try (Gateway gateway = Gateway.start("127.0.0.1", 0, () -> new Gateway.Health(true, "CONNECTED", "test"),
                    GatewayWiring.intakes(db, clock), RateLimiter.DEFAULT)) {
                Ticket before = post(db, gateway, key, "8890-R1", 117.315, 38.917);
                assertThat(before.intake().gridCode()).as("the old map").isEqualTo("XSG-002-02");

                CliRun run = CliRun.in(data, "grids", "import", secondVersion().toString(), "--replace");
                assertThat(run.code()).as(run.err()).isZero();
                assertThat(run.out()).contains("新版地图已生效", "新增 3", "撤销 1", "改属其他镇街 1",
                        "新建中心：GGZ名网格化管理中心", "按点位重新定位 2 件，待人工复核定位 3 件");

                // the running gateway reads the new map by itself: the same point lands in the new grid, in GGZ
                Thread.sleep(DistrictServices.LOOK_EVERY.toMillis() + 200);
                Ticket after = post(db, gateway, key, "8890-R2", 117.315, 38.917);
                assertThat(after.intake().gridCode()).isEqualTo("XSG-002-04");
                assertThat(after.ownerUnitId()).isEqualTo("GGZ");
                // and the desk's feed said the district changed, so it reads it anew
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (heard.stream().noneMatch(b -> b.district().contains(DistrictChangeKind.MAP)) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(heard).anyMatch(b -> b.district().contains(DistrictChangeKind.MAP));
                TicketActions actions = desk.actions();
                assertThat(actions.available(ticket(db, acceptedRetowned), xsg)).as("the map's question comes first")
                        .startsWith(Action.PLACE, Action.CONFIRM_PLACE, Action.TRANSFER);

                // the order the gateway took with the old map is placed again too (a moment after the swap)
                deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (!"XSG-002-04".equals(ticket(db, before).intake().gridCode()) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(ticket(db, before).intake().gridCode()).isEqualTo("XSG-002-04");
                assertThat(ticket(db, before).ownerUnitId()).isEqualTo("GGZ");
            } finally {
                desk.close();
            }

            Ticket moved = ticket(db, waiting);
            assertThat(moved.intake().gridCode()).isEqualTo("XSG-002-04");
            assertThat(moved.ownerUnitId()).as("waiting to be accepted: routed as the intake would now").isEqualTo("GGZ");
            assertThat(new TicketRepository(db.dsl()).trail(moved.id()).getLast().event())
                    .isEqualTo(new TicketEvent.Placed("XSG-002-04", "XSG-002-02", "XSG", "GGZ"));

            Ticket asked = ticket(db, acceptedMoved);
            assertThat(asked.intake().gridCode()).as("kept until its centre decides").isEqualTo("XSG-002-02");
            assertThat(asked.ownerUnitId()).isEqualTo("XSG");
            assertThat(asked.placeReview()).isEqualTo(new PlaceReview(PlaceReview.Reason.OTHER_TOWN, "XSG-002-03"));
            assertThat(ticket(db, acceptedRetowned).placeReview())
                    .isEqualTo(new PlaceReview(PlaceReview.Reason.OTHER_TOWN, "XSG-002-01"));
            assertThat(ticket(db, noPoint).placeReview()).isEqualTo(new PlaceReview(PlaceReview.Reason.GRID_RETIRED, null));
            assertThat(ticket(db, rejected).intake().gridCode()).as("history keeps its code").isEqualTo("XSG-002-02");
            assertThat(ticket(db, rejected).version()).isEqualTo(rejected.version());
            assertThat(ticket(db, untouched).version()).isEqualTo(untouched.version());

            // the retired grid is kept for history, gone from the live map
            assertThat(district.regions(RegionLevel.GRID)).extracting(Region::code)
                    .containsExactly("XSG-001-01", "XSG-001-02", "XSG-002-01", "XSG-002-03", "XSG-002-04");
            assertThat(district.region("XSG-002-02")).isPresent();
            assertThat(district.regions(RegionLevel.AREA)).extracting(Region::code).containsExactly("GGZ", "XSG");

            // the centre answers: confirms one, places the other; the question goes with the answer
            organisation = district.organisation();
            service = new TicketService(db.dsl(), new TicketLifecycle(new CalendarRepository(db.dsl(), clock).workCalendar(),
                    organisation, LifecycleRules.DEFAULT), clock);
            Ticket confirmed = service.execute(ticket(db, acceptedRetowned), new TicketCommand.ConfirmPlace("路段仍由本镇负责"), xsg).after();
            assertThat(confirmed.placeReview()).isNull();
            Ticket placed = service.execute(ticket(db, noPoint), new TicketCommand.PlaceOnGrid("XSG-001-02", "XSG"), xsg).after();
            assertThat(placed.placeReview()).isNull();
            assertThat(placed.intake().gridCode()).isEqualTo("XSG-001-02");
        }

        // the same version again changes nothing; a code that would change level is refused whole
        CliRun again = CliRun.in(data, "grids", "import", secondVersion().toString(), "--replace");
        assertThat(again.out()).contains("新版地图与库中一致");
        CliRun levels = CliRun.in(data, "grids", "import", secondVersion("XSG-002-02").toString(), "--replace");
        assertThat(levels.code()).isEqualTo(2);
        assertThat(levels.err()).contains("改变了以下编号的层级", "XSG-002-02：网格 → 社区");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new DistrictRepository(db.dsl()).regions(RegionLevel.COMMUNITY)).extracting(Region::code)
                    .as("nothing written").containsExactly("XSG-001", "XSG-002");
        }
        CliRun withoutReplace = CliRun.in(data, "grids", "import", secondVersion().toString());
        assertThat(withoutReplace.code()).isEqualTo(2);
        assertThat(withoutReplace.err()).contains("--replace");
    }

    private static Ticket report(TicketService service, Actor taker, String grid, Double lon, Double lat) {
        Intake intake = new Intake(Channel.HOTLINE_8890, null, "流动摊贩占道经营", grid, Instant.now(), null,
                lon == null ? new Place("某路口", null, null) : new Place(null, lon, lat), List.of());
        return service.report(intake, "XSG", new Actor("CH-HOTLINE", "8890", Role.CHANNEL, taker.unit())).after();
    }

    private static Ticket accept(TicketService service, Actor by, Ticket t, org.griddesk.domain.taxonomy.Item item) {
        return service.execute(t, new TicketCommand.Accept(item.code(), item.deadline(), item.consultation()), by).after();
    }

    private static Ticket ticket(Database db, Ticket t) {
        return new TicketRepository(db.dsl()).get(t.id());
    }

    private static Ticket post(Database db, Gateway gateway, String key, String orderNo, double lon, double lat) throws Exception {
        String order = """
                {"orderNo":"%s","receivedAt":"2026-12-04T09:30:00+08:00","caller":{"name":"王建华","phone":"13812348000"},
                 "content":"小区门口流动摊贩占道经营","point":{"lon":%s,"lat":%s}}""".formatted(orderNo, lon, lat);
        HttpResponse<String> created = GatewayFixture.HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/hotline/orders")).header("Content-Type", "application/json")
                .header("X-Api-Key", key).POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String code = new ObjectMapper().readTree(created.body()).get("ticket").asText();
        return new TicketRepository(db.dsl()).findByCode(code).orElseThrow();
    }
}
