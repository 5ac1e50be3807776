package org.griddesk.domain.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/// The hot-topic rule on made-up histories: 300 keys with daily means from 0.05 to 20 over 28
/// days, drawn as Poisson noise. A spike planted on one key is found (and only it); a flat day of
/// the same volume raises nothing, and over 400 flat days at most 1 in 100 raises anything.
class SpikeRuleTest {
    private static final int DAYS = 28;
    private static final int KEYS = 300;

    @Test
    void theUpperTailIsTheBinomials() {
        assertThat(SpikeRule.binomialUpperTail(5, 5, 0.5)).isCloseTo(1.0 / 32, within(1e-15));
        // P(Y ≥ 2 | n = 4, π = 0.1) = 1 − 0.9⁴ − 4·0.1·0.9³
        assertThat(SpikeRule.binomialUpperTail(2, 4, 0.1)).isCloseTo(1 - Math.pow(0.9, 4) - 0.4 * Math.pow(0.9, 3), within(1e-12));
        assertThat(SpikeRule.binomialUpperTail(0, 3, 0.2)).isEqualTo(1.0);
        assertThat(SpikeRule.binomialUpperTail(4, 3, 0.2)).isZero();
        double exact = 0;
        for (int i = 2; i <= 60; i++) {
            exact += Math.log(i);
        }
        assertThat(SpikeRule.logFactorial(60)).isCloseTo(exact, within(1e-9));
    }

    @Test
    void aPlantedSpikeIsFoundAndNothingElse() {
        Random random = new Random(2211);
        double[] means = means(random);
        long[] baseline = baseline(random, means);
        long[] today = day(random, means);
        int planted = 137; // mean 137/300·20 ≈ 9 a day
        today[planted] += 25;
        assertThat(hot(today, baseline)).extracting(Spike::key).containsExactly("k" + planted);
    }

    @Test
    void aSpikeOnAKeyNeverSeenBeforeIsFoundOnceItHasEnoughRequests() {
        SpikeRule rule = SpikeRule.TOPICS;
        assertThat(rule.test("new", "新", 5, 0, DAYS, 1.0, 300)).hasValueSatisfying(s -> {
            assertThat(s.expected()).isCloseTo(1.0 / DAYS, within(1e-12));
            assertThat(s.baselineMean()).isZero();
        });
        assertThat(rule.test("new", "新", 4, 0, DAYS, 1.0, 300)).isEmpty();
    }

    @Test
    void aBusyDayLiftsTheExpectationSoItAloneIsNoSpike() {
        // 3 a day usually; 14 today is a spike on an ordinary day, not on a day with 3.5× the usual volume
        assertThat(SpikeRule.TOPICS.test("k", "k", 14, 84, DAYS, 1.0, 1)).isPresent();
        assertThat(SpikeRule.TOPICS.test("k", "k", 14, 84, DAYS, 3.5, 1)).isEmpty();
    }

    @Test
    void aFlatHistoryOfTheSameVolumeRaisesNothing() {
        Random random = new Random(2211);
        double[] means = means(random);
        long[] baseline = baseline(random, means);
        assertThat(hot(day(random, means), baseline)).isEmpty();
    }

    /// The rule's promise: on a flat day a list raises anything at all at most one day in a hundred
    /// (alpha 0.01, shared out over the keys). Drawn for 400 flat days; with the draws in another
    /// order two of 200 days once raised a key, as the bound allows.
    @Test
    void falseAlarmsStayWithinTheRulesPromise() {
        int days = 400;
        int alarmed = 0;
        for (int seed = 1; seed <= days; seed++) {
            Random random = new Random(seed);
            double[] means = means(random);
            long[] today = day(random, means);
            alarmed += hot(today, baseline(random, means)).isEmpty() ? 0 : 1;
        }
        assertThat(alarmed).as("flat days with a false alarm, of %d", days).isLessThanOrEqualTo(days / 100);
    }

    private static List<Spike> hot(long[] today, long[] baseline) {
        long total = 0;
        long base = 0;
        for (int k = 0; k < KEYS; k++) {
            total += today[k];
            base += baseline[k];
        }
        double volume = total / (base / (double) DAYS);
        List<Spike> found = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            SpikeRule.TOPICS.test("k" + k, "k" + k, today[k], baseline[k], DAYS, volume, KEYS).ifPresent(found::add);
        }
        return found;
    }

    private static double[] means(Random random) {
        double[] means = new double[KEYS];
        for (int k = 0; k < KEYS; k++) {
            means[k] = Math.max(0.05, 20.0 * k / KEYS * (0.8 + 0.4 * random.nextDouble()));
        }
        return means;
    }

    private static long[] baseline(Random random, double[] means) {
        long[] sums = new long[KEYS];
        for (int d = 0; d < DAYS; d++) {
            long[] day = day(random, means);
            for (int k = 0; k < KEYS; k++) {
                sums[k] += day[k];
            }
        }
        return sums;
    }

    private static long[] day(Random random, double[] means) {
        long[] counts = new long[KEYS];
        for (int k = 0; k < KEYS; k++) {
            counts[k] = poisson(random, means[k]);
        }
        return counts;
    }

    /// Knuth's method: fine for the small means here.
    private static long poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        long n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }
}
