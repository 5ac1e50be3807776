package org.griddesk.domain.digest;

import java.util.Optional;

/// When a count on the day is "far above" its 28-day baseline (专线舆情 hot topics and hot spots).
///
/// The day's count `x` of a key (a category, an item, a term, a community) is taken as Poisson with
/// the mean the baseline expects: `λ = (B + 1) / days × volume`, where `B` is the key's count over the
/// baseline days (one added so that a key never seen still has a small mean, not zero) and `volume`
/// is the day's whole intake over the baseline's daily mean (a Sunday's quiet does not hide a spike,
/// a busy Monday does not make one). The key is hot when all three hold:
/// - `x ≥ minCount` (a handful of requests is never a trend),
/// - `x ≥ minRatio · λ` (far above, not just above),
/// - `P(X ≥ x | λ) ≤ alpha` (the upper tail: so unlikely by chance that, over the few hundred keys a
///   day has, noise raises nothing).
///
/// @param minCount at least this many on the day
/// @param minRatio at least this many times the expected count
/// @param alpha    at most this upper-tail probability
public record SpikeRule(int minCount, double minRatio, double alpha) {
    /// categories, items, communities: 5 requests, 3× the expected, p ≤ 0.0001
    public static final SpikeRule TOPICS = new SpikeRule(5, 3.0, 1e-4);
    /// terms: there are thousands, so a stricter tail (p ≤ 0.00001) and 6 texts at least
    public static final SpikeRule TERMS = new SpikeRule(6, 3.0, 1e-5);

    public SpikeRule {
        if (minCount < 1 || minRatio < 1 || alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("a spike rule needs minCount ≥ 1, minRatio ≥ 1 and 0 < alpha < 1");
        }
    }

    /// The spike of `key` when its count `today` is far above what `baselineTotal` over
    /// `baselineDays` days expects at the day's `volume` (its intake over the baseline's daily mean).
    public Optional<Spike> test(String key, String name, long today, long baselineTotal, int baselineDays, double volume) {
        if (today < minCount) {
            return Optional.empty();
        }
        double expected = (baselineTotal + 1.0) / baselineDays * (volume > 0 ? volume : 1.0);
        double ratio = today / expected;
        if (ratio < minRatio) {
            return Optional.empty();
        }
        double p = upperTail(today, expected);
        return p <= alpha ? Optional.of(new Spike(key, name, today, baselineTotal / (double) baselineDays, expected, ratio, p))
                : Optional.empty();
    }

    /// P(X ≥ x) for X ~ Poisson(λ), summed in logarithms from x upward (x is above λ here, so the
    /// terms fall and the sum ends within a few dozen of them).
    static double upperTail(long x, double lambda) {
        if (x <= 0) {
            return 1;
        }
        double logTerm = -lambda + x * Math.log(lambda) - logFactorial(x);
        double sum = 0;
        for (long k = x; k < x + 10_000; k++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (k > lambda && term < sum * 1e-15) {
                break;
            }
            logTerm += Math.log(lambda) - Math.log(k + 1);
        }
        return Math.min(1, sum);
    }

    private static double logFactorial(long n) {
        double s = 0;
        for (long i = 2; i <= n; i++) {
            s += Math.log(i);
        }
        return s;
    }
}
