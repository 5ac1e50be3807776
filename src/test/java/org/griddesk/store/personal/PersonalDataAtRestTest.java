package org.griddesk.store.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.RawTextScan;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Callers and must-visit households are in the store only sealed: requests taken by the gateway over
/// HTTP from two channels leave no name or phone in any text column of any table (the trail
/// included), the desk's reads open them again, and the phone finds its tickets in any spelling.
class PersonalDataAtRestTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void nothingPersonalIsInTheStoreInClearAndThePhoneStillFindsItsTickets(DatabaseKind kind) throws Exception {
        try (CommandCentre centre = CommandCentre.on(TestDatabases.freshSettings(kind, temp))) {
            var gateway = centre.gateway();
            DistrictRepository district = new DistrictRepository(centre.admin().dsl());
            String grid = district.regions(RegionLevel.GRID).get(40).code();
            assertThat(post(gateway.port(), "/api/v1/hotline/orders", centre.keys().get(Channel.HOTLINE_8890), """
                    {"orderNo":"8890-PII-1","receivedAt":"2026-11-26T09:30:00+08:00","caller":{"name":"欧阳振华","phone":"13987654321"},
                     "content":"楼道堆放杂物堵塞消防通道","address":"咸水沽镇津沽路 12 号","urgent":false}""")).isEqualTo(201);
            assertThat(post(gateway.port(), "/api/v1/hotline/orders", centre.keys().get(Channel.HOTLINE_8890), """
                    {"orderNo":"8890-PII-2","receivedAt":"2026-11-26T10:30:00+08:00","caller":{"name":"欧阳振华","phone":"13987654321"},
                     "content":"消防通道杂物仍未清理","address":"咸水沽镇津沽路 12 号","urgent":false}""")).isEqualTo(201);
            assertThat(post(gateway.port(), "/api/v1/pushes", centre.keys().get(Channel.SMART_PUSH), """
                    {"pushId":"P-PII-1","source":"智慧社区","content":"井盖缺失","gridCode":"%s","reportedAt":"2026-11-26T11:00:00+08:00",
                     "caller":{"name":"司马光明","phone":"15611112222"}}""".formatted(grid))).isEqualTo(201);
            VisitHousehold household = firstHousehold(district);

            Set<String> clear = Set.of("欧阳振华", "13987654321", "司马光明", "15611112222", household.headName(),
                    household.phone(), household.address());
            assertThat(RawTextScan.find(centre.admin().dataSource(), clear)).isEmpty();

            TicketRepository tickets = new TicketRepository(centre.admin().dsl());
            List<String> codes = tickets.codesByPhone("13987654321", 10);
            assertThat(codes).hasSize(2);
            assertThat(tickets.codesByPhone("139 8765 4321", 10)).isEqualTo(codes);
            assertThat(tickets.codesByPhone("+86 139-8765-4321", 10)).isEqualTo(codes);
            assertThat(tickets.codesByPhone("0086 13987654321", 10)).isEqualTo(codes);
            assertThat(tickets.codesByPhone("13987654320", 10)).isEmpty();
            Ticket first = tickets.findByCode(codes.getLast()).orElseThrow();
            assertThat(first.intake().caller()).isEqualTo(new Caller("欧阳振华", "13987654321"));
            // the trail holds the caller masked; read back, its report has the caller from the sealed row
            var reported = (org.griddesk.domain.ticket.TicketEvent.Reported) tickets.trail(first.id()).getFirst().event();
            assertThat(reported.intake().caller()).isEqualTo(first.intake().caller());
            assertThat(district.visitHouseholdsByPhone(household.phone())).extracting(VisitHousehold::id).contains(household.id());
        }
    }

    private static VisitHousehold firstHousehold(DistrictRepository district) {
        for (var grid : district.regions(RegionLevel.GRID)) {
            List<VisitHousehold> households = district.visitHouseholds(grid.code());
            if (!households.isEmpty()) {
                assertThat(households.getFirst().readable()).isTrue();
                return households.getFirst();
            }
        }
        throw new AssertionError("the demo district has no must-visit households");
    }

    private static int post(int port, String path, String key, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            System.err.println(answer.body());
        }
        return answer.statusCode();
    }
}
