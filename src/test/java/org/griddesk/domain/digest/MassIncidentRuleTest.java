package org.griddesk.domain.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Many callers on one subject at one place within two hours: found at the most specific level that
/// holds them, and not for one caller calling often, for calls spread too thin in time, or for
/// requests with no caller.
class MassIncidentRuleTest {
    private static final Instant T0 = Instant.parse("2026-11-30T13:00:00Z");
    private final List<Arrival> arrivals = new ArrayList<>();
    private final MassIncidentRule rule = MassIncidentRule.DEFAULT;

    @Test
    void fiveCallersAboutOneItemInOneGridWithinTwoHoursAreAnIncident() {
        for (int i = 0; i < 5; i++) {
            call("p" + i, i * 25, "I3", "K2", "G1", "C1");
        }
        assertThat(rule.find(arrivals)).singleElement().satisfies(m -> {
            assertThat(m.level()).isEqualTo(MassIncident.Level.ITEM_GRID);
            assertThat(m.callers()).isEqualTo(5);
            assertThat(m.from()).isEqualTo(T0);
            assertThat(m.to()).isEqualTo(T0.plus(Duration.ofMinutes(100)));
            assertThat(m.ownerUnits()).containsExactly("JN-XSG");
        });
    }

    @Test
    void oneCallerCallingFiveTimesIsNoIncident() {
        for (int i = 0; i < 4; i++) {
            call("p" + i, i * 10, "I3", "K2", "G1", "C1");
        }
        call("p0", 50, "I3", "K2", "G1", "C1");
        assertThat(rule.find(arrivals)).isEmpty();
    }

    @Test
    void callsSpreadOverMoreThanTheWindowAreNoIncident() {
        for (int i = 0; i < 6; i++) {
            call("p" + i, i * 31, "I3", "K2", "G1", "C1"); // any two hours hold at most four
        }
        assertThat(rule.find(arrivals)).isEmpty();
    }

    @Test
    void requestsWithoutACallerDoNotCount() {
        for (int i = 0; i < 4; i++) {
            call("p" + i, i, "I3", "K2", "G1", "C1");
        }
        call(null, 5, "I3", "K2", "G1", "C1");
        call(null, 6, "I3", "K2", "G1", "C1");
        assertThat(rule.find(arrivals)).isEmpty();
    }

    @Test
    void broaderLevelsFindWhatNarrowerOnesMissAndDoNotRepeatThem() {
        // one item over three grids of a community
        for (int i = 0; i < 5; i++) {
            call("a" + i, i, "I3", "K2", "G" + (i % 3), "C1");
        }
        // two items of one category in another community
        for (int i = 0; i < 5; i++) {
            call("b" + i, i, i % 2 == 0 ? "I3" : "I4", "K2", "G9", "C2");
        }
        // an incident in one grid, seen at every level with the same requests
        for (int i = 0; i < 5; i++) {
            call("c" + i, i, "I7", "K3", "G5", "C3");
        }
        assertThat(rule.find(arrivals)).extracting(m -> m.level() + " " + m.subject() + "@" + m.place() + " " + m.callers())
                .containsExactly("ITEM_GRID I7@G5 5", "ITEM_COMMUNITY I3@C1 5", "CATEGORY_COMMUNITY K2@C2 5");
    }

    private void call(String caller, int minutes, String item, String category, String grid, String community) {
        int n = arrivals.size();
        arrivals.add(new Arrival(new TicketRef(n + 1, "T-" + (n + 1), T0.plus(Duration.ofMinutes(minutes)), "…"), caller, item,
                item + "名", category, category + "名", grid, grid + "名", community, community + "名", "JN-XSG"));
    }
}
