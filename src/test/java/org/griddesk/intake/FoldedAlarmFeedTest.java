package org.griddesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// A camera repeats an alarm: the gateway folds it into the open ticket the first alarm made, and
/// every desk learns of it through its change feed (the trail), not at its next whole reload.
class FoldedAlarmFeedTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aFoldedAlarmReachesEveryDeskThroughTheFeed(DatabaseKind kind) throws Exception {
        try (CommandCentre centre = CommandCentre.on(TestDatabases.freshSettings(kind, temp))) {
            CommandCentre.GatewayNode gateway = centre.gateway();
            List<CommandCentre.Desk> desks = List.of(centre.desk("desk-1"), centre.desk("desk-2"));
            Camera camera = new DistrictRepository(centre.admin().dsl()).cameras().get(100);
            String key = centre.keys().get(Channel.VIDEO);
            OffsetDateTime first = OffsetDateTime.now().minusMinutes(20);

            JsonNode made = post(gateway, key, alarm("VA-FEED-1", camera, first), 201);
            long ticketId = new TicketRepository(centre.admin().dsl())
                    .findByCode(made.get("ticket").asText()).orElseThrow().id();
            for (CommandCentre.Desk desk : desks) {
                assertThat(desk.awaitSeen(List.of(centre.lastEventOf(ticketId)), Duration.ofSeconds(10)))
                        .as("%s saw the ticket made", desk.name()).isTrue();
            }

            long before = centre.lastEvent();
            JsonNode folded = post(gateway, key, alarm("VA-FEED-2", camera, first.plusMinutes(10)), 200);
            assertThat(folded.get("folded").asBoolean()).isTrue();
            assertThat(folded.get("repeats").asInt()).isEqualTo(1);

            List<Long> fold = centre.eventsAfter(before);
            assertThat(fold).as("the fold is one event in the trail").hasSize(1);
            for (CommandCentre.Desk desk : desks) {
                assertThat(desk.awaitSeen(fold, Duration.ofSeconds(10))).as("%s was given the fold by its feed: %s", desk.name(),
                        desk.diagnose(fold)).isTrue();
                RecordedEvent heard = desk.core().tickets().trail(ticketId).getLast();
                assertThat(heard.seq()).isEqualTo(fold.getFirst());
                assertThat(heard.event()).isInstanceOfSatisfying(TicketEvent.AlarmRepeated.class, a -> {
                    assertThat(a.alarmId()).isEqualTo("VA-FEED-2");
                    assertThat(a.cameraCode()).isEqualTo(camera.code());
                });
                QueueRepository.QueueRow row = new QueueRepository(desk.core().database().dsl()).openTickets(Set.of(ticketId))
                        .getFirst();
                assertThat(row.repeats()).as("%s's queue counts the repeat", desk.name()).isEqualTo(1);
            }
            assertThat(desks.getFirst().givenTwice()).isEmpty();
        }
    }

    private static String alarm(String id, Camera camera, OffsetDateTime at) {
        return """
                {"alarmId":"%s","cameraCode":"%s","alarmType":"占道经营","confidence":0.91,"alarmAt":"%s"}"""
                .formatted(id, camera.code(), at);
    }

    private static JsonNode post(CommandCentre.GatewayNode gateway, String key, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/video/alarms"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
