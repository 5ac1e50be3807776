package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.griddesk.geo.RegionLevel;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.security.Session;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Workstation;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.AccountService;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.RawHttp;
import org.griddesk.testsupport.RecordingAudit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The 网格通 report endpoint over real HTTP with a grid worker's personal token: the report is
/// recorded under the worker's account; an expired, revoked or unknown token (or a disabled
/// account's) is answered 401 in words and nothing is written; the channel's key still works.
class WorkerTokenGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;
    private AccountService accounts;
    private WorkerTokenService tokens;
    private Session sysadmin;
    private String grid;
    private int reports;

    @BeforeEach
    void start() {
        fixture = new GatewayFixture(dataDir);
        RecordingAudit audit = new RecordingAudit();
        accounts = new AccountService(fixture.db.dsl(), Clock.systemUTC(), audit);
        tokens = new WorkerTokenService(fixture.db.dsl(), Clock.systemUTC(), audit);
        sysadmin = signIn("sysadmin");
        grid = new DistrictRepository(fixture.db.dsl()).regions(RegionLevel.GRID).get(20).code();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private Session signIn(String username) {
        return ((SignedIn) accounts.signIn(username, AccountService.DEMO_PASSWORD.toCharArray(), null,
                new Workstation("test", "127.0.0.1"))).session();
    }

    private String report() {
        return """
                {"reportId":"WG-%d","workerId":"W-ANY","reportedAt":"%s","content":"楼道堆放杂物，存在消防隐患","gridCode":"%s"}"""
                .formatted(++reports, OffsetDateTime.now().minusMinutes(3), grid);
    }

    private HttpResponse<String> postWithToken(String token, String body) throws Exception {
        return GatewayFixture.HTTP.send(HttpRequest.newBuilder(fixture.uri("/api/v1/grid/reports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aReportWithAWorkersTokenIsRecordedUnderTheWorkersAccount() throws Exception {
        String workerId = accounts.list(sysadmin).stream().filter(a -> a.username().equals("grid-worker")).findFirst()
                .orElseThrow().accountId();
        String token = tokens.issue(sysadmin, "grid-worker", "手机", 30).token();

        HttpResponse<String> created = postWithToken(token, report());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var repo = new TicketRepository(fixture.db.dsl());
        var ticket = repo.findByCode(JSON.readTree(created.body()).get("ticket").asText()).orElseThrow();
        RecordedEvent first = repo.trail(ticket.id()).getFirst();
        assertThat(first.actorId()).isEqualTo(workerId);
        assertThat(first.actorRole()).isEqualTo(Role.GRID_WORKER);
        assertThat(ticket.intake().channel()).isEqualTo(Channel.GRID_APP);
    }

    @Test
    void anExpiredRevokedOrUnknownTokenIsRefusedInWordsAndWritesNothing() throws Exception {
        String expired = tokens.issue(sysadmin, "grid-worker", "旧手机", 1).token();
        fixture.db.dsl().execute("UPDATE worker_token SET expires_at = ? WHERE id = 1",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        var revoked = tokens.issue(sysadmin, "grid-worker", "丢失的手机", 30);
        tokens.revoke(sysadmin, revoked.id());
        int before = fixture.tickets();

        for (String token : new String[] {expired, revoked.token(), "gdw_" + "A".repeat(43), "gdw_short", ""}) {
            HttpResponse<String> refused = postWithToken(token, report());
            assertThat(refused.statusCode()).as(token).isEqualTo(401);
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.get("error").asText()).isEqualTo("invalid_token");
            assertThat(body.get("message").asText()).contains("网格员令牌无效、已过期或已被吊销", "expired or revoked");
        }
        assertThat(fixture.tickets()).isEqualTo(before);
        // the three tokens of our shape are in the audit log as failed sign-ins from the sender's address
        var failed = fixture.db.dsl().fetch("SELECT target, address, outcome FROM audit_log WHERE action = 'SIGN_IN_FAILED'"
                + " AND detail = 'token.refused' ORDER BY seq");
        assertThat(failed).hasSize(3);
        assertThat(failed.getValues(1, String.class)).containsOnly("127.0.0.1");
        assertThat(failed.getValues(0, String.class)).allSatisfy(t -> assertThat(t).matches("token [0-9a-f]{12}"))
                .noneMatch(t -> t.contains(expired.substring(4, 16)));
    }

    @Test
    void aDisabledWorkersTokenStopsAtOnceAndTheChannelKeyStillWorks() throws Exception {
        String token = tokens.issue(sysadmin, "grid-worker", "手机", 30).token();
        accounts.setEnabled(sysadmin, "grid-worker", false);

        assertThat(postWithToken(token, report()).statusCode()).isEqualTo(401);
        HttpResponse<String> byKey = fixture.post("/api/v1/grid/reports", fixture.key(Channel.GRID_APP), report());
        assertThat(byKey.statusCode()).as(byKey.body()).isEqualTo(201);
        HttpResponse<String> noCredentials = fixture.post("/api/v1/grid/reports", null, report());
        assertThat(noCredentials.statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenIsCheckedBeforeTheBodyIsRead() throws Exception {
        String request = "POST /api/v1/grid/reports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer gdw_" + "B".repeat(43)
                + "\r\nContent-Type: application/json\r\nContent-Length: 7\r\nConnection: close\r\n\r\nnot json";
        RawHttp.Answer answer = RawHttp.exchange(fixture.gateway.port(), request);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("invalid_token");
    }
}
