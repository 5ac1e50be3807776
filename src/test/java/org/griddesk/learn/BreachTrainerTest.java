package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.Channel;
import org.junit.jupiter.api.Test;

/// The breach-risk model on a small history with a known answer ([TwoTeamsHistory]): one team misses
/// most of its deadlines, the other almost none.
class BreachTrainerTest {
    private static final Instant START = TwoTeamsHistory.START;
    static final Instant NOW = TwoTeamsHistory.NOW;

    static List<BreachCase> history() {
        return TwoTeamsHistory.cases();
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
    void aCheckedTrainingBeatsTheRuleOnTheNewestMonthsItFirstLeftOut() {
        BreachModel model = BreachTrainer.trainChecked(history(), NOW, d -> false);
        BreachModel.Facts f = model.facts();
        assertThat(f.trainedAt()).isEqualTo(NOW);
        assertThat(f.cases()).isEqualTo(1500);
        assertThat(f.heldOut()).as("the cases dispatched in the last 61 days, three moments each")
                .isEqualTo(3 * (int) history().stream().filter(c -> !c.dispatchedAt().isBefore(NOW.minus(Duration.ofDays(61)))).count());
        // the rule knows only the time left; which team has it decides here
        assertThat(f.auc()).isGreaterThan(0.8).isGreaterThan(f.ruleAuc());
        assertThat(f.brier()).isLessThan(f.ruleBrier());
        assertThat(f.beatsRule()).isTrue();
        BreachModel.Facts noCheck = new BreachModel.Facts(NOW, 1, NOW, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertThat(noCheck.beatsRule()).as("unchecked: the rule keeps the colour").isFalse();
    }

    @Test
    void aTicketStillOpenBeforeItsDeadlineIsNotLearntFromAndTooFewCasesAreRefused() {
        BreachCase open = new BreachCase(1, "07-01-001", "XSG-CG", "XSG", Channel.GRID_APP, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(3)), null, List.of(), List.of());
        assertThat(open.missed(NOW)).isNull();
        assertThat(BreachTrainer.examples(List.of(open), NOW, d -> false)).isEmpty();
        BreachCase overdue = new BreachCase(2, "07-01-001", "XSG-CG", "XSG", Channel.GRID_APP, NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(9)),
                NOW.minus(Duration.ofDays(1)), null, List.of(), List.of());
        assertThat(overdue.missed(NOW)).isTrue();
        assertThatThrownBy(() -> BreachTrainer.train(BreachTrainer.examples(List.of(overdue), NOW, d -> false)))
                .hasMessageContaining("too few");
    }

    @Test
    void theTeamsLoadIsWhatItHadInHandAtThatMoment() {
        BreachCase a = new BreachCase(1, "x", "T", "U", Channel.GRID_APP, START, START, START.plus(Duration.ofDays(5)),
                START.plus(Duration.ofDays(2)), List.of(), List.of());
        BreachCase b = new BreachCase(2, "x", "T", "U", Channel.GRID_APP, START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)), START.plus(Duration.ofDays(6)),
                null, List.of(), List.of());
        var load = BreachTrainer.TeamLoad.of(List.of(a, b), NOW);
        assertThat(load.at("T", START.plus(Duration.ofHours(12)))).isEqualTo(1);
        assertThat(load.at("T", START.plus(Duration.ofHours(36)))).isEqualTo(2);
        assertThat(load.at("T", START.plus(Duration.ofDays(3)))).as("a handled, b still open").isEqualTo(1);
        assertThat(load.at("other", START)).isZero();
    }
}
