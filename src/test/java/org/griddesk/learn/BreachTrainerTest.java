package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.griddesk.domain.ticket.Channel;
import org.junit.jupiter.api.Test;

/// The breach-risk model on a small history with a known answer: one team misses most of its
/// deadlines, the other almost none, and a ticket urged near its deadline is more at risk.
class BreachTrainerTest {
    private static final Instant START = Instant.parse("2026-01-05T01:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofDays(200));

    static List<BreachCase> history() {
        Random r = new Random(3);
        List<BreachCase> cases = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            boolean slowTeam = i % 2 == 0;
            Instant dispatched = START.plus(Duration.ofHours(3L * i));
            Instant due = dispatched.plus(Duration.ofDays(5));
            boolean late = r.nextDouble() < (slowTeam ? 0.7 : 0.05);
            Instant handled = late ? due.plus(Duration.ofHours(10)) : dispatched.plus(Duration.ofDays(2));
            List<Instant> urged = late && r.nextBoolean() ? List.of(due.minus(Duration.ofHours(6))) : List.of();
            cases.add(new BreachCase(i, "07-01-001", slowTeam ? "XSG-CG" : "XSG-HW", "XSG", Channel.HOTLINE_8890, dispatched, due,
                    handled, urged, List.of()));
        }
        return cases;
    }

    @Test
    void learnsWhichTeamMissesItsDeadlines() {
        List<BreachCase> cases = history();
        List<BreachTrainer.Example> examples = BreachTrainer.examples(cases, NOW, d -> false);
        assertThat(examples).hasSize(cases.size() * BreachTrainer.MOMENTS_PER_CASE);
        BreachModel model = BreachTrainer.train(examples);

        BreachCase slow = cases.get(0);
        BreachCase fast = cases.get(1);
        Instant halfway = slow.dispatchedAt().plus(Duration.ofDays(2));
        double pSlow = model.probability(BreachSnapshot.of(slow, halfway, 5, false));
        double pFast = model.probability(BreachSnapshot.of(fast, fast.dispatchedAt().plus(Duration.ofDays(2)), 5, false));
        assertThat(pSlow).isBetween(0.5, 0.95);
        assertThat(pFast).isLessThan(0.15);

        double[] p = new double[examples.size()];
        boolean[] y = new boolean[examples.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.probability(examples.get(i).snapshot());
            y[i] = examples.get(i).missed();
        }
        assertThat(ForecastScore.of(p, y).auc()).isGreaterThan(0.8);
    }

    @Test
    void aTicketStillOpenBeforeItsDeadlineIsNotLearntFromAndTooFewCasesAreRefused() {
        BreachCase open = new BreachCase(1, "07-01-001", "XSG-CG", "XSG", Channel.GRID_APP, NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3)), null, List.of(), List.of());
        assertThat(open.missed(NOW)).isNull();
        assertThat(BreachTrainer.examples(List.of(open), NOW, d -> false)).isEmpty();
        BreachCase overdue = new BreachCase(2, "07-01-001", "XSG-CG", "XSG", Channel.GRID_APP, NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofDays(1)), null, List.of(), List.of());
        assertThat(overdue.missed(NOW)).isTrue();
        assertThatThrownBy(() -> BreachTrainer.train(BreachTrainer.examples(List.of(overdue), NOW, d -> false)))
                .hasMessageContaining("too few");
    }

    @Test
    void theTeamsLoadIsWhatItHadInHandAtThatMoment() {
        BreachCase a = new BreachCase(1, "x", "T", "U", Channel.GRID_APP, START, START.plus(Duration.ofDays(5)),
                START.plus(Duration.ofDays(2)), List.of(), List.of());
        BreachCase b = new BreachCase(2, "x", "T", "U", Channel.GRID_APP, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(6)),
                null, List.of(), List.of());
        var load = BreachTrainer.TeamLoad.of(List.of(a, b), NOW);
        assertThat(load.at("T", START.plus(Duration.ofHours(12)))).isEqualTo(1);
        assertThat(load.at("T", START.plus(Duration.ofHours(36)))).isEqualTo(2);
        assertThat(load.at("T", START.plus(Duration.ofDays(3)))).as("a handled, b still open").isEqualTo(1);
        assertThat(load.at("other", START)).isZero();
    }
}
