package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.FIELD_CHECK;
import static org.griddesk.store.jooq.Tables.FIELD_PHOTO;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.geo.Region;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Workstation;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.store.visit.FieldRecords;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.RecordingAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The workers' app (网格通) over real HTTP with a grid worker's personal token: on-site checks that
/// verify or return a handled ticket, verifications, visits, the worker's tasks; resends, bad input
/// and a day's backlog. The demo account `grid-worker` is linked to the worker of the grid the team
/// tickets are made in.
class WorkerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private TeamTickets work;
    private String token;
    private String grid;
    private List<VisitHousehold> households;
    private Region gridRegion;
    private java.util.Optional<FieldRecords.WorkerPost> demoPost;
    private WorkerTokenService tokens;
    private Session sysadmin;
    private RecordingAudit audit;

    @BeforeEach
    void start() throws Exception {
        work = new TeamTickets(dataDir);
        RecordingAudit audit = new RecordingAudit();
        AccountService accounts = new AccountService(work.fixture.db.dsl(), Clock.systemUTC(), audit);
        Session sysadmin = ((SignedIn) accounts.signIn("sysadmin", AccountService.DEMO_PASSWORD.toCharArray(), null,
                new Workstation("test", "127.0.0.1"))).session();
        String accountId = accounts.list(sysadmin).stream().filter(a -> a.username().equals("grid-worker")).findFirst()
                .orElseThrow().accountId();
        tokens = new WorkerTokenService(work.fixture.db.dsl(), Clock.systemUTC(), audit);
        this.sysadmin = sysadmin;
        this.audit = audit;
        token = tokens.issue(sysadmin, "grid-worker", "手机", 30).token();
        grid = work.ticket(null).intake().gridCode();
        demoPost = new FieldRecords(work.fixture.db.dsl()).postOf(accountId);
        new FieldRecords(work.fixture.db.dsl()).link(accountId, "W-" + grid);
        DistrictRepository district = new DistrictRepository(work.fixture.db.dsl());
        households = district.visitHouseholds(grid);
        gridRegion = district.region(grid).orElseThrow();
    }

    @AfterEach
    void stop() {
        work.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(work.fixture.uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return GatewayFixture.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Ticket handled() throws Exception {
        Ticket signed = work.desk.execute(work.ticket(work.team), new TicketCommand.Sign(), work.handler()).after();
        return work.desk.execute(signed, new TicketCommand.ReportHandled("井盖已更换", List.of()), work.handler()).after();
    }

    private static String photo(byte[] bytes, String name) {
        return "{\"name\":\"" + name + "\",\"content\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}";
    }

    private String visit(String household, OffsetDateTime at, double lon, double lat, String extra) {
        return """
                {"household":"%s","visitedAt":"%s","point":{"lon":%s,"lat":%s},"findings":["NORMAL"],"note":"老人身体尚好"%s}"""
                .formatted(household, at, lon, lat, extra);
    }

    private String visit(String household, OffsetDateTime at) {
        var inside = gridRegion.mainPart().getInteriorPoint();
        return visit(household, at, inside.getX(), inside.getY(), "");
    }

    private int visits() {
        return work.fixture.db.dsl().fetchCount(HOUSEHOLD_VISIT, HOUSEHOLD_VISIT.WORKER_ID.eq("W-" + grid));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aGridWorkersFailedCheckOnSiteReturnsTheHandledTicketToItsTeamAndAResendChangesNothing() throws Exception {
        Ticket ticket = handled();
        assertThat(ticket.state()).isEqualTo(TicketState.HANDLED);
        String key = UUID.randomUUID().toString();
        String body = """
                {"ticket":"%s","passed":false,"note":"井盖仍然松动，一侧翘起","attachments":[%s]}"""
                .formatted(ticket.code(), photo(EvidenceFiles.jpeg(), "井盖.jpg"));

        HttpResponse<String> failed = post("/api/v1/worker/checks", key, body);

        assertThat(failed.statusCode()).as(failed.body()).isEqualTo(201);
        assertThat(json(failed).get("state").asText()).isEqualTo("IN_PROGRESS");
        Ticket after = work.tickets.get(ticket.id());
        assertThat(after.state()).as("back with its team as rework").isEqualTo(TicketState.IN_PROGRESS);
        assertThat(after.assignedTeamId()).isEqualTo(work.team.id());
        RecordedEvent last = work.tickets.trail(ticket.id()).getLast();
        assertThat(last.event()).isInstanceOf(TicketEvent.VerificationFailed.class);
        assertThat(((TicketEvent.VerificationFailed) last.event()).reason()).contains("网格员现场核查未通过", "井盖仍然松动");
        assertThat(last.actorRole()).isEqualTo(Role.GRID_WORKER);

        HttpResponse<String> resent = post("/api/v1/worker/checks", key, body);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(resent.body()).isEqualTo(failed.body());
        assertThat(work.tickets.get(ticket.id()).version()).isEqualTo(after.version());
        assertThat(work.fixture.db.dsl().fetchCount(FIELD_CHECK, FIELD_CHECK.TICKET_ID.eq(ticket.id()))).isEqualTo(1);
        assertThat(work.fixture.db.dsl().fetchCount(FIELD_PHOTO, FIELD_PHOTO.RECORD_KIND.eq("CHECK"))).isEqualTo(1);

        HttpResponse<String> again = post("/api/v1/worker/checks", UUID.randomUUID().toString(), body);
        assertThat(again.statusCode()).as("no longer waiting for its check").isEqualTo(409);
        assertThat(json(again).get("message").asText()).contains("当前为“处置中”，不在待验收状态", "is in progress, not waiting for its check");
    }

    @Test
    void aPassedCheckVerifiesTheTicketAndAFailWithoutReasonIsRefused() throws Exception {
        Ticket ticket = handled();
        HttpResponse<String> noReason = post("/api/v1/worker/checks", null, "{\"ticket\":\"" + ticket.code() + "\",\"passed\":false}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json(noReason).get("message").asText()).contains("写明原因", "names its reason");

        HttpResponse<String> passed = post("/api/v1/worker/checks", null, "{\"ticket\":\"" + ticket.code() + "\",\"passed\":true}");
        assertThat(passed.statusCode()).as(passed.body()).isEqualTo(201);
        assertThat(work.tickets.get(ticket.id()).state()).isEqualTo(TicketState.VERIFIED);
    }

    @Test
    void aVerificationOfAReportIsRecordedAndMovesNothingAndAnotherGridsTicketIsNotFound() throws Exception {
        Ticket reported = work.ticket(null);
        var inside = gridRegion.mainPart().getInteriorPoint();
        HttpResponse<String> verified = post("/api/v1/worker/verifications", "v-1", """
                {"ticket":"%s","real":true,"point":{"lon":%s,"lat":%s},"note":"确有井盖破损，位于3号楼东侧"}"""
                .formatted(reported.code(), inside.getX(), inside.getY()));

        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(201);
        assertThat(work.tickets.get(reported.id()).version()).isEqualTo(reported.version());
        var checks = new FieldRecords(work.fixture.db.dsl()).checksOf(reported.id());
        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.outcome()).isTrue();
            assertThat(c.applied()).isFalse();
            assertThat(c.lon()).isEqualTo(inside.getX(), org.assertj.core.data.Offset.offset(1e-9));
        });
        HttpResponse<String> unknown = post("/api/v1/worker/verifications", null, "{\"ticket\":\"NOPE-1\",\"real\":false,\"note\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText()).contains("本网格没有工单", "your grid has no ticket");
    }

    @Test
    void aVisitIsRecordedOnceWhateverThePhoneResends() throws Exception {
        int before = visits();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        String body = visit(households.getFirst().id(), at);

        HttpResponse<String> first = post("/api/v1/worker/visits", "k-1", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> resent = post("/api/v1/worker/visits", "k-1", body);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        HttpResponse<String> newKey = post("/api/v1/worker/visits", "k-2", body);
        assertThat(newKey.statusCode()).as("the same visit under a new key: told, not doubled").isEqualTo(200);
        assertThat(json(newKey).get("visit").asLong()).isEqualTo(json(first).get("visit").asLong());
        HttpResponse<String> noKey = post("/api/v1/worker/visits", null, body);
        assertThat(noKey.statusCode()).isEqualTo(200);
        HttpResponse<String> reused = post("/api/v1/worker/visits", "k-1", visit(households.getFirst().id(), at.minusMinutes(30)));
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(visits()).isEqualTo(before + 1);
    }

    @Test
    void badVisitsAreAnsweredInBothLanguagesAndRecordNothing() throws Exception {
        int before = visits();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String mine = households.getFirst().id();
        String othersGrid = new DistrictRepository(work.fixture.db.dsl()).visitHouseholds().stream()
                .filter(h -> !h.gridCode().equals(grid)).findFirst().orElseThrow().id();

        HttpResponse<String> other = post("/api/v1/worker/visits", null, visit(othersGrid, now.minusHours(1)));
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(json(other).get("message").asText()).contains("不是本人网格", "not of your grid");

        HttpResponse<String> future = post("/api/v1/worker/visits", null, visit(mine, now.plusHours(3)));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("fields").get(0).get("field").asText()).isEqualTo("visitedAt");

        HttpResponse<String> outside = post("/api/v1/worker/visits", null, visit(mine, now.minusHours(1), 116.40, 39.90, ""));
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(json(outside).get("message").asText()).contains("不在本区范围内", "outside the district");

        HttpResponse<String> nowhere = post("/api/v1/worker/visits", null, visit(mine, now.minusHours(1), 0, 0, ""));
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(json(nowhere).get("fields").findValuesAsText("field")).as("one reason for the one wrong point: " + nowhere.body())
                .singleElement().asString().startsWith("point");

        HttpResponse<String> old = post("/api/v1/worker/visits", null, visit(mine, now.minusDays(9)));
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(json(old).get("message").asText()).contains("天前", "days ago");

        var inside = gridRegion.mainPart().getInteriorPoint();
        HttpResponse<String> large = post("/api/v1/worker/visits", null, visit(mine, now.minusHours(1), inside.getX(), inside.getY(),
                ",\"attachments\":[" + photo(noise(), "大图.png") + "]"));
        assertThat(large.statusCode()).as(large.body()).isEqualTo(413);
        assertThat(json(large).get("message").asText()).contains("超过 2 MB", "over 2 MB");

        HttpResponse<String> finding = post("/api/v1/worker/visits", null,
                visit(mine, now.minusHours(1)).replace("\"NORMAL\"", "\"FINE\""));
        assertThat(finding.statusCode()).isEqualTo(400);
        assertThat(json(finding).get("fields").get(0).get("message").asText()).contains("没有这个走访情况", "no such finding");

        assertThat(visits()).isEqualTo(before);
        assertThat(work.fixture.db.dsl().fetchCount(FIELD_PHOTO)).isZero();
    }

    @Test
    void aDaysBacklogSentAtOnceIsTakenWholeAndItsResendsDoubleNothing() throws Exception {
        int before = visits();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(26).truncatedTo(ChronoUnit.SECONDS);
        int sent = 0;
        for (int i = 0; i < 24; i++) {
            String household = households.get(i % households.size()).id();
            HttpResponse<String> r = post("/api/v1/worker/visits", "backlog-" + i, visit(household, start.plusHours(i)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            sent++;
        }
        for (int i = 0; i < 24; i++) {
            String household = households.get(i % households.size()).id();
            assertThat(post("/api/v1/worker/visits", "backlog-" + i, visit(household, start.plusHours(i))).statusCode()).isEqualTo(200);
        }
        assertThat(visits()).isEqualTo(before + sent);
    }

    @Test
    void theTasksAreTheGridsVisitsOwedReportsToVerifyAndHandledTicketsToCheck() throws Exception {
        Ticket handled = handled();
        HttpResponse<String> tasks = GatewayFixture.HTTP.send(HttpRequest.newBuilder(work.fixture.uri("/api/v1/worker/tasks"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode body = json(tasks);
        assertThat(body.get("grid").asText()).isEqualTo(grid);
        assertThat(body.get("checks").findValuesAsText("ticket")).contains(handled.code());

        // a frequency stored wrong by hand: the plans refuse, and the phone is told so in words
        new SystemPropertyRepository(work.fixture.db.dsl(), Clock.systemUTC()).put("visits.frequency.DISABLED", "DAILY");
        HttpResponse<String> misconfigured = GatewayFixture.HTTP.send(HttpRequest.newBuilder(work.fixture.uri("/api/v1/worker/tasks"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(misconfigured.statusCode()).as(misconfigured.body()).isEqualTo(503);
        assertThat(json(misconfigured).get("message").asText()).contains("走访频次配置有误", "visits.frequency.DISABLED", "misconfigured");
        assertThat(body.get("visits").findValuesAsText("household")).isSubsetOf(households.stream().map(VisitHousehold::id).toList());
        assertThat(body.get("visits")).isNotEmpty();
        assertThat(demoPost).as("the demo links its grid worker to a grid of the town").hasValueSatisfying(post -> {
            assertThat(post.workerId()).isEqualTo("W-" + post.gridCode());
        });
        HttpResponse<String> noToken = GatewayFixture.HTTP.send(HttpRequest.newBuilder(work.fixture.uri("/api/v1/worker/tasks")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
    }

    @Test
    void anAdministratorLinksAWorkersAccountToAGridPostAndTheAppFollowsAtOnce() throws Exception {
        String otherGrid = new DistrictRepository(work.fixture.db.dsl()).visitHouseholds().stream().map(VisitHousehold::gridCode)
                .filter(g -> !g.equals(grid)).findFirst().orElseThrow();
        var english = new org.griddesk.security.AccountTexts(java.util.Locale.ENGLISH);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tokens.linkPost(sysadmin, "jn-dispatcher", "W-" + otherGrid)))
                .isInstanceOfSatisfying(org.griddesk.security.AccountRefused.class,
                        r -> assertThat(english.of(r)).contains("grid worker role"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> tokens.linkPost(sysadmin, "grid-worker", "W-NOWHERE")))
                .isInstanceOfSatisfying(org.griddesk.security.AccountRefused.class,
                        r -> assertThat(english.of(r)).contains("No grid worker W-NOWHERE holds a grid's post"));
        assertThat(tokens.linkPost(sysadmin, "grid-worker", "W-" + otherGrid)).isEqualTo(otherGrid);

        HttpResponse<String> tasks = GatewayFixture.HTTP.send(HttpRequest.newBuilder(work.fixture.uri("/api/v1/worker/tasks"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json(tasks).get("grid").asText()).isEqualTo(otherGrid);
        assertThat(audit.entries()).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(org.griddesk.security.AuditAction.WORKER_POST_LINKED);
            assertThat(e.outcome()).isEqualTo(org.griddesk.security.AuditOutcome.SUCCESS);
        });
    }

    /// A PNG of random pixels: about 2.4 MB that no compression makes smaller.
    private static byte[] noise() throws Exception {
        BufferedImage image = new BufferedImage(900, 900, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 900; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /// The desk's view of a worker's day (the grid card's 网格员当日工作) holds what the app sent that
    /// day: the visit and the failed check with their photos, the patrol, the report; the town's
    /// dispatcher sees it, another town's and the wall do not.
    @Test
    void theDesksWorkerDayShowsWhatTheAppSentThatDayToThoseWhoMaySeeIt() throws Exception {
        Ticket ticket = handled();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS).minusMinutes(1);
        java.time.LocalDate day = at.toLocalDate();
        byte[] jpeg = EvidenceFiles.jpeg();
        var inside = gridRegion.mainPart().getInteriorPoint();
        HttpResponse<String> visited = post("/api/v1/worker/visits", UUID.randomUUID().toString(), visit(households.get(0).id(), at,
                inside.getX(), inside.getY(), ",\"attachments\":[" + photo(jpeg, "走访.jpg") + "]"));
        assertThat(visited.statusCode()).as(visited.body()).isEqualTo(201);
        assertThat(post("/api/v1/worker/checks", UUID.randomUUID().toString(), """
                {"ticket":"%s","passed":false,"note":"井盖仍然松动","attachments":[%s]}""".formatted(ticket.code(), photo(jpeg, "井盖.jpg")))
                .statusCode()).isEqualTo(201);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            points.append(i == 0 ? "" : ",").append("{\"at\":\"%s\",\"lon\":%s,\"lat\":%s,\"accuracy\":6}"
                    .formatted(at.minusMinutes(6 - i), inside.getX() + i * 2e-4, inside.getY()));
        }
        HttpResponse<String> patrol = post("/api/v1/grid/patrols", UUID.randomUUID().toString(), "{\"points\":[" + points + "]}");
        assertThat(patrol.statusCode()).as(patrol.body()).isEqualTo(201);
        String report = """
                {"reportId":"WG-DAY-1","workerId":"W-%s","reportedAt":"%s","content":"楼道堆放杂物，存在消防隐患","gridCode":"%s"}"""
                .formatted(grid, at, grid);
        HttpResponse<String> reported = work.fixture.post("/api/v1/grid/reports", work.fixture.key(org.griddesk.domain.ticket.Channel.GRID_APP), report);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String reportCode = json(reported).get("ticket").asText();

        var dsl = work.fixture.db.dsl();
        org.griddesk.visit.WorkerDays days = new org.griddesk.visit.WorkerDays(work.fixture.db,
                new org.griddesk.store.PersonalDataService(dsl, audit, Clock.systemUTC()), Clock.systemUTC());
        String community = gridRegion.parentCode();
        String town = new DistrictRepository(dsl).region(community).orElseThrow().parentCode();
        org.griddesk.visit.WorkerDay shown = days.day(deskSession(Role.DISPATCHER, town), grid, day);

        assertThat(shown.workerName()).isNotBlank();
        assertThat(shown.maskedPhone()).contains("****");
        assertThat(shown.visits()).singleElement().satisfies(v -> {
            assertThat(v.householdId()).isEqualTo(households.get(0).id());
            assertThat(v.at()).isEqualTo(at.toInstant());
            assertThat(v.findings()).containsExactly(org.griddesk.domain.visit.VisitFinding.NORMAL);
            assertThat(v.photos()).isEqualTo(1);
        });
        assertThat(shown.household(households.get(0).id())).isEqualTo(households.get(0).maskedName()).contains("*");
        assertThat(shown.checks()).singleElement().satisfies(c -> {
            assertThat(c.ticketCode()).isEqualTo(ticket.code());
            assertThat(c.outcome()).isFalse();
            assertThat(c.applied()).as("the lifecycle's verification step").isTrue();
            assertThat(c.photos()).isEqualTo(1);
        });
        assertThat(shown.reports()).extracting(r -> r.code()).containsExactly(reportCode);
        assertThat(shown.tracks()).singleElement().satisfies(t -> assertThat(t.points()).hasSize(6));
        assertThat(shown.patrol().points()).isEqualTo(6);
        assertThat(shown.patrol().metres()).as("5 steps of about 17 m").isBetween(70.0, 100.0);
        assertThat(shown.patrol().coverage()).isPositive();
        assertThat(shown.tasks().checks()).as("returned to its team: no longer to check").isEmpty();
        assertThat(shown.tasks().visits()).as("visited this period").noneMatch(d -> d.householdId().equals(households.get(0).id())
                && d.reason() == org.griddesk.domain.visit.VisitDue.Reason.ROUTINE);
        assertThat(days.photos(deskSession(Role.DISPATCHER, town), grid, true, shown.visits().getFirst().id()))
                .singleElement().satisfies(p -> assertThat(p.content()).isEqualTo(jpeg));
        assertThat(days.day(deskSession(Role.DISPATCHER, town), grid, day.minusDays(1)).visits()).as("another day").isEmpty();

        String otherTown = new DistrictRepository(dsl).regions(org.griddesk.geo.RegionLevel.AREA).stream().map(Region::code)
                .filter(c -> !c.equals(town)).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> days.day(deskSession(Role.DISPATCHER, otherTown), grid, day))
                .isInstanceOfSatisfying(org.griddesk.domain.visit.VisitRefused.class, e -> assertThat(e.key()).isEqualTo("visits.refused.dayScope"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> days.day(deskSession(Role.WALL_DISPLAY, town), grid, day))
                .isInstanceOfSatisfying(org.griddesk.domain.visit.VisitRefused.class, e -> assertThat(e.key()).isEqualTo("visits.refused.dayPermission"));
        assertThat(days.day(deskSession(Role.DISTRICT_MANAGER, "JN"), grid, day).visits()).hasSize(1);
    }

    private Session deskSession(Role role, String unit) {
        return org.griddesk.store.security.SessionAccounts.registered(work.fixture.db.dsl(), new Session("a-" + role + "-" + unit,
                "u-" + role + "-" + unit, "测试 " + role, unit, java.util.Set.of(role), Instant.now(), new Workstation("desk-1", "10.0.0.1")));
    }
}
