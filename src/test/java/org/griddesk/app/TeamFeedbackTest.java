package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.EvidenceFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The department feedback API: a team's own system closes its part of the loop under the desk's rules.
class TeamFeedbackTest {
    @TempDir
    static Path dataDir;

    private static TeamTickets work;
    private static GatewayFixture fixture;
    private static TicketService desk;
    private static TicketRepository tickets;
    private static Actor dispatcher;
    private static Unit team;
    private static Unit otherTeam;
    private static Unit department;
    private static Unit otherDepartment;
    private static String teamKey;
    private static String otherKey;
    private static String departmentKey;
    private static String otherDepartmentKey;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        work = new TeamTickets(dataDir);
        fixture = work.fixture;
        desk = work.desk;
        tickets = work.tickets;
        dispatcher = work.dispatcher;
        team = work.team;
        otherTeam = work.otherTeam;
        List<Unit> districtTeams = work.organisation.units().stream().filter(u -> u.level() == UnitLevel.DISTRICT && u.isTeam()).toList();
        department = districtTeams.get(0);
        otherDepartment = districtTeams.get(1);
        teamKey = fixture.teamKey(team.id());
        otherKey = fixture.teamKey(otherTeam.id());
        departmentKey = fixture.teamKey(department.id());
        otherDepartmentKey = fixture.teamKey(otherDepartment.id());
    }

    @AfterAll
    static void stop() {
        work.close();
    }

    private static Ticket ticket(Unit to) throws Exception {
        return work.ticket(to);
    }

    private static Actor handler() {
        return work.handler();
    }

    private static HttpResponse<String> act(String key, Ticket t, String action, String body) throws Exception {
        return fixture.post("/api/v1/team/tickets/" + t.code() + "/" + action, key, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void aTeamsSystemSeesItsWorkSignsAsksForTimeAndReportsHandled() throws Exception {
        Ticket t = ticket(team);
        JsonNode work = json(fixture.get("/api/v1/team/tickets", teamKey));
        assertThat(work.get("tickets").findValuesAsText("ticket")).contains(t.code());
        assertThat(work.toString()).as("the citizen is masked").doesNotContain("13700001234").contains("137****1234");
        assertThat(json(fixture.get("/api/v1/team/tickets", otherKey)).get("tickets").findValuesAsText("ticket")).doesNotContain(t.code());
        assertThat(fixture.get("/api/v1/team/tickets/" + t.code(), otherKey).statusCode()).as("not the other team's").isEqualTo(404);

        HttpResponse<String> stale = act(teamKey, t, "sign", "{\"version\":1}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(json(stale).get("error").asText()).isEqualTo("stale");
        assertThat(json(stale).get("message").asText()).contains("镇调度", "changed by");

        HttpResponse<String> signed = act(teamKey, t, "sign", "{\"version\":" + t.version() + "}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(json(signed).get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(tickets.trail(t.id()).getLast().actorId()).as("the trail names the team's system").isEqualTo("SYS-" + team.id());
        assertThat(tickets.trail(t.id()).getLast().actorRole()).isEqualTo(Role.HANDLER);

        HttpResponse<String> twice = act(teamKey, t, "sign", "");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json(twice).get("error").asText()).isEqualTo("refused");
        assertThat(json(twice).get("message").asText()).contains(" / ");

        assertThat(json(act(teamKey, t, "extension", "{\"days\":0,\"reason\":\"材料未到\"}")).get("fields").findValuesAsText("field"))
                .containsExactly("days");
        assertThat(json(act(teamKey, t, "extension", "{\"reason\":\"材料未到\"}")).get("fields").findValuesAsText("field"))
                .containsExactly("days");
        assertThat(act(teamKey, t, "extension", "{\"days\":3,\"reason\":\"需更换井盖，材料未到\"}").statusCode()).isEqualTo(200);
        assertThat(tickets.get(t.id()).pendingExtension()).get().extracting(e -> e.days()).isEqualTo(3);

        assertThat(json(act(teamKey, t, "handled", "{\"evidence\":[\"https://cgw.example/p/1.jpg\"]}")).get("fields")
                .findValuesAsText("field")).containsExactly("result");
        HttpResponse<String> handled = act(teamKey, t, "handled", "{\"result\":\"已更换井盖\",\"evidence\":[\"https://cgw.example/p/1.jpg\"]}");
        assertThat(handled.statusCode()).as(handled.body()).isEqualTo(200);
        assertThat(tickets.get(t.id()).state()).isEqualTo(TicketState.HANDLED);
        assertThat(act(teamKey, t, "tidy-up", "{}").statusCode()).isEqualTo(404);
    }

    /// Files sent with a handled report (base64 in JSON, as video snapshots come): each checked by its
    /// bytes and size, refused naming the limit with nothing written; stored once by content, however
    /// often sent; a report sent again is answered as the API answers any repeat (409 with the state
    /// now), and writes nothing more.
    @Test
    void aHandledReportCarriesFilesCheckedAndStoredOnceByContent() throws Exception {
        AttachmentRepository files = new AttachmentRepository(fixture.db.dsl());
        Ticket t = desk.execute(ticket(team), new TicketCommand.Sign(), handler()).after();
        int before = files.count();
        long version = tickets.get(t.id()).version();
        String photo = Base64.getEncoder().encodeToString(EvidenceFiles.jpeg());
        String pdf = Base64.getEncoder().encodeToString(EvidenceFiles.pdf());
        // as `base64` and MIME encoders write it: 76 characters a line (line breaks escaped in the JSON)
        String wrapped = Base64.getMimeEncoder().encodeToString(EvidenceFiles.jpeg()).replace("\r\n", "\\r\\n");
        String words = Base64.getEncoder().encodeToString("a letter, not a picture".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> wrongType = act(teamKey, t, "handled", "{\"result\":\"已处理\",\"attachments\":[{\"name\":\"现场.jpg\",\"content\":\""
                + photo + "\"},{\"name\":\"说明.txt\",\"content\":\"" + words + "\"}]}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("fields").findValuesAsText("field")).containsExactly("attachments[1].content");
        assertThat(json(wrongType).get("fields").get(0).get("message").asText()).contains("说明.txt", "JPEG", "PDF files only");
        HttpResponse<String> notBase64 = act(teamKey, t, "handled", "{\"result\":\"已处理\",\"attachments\":[{\"content\":\"@@@\"}]}");
        assertThat(json(notBase64).get("fields").findValuesAsText("field")).containsExactly("attachments[0].content");
        String ten = ",{\"content\":\"" + photo + "\"}";
        HttpResponse<String> tooMany = act(teamKey, t, "handled", "{\"result\":\"已处理\",\"attachments\":[{\"content\":\"" + photo + "\"}"
                + ten.repeat(9) + "]}");
        assertThat(json(tooMany).get("fields").findValuesAsText("field")).containsExactly("attachments");
        byte[] forged = new byte[4_008];
        new java.util.Random(3).nextBytes(forged);
        System.arraycopy(EvidenceFiles.png(), 0, forged, 0, 8);
        HttpResponse<String> onlyItsStart = act(teamKey, t, "handled", "{\"result\":\"已处理\",\"attachments\":[{\"name\":\"现场.png\","
                + "\"content\":\"" + Base64.getEncoder().encodeToString(forged) + "\"}]}");
        assertThat(onlyItsStart.statusCode()).isEqualTo(400);
        assertThat(json(onlyItsStart).get("fields").get(0).get("message").asText()).contains("现场.png", "不是完整的 PNG");
        assertThat(files.count()).as("nothing written").isEqualTo(before);
        assertThat(tickets.get(t.id()).version()).isEqualTo(version);

        String report = "{\"result\":\"已更换井盖\",\"version\":" + version + ",\"attachments\":[{\"name\":\"现场.jpg\",\"content\":\""
                + photo + "\"},{\"name\":\"同一张.jpg\",\"content\":\"" + wrapped + "\"},{\"name\":\"验收单.pdf\",\"content\":\"" + pdf + "\"}]}";
        HttpResponse<String> handled = act(teamKey, t, "handled", report);
        assertThat(handled.statusCode()).as(handled.body()).isEqualTo(200);
        assertThat(files.count()).as("the same photo twice is one file").isEqualTo(before + 2);
        assertThat(tickets.trail(t.id()).getLast().event()).isInstanceOfSatisfying(TicketEvent.Handled.class,
                h -> assertThat(h.evidence()).containsExactly("sha256:" + Attachment.sha256(EvidenceFiles.jpeg()),
                        "sha256:" + Attachment.sha256(EvidenceFiles.pdf())));

        HttpResponse<String> again = act(teamKey, t, "handled", report);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("state").asText()).isEqualTo("HANDLED");
        assertThat(files.count()).isEqualTo(before + 2);
        assertThat(tickets.trail(t.id()).stream().filter(e -> e.event() instanceof TicketEvent.Handled)).hasSize(1);
    }

    /// An unknown ticket and an unknown action are told apart (not the generic "no such address"),
    /// the action before the ticket is looked up; a body must be typed JSON, while a `sign` or
    /// `check-in` without one needs no type.
    @Test
    void unknownTicketsAndUnknownActionsAreToldApartAndABodyIsTypedJson() throws Exception {
        Ticket t = ticket(team);
        HttpResponse<String> noAction = act(teamKey, t, "tidy-up", "{}");
        assertThat(noAction.statusCode()).isEqualTo(404);
        assertThat(json(noAction).get("error").asText()).isEqualTo("no_such_action");
        assertThat(json(noAction).get("message").asText()).contains("没有这个操作", "no such action", "sign", "check-in", "handled");
        assertThat(json(noAction).get("actions")).extracting(JsonNode::asText)
                .containsExactly("sign", "return", "check-in", "extension", "handled");
        HttpResponse<String> noTicket = fixture.post("/api/v1/team/tickets/2099-9999/sign", teamKey, "");
        assertThat(noTicket.statusCode()).isEqualTo(404);
        assertThat(json(noTicket).get("error").asText()).isEqualTo("no_such_ticket");
        assertThat(json(fixture.get("/api/v1/team/tickets/2099-9999", teamKey)).get("error").asText()).isEqualTo("no_such_ticket");
        assertThat(json(fixture.post("/api/v1/team/tickets/2099-9999/tidy-up", teamKey, "{}")).get("error").asText())
                .as("the action is checked first")
                .isEqualTo("no_such_action");

        long version = tickets.get(t.id()).version();
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=gbk"}) {
            HttpResponse<String> typed = fixture.send("/api/v1/team/tickets/" + t.code() + "/return", teamKey, type,
                    HttpRequest.BodyPublishers.ofString("{\"reason\":\"不归我们\"}"));
            assertThat(typed.statusCode()).as(type).isEqualTo(415);
            assertThat(json(typed).get("error").asText()).isEqualTo("unsupported_media_type");
        }
        assertThat(tickets.get(t.id()).version()).as("nothing changed").isEqualTo(version);
        HttpResponse<String> untypedSign = GatewayFixture.HTTP.send(HttpRequest.newBuilder(fixture.uri("/api/v1/team/tickets/" + t.code()
                + "/sign")).header("X-Api-Key", teamKey).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(untypedSign.statusCode()).as(untypedSign.body()).isEqualTo(200);
    }

    @Test
    void aTeamReturnsWorkThatIsNotItsOwnWithAReasonAndChecksInToAWhistle() throws Exception {
        Ticket wrong = ticket(team);
        long version = tickets.get(wrong.id()).version();
        assertThat(json(act(teamKey, wrong, "return", "{}")).get("fields").findValuesAsText("field")).containsExactly("reason");
        assertThat(tickets.get(wrong.id()).version()).as("a refused request changes nothing").isEqualTo(version);
        assertThat(act(otherKey, wrong, "return", "{\"reason\":\"不归我们\"}").statusCode()).isEqualTo(404);
        HttpResponse<String> returned = act(teamKey, wrong, "return", "{\"reason\":\"属供水管网，应由水务部门处置\"}");
        assertThat(json(returned).get("state").asText()).isEqualTo("RETURNED");

        Ticket summoned = desk.execute(ticket(team), new TicketCommand.Whistle(List.of(department.id(), otherDepartment.id())),
                dispatcher).after();
        assertThat(json(fixture.get("/api/v1/team/tickets", otherDepartmentKey)).get("tickets").findValuesAsText("ticket"))
                .contains(summoned.code());
        assertThat(act(otherKey, summoned, "check-in", "").statusCode()).as("a team not summoned").isEqualTo(404);
        HttpResponse<String> checkedIn = act(otherDepartmentKey, summoned, "check-in", "");
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(200);
        assertThat(tickets.get(summoned.id()).openWhistles()).extracting(w -> w.teamId()).containsExactly(department.id());
        assertThat(act(otherDepartmentKey, summoned, "check-in", "").statusCode()).as("once").isEqualTo(409);
        assertThat(act(departmentKey, summoned, "sign", "").statusCode()).as("summoned, not dispatched").isEqualTo(409);

        assertThat(fixture.get("/api/v1/team/tickets", fixture.key(Channel.HOTLINE_8890)).statusCode()).as("a channel key").isEqualTo(401);
        assertThat(fixture.post("/api/v1/hotline/orders", teamKey, "{}").statusCode()).as("a team key").isEqualTo(401);
    }
}
