package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.SimulatedRequest;
import org.griddesk.simulate.SimulatedRequest.Kind;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.district.DistrictRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The simulator's traffic through a real gateway: every kind answered as it should be, nothing lost.
class SimulationTest {
    @TempDir
    Path dataDir;

    @Test
    void theTrafficMixesChannelsResendsSecondReportsRepeatAlarmsAndBrokenRequests() {
        try (GatewayFixture fixture = new GatewayFixture(dataDir)) {
            TrafficModel model = new TrafficModel(Scenery.of(new DistrictRepository(fixture.db.dsl())), 7, "T");
            Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
            Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
            for (int i = 0; i < 4000; i++) {
                SimulatedRequest r = model.next(Instant.now());
                channels.merge(r.channel(), 1, Integer::sum);
                kinds.merge(r.kind(), 1, Integer::sum);
            }
            assertThat(channels.get(Channel.HOTLINE_8890)).as("8890 about half").isBetween(1700, 2300);
            assertThat(channels).containsKeys(Channel.GRID_APP, Channel.VIDEO, Channel.SMART_PUSH, Channel.DEPARTMENT_PUSH,
                    Channel.GOVERNANCE_PLATFORM);
            assertThat(kinds.get(Kind.BROKEN)).isBetween(60, 140);
            assertThat(kinds.get(Kind.RESENT)).isBetween(80, 170);
            assertThat(kinds.get(Kind.SAME_MATTER)).isBetween(170, 310);
            assertThat(kinds.get(Kind.REPEAT_ALARM)).isPositive();
        }
    }

    @Test
    void aRunThroughTheGatewayGetsTheAnswerEachKindShouldAndLosesNothing() throws Exception {
        try (GatewayFixture fixture = new GatewayFixture(dataDir)) {
            Map<Channel, String> keys = new EnumMap<>(Channel.class);
            for (Channel channel : Channel.values()) {
                keys.put(channel, fixture.key(channel));
            }
            // the gateway reads the district on its first request: a real one has been running a while
            assertThat(fixture.get("/open311/v2/requests.json?api_key=" + keys.get(Channel.HOTLINE_8890)).statusCode()).isEqualTo(200);
            int before = fixture.tickets();
            TrafficModel model = new TrafficModel(Scenery.of(new DistrictRepository(fixture.db.dsl())), 11, "R");
            Simulation.Tally tally;
            try (Simulation simulation = new Simulation(fixture.uri("/"), keys, model, 50)) {
                tally = simulation.runFor(Duration.ofSeconds(4));
            }
            assertThat(tally.sent()).isGreaterThan(150);
            assertThat(tally.failed()).as(tally.summary()).isZero();
            assertThat(tally.unexpected()).as(tally.summary()).isZero();
            assertThat(tally.refused()).isEqualTo(tally.byKind().get(Kind.BROKEN));
            assertThat(tally.created() + tally.repeated() + tally.refused()).isEqualTo(tally.sent());
            assertThat(fixture.tickets() - before).as("one ticket per 201").isEqualTo((int) tally.created());
        }
    }

    @Test
    void ratesAndDurationsReadAsPeopleWriteThem() {
        assertThat(SimulateCommand.rate("2/s")).isEqualTo(2.0);
        assertThat(SimulateCommand.rate("120/min")).isEqualTo(2.0);
        assertThat(SimulateCommand.rate("0.5")).isEqualTo(0.5);
        assertThat(SimulateCommand.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(SimulateCommand.duration("90")).isEqualTo(Duration.ofSeconds(90));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulateCommand.rate("fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulateCommand.duration("0s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
