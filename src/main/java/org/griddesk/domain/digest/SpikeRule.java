package org.griddesk.domain.digest;

import java.util.Optional;

/// When a count on the day is "far above" its 28-day baseline (专线舆情 hot topics and hot spots).
///
/// A key (a category, an item, a term, a community) has `x` requests on the day and `B` over the
/// `days` baseline days; `volume` is the day's whole intake over the baseline's daily mean (a quiet
/// Sunday does not hide a spike, a busy Monday does not make one), so the day weighs `volume`
/// baseline days. If the key's rate had not changed, each of its `x + B` requests would fall on the
/// day with probability `π = volume / (volume + days)`: the exact conditional test for two Poisson
/// counts, which also allows for the baseline itself being a sample (a rare key's 28 days say
/// little about its mean). The key is hot when all three hold:
/// - `x ≥ minCount` (a handful of requests is never a trend),
/// - `x ≥ minRatio · expected`, with `expected = (B + 1) / days · volume` (far above, not just
///   above; one added so that a key never seen still expects a little),
/// - `P(Y ≥ x) ≤ alpha / keys` for `Y ~ Binomial(x + B, π)`, where `keys` is how many keys the
///   list tests that day (Bonferroni): the chance that noise puts anything at all on a list on a
///   flat day is at most `alpha`, however many items, communities or words there are.
///
/// @param minCount at least this many on the day
/// @param minRatio at least this many times the expected count
/// @param alpha    the chance of any false alarm on one list on one flat day
public record SpikeRule(int minCount, double minRatio, double alpha) {
    /// categories, items, communities: 5 requests, 3× the expected, a false alarm on 1 day in 100 at most
    public static final SpikeRule TOPICS = new SpikeRule(5, 3.0, 0.01);
    /// terms: 6 texts at least
    public static final SpikeRule TERMS = new SpikeRule(6, 3.0, 0.01);

    public SpikeRule {
        if (minCount < 1 || minRatio < 1 || alpha <= 0 || alpha >= 1) {
            throw new IllegalArgumentException("a spike rule needs minCount ≥ 1, minRatio ≥ 1 and 0 < alpha < 1");
        }
    }

    /// The spike of `key`, one of `keys` tested, when its count `today` is far above what
    /// `baselineTotal` over `baselineDays` days expects at the day's `volume` (its intake over the
    /// baseline's daily mean).
    public Optional<Spike> test(String key, String name, long today, long baselineTotal, int baselineDays, double volume, int keys) {
        if (today < minCount) {
            return Optional.empty();
        }
        double expected = (baselineTotal + 1.0) / baselineDays * (volume > 0 ? volume : 1.0);
        double ratio = today / expected;
        if (ratio < minRatio) {
            return Optional.empty();
        }
        double p = binomialUpperTail(today, today + baselineTotal, volume / (volume + baselineDays));
        return p <= alpha / Math.max(1, keys) ? Optional.of(new Spike(key, name, today, baselineTotal / (double) baselineDays, expected, ratio, p))
                : Optional.empty();
    }

    /// P(Y ≥ x) for Y ~ Binomial(n, π), summed in logarithms from x upward (x is above nπ here, so
    /// the terms fall and the sum ends within a few dozen of them).
    static double binomialUpperTail(long x, long n, double pi) {
        if (x <= 0) {
            return 1;
        }
        if (x > n) {
            return 0;
        }
        if (pi >= 1) {
            return 1;
        }
        double logTerm = logFactorial(n) - logFactorial(x) - logFactorial(n - x) + x * Math.log(pi) + (n - x) * Math.log1p(-pi);
        double sum = 0;
        for (long k = x; k <= n; k++) {
            double term = Math.exp(logTerm);
            sum += term;
            if (k > n * pi && term < sum * 1e-15) {
                break;
            }
            logTerm += Math.log((double) (n - k) / (k + 1)) + Math.log(pi) - Math.log1p(-pi);
        }
        return Math.min(1, sum);
    }

    /// ln n!: summed exactly up to 50, Stirling's series beyond (error below 1e-10).
    static double logFactorial(long n) {
        if (n <= 50) {
            double s = 0;
            for (long i = 2; i <= n; i++) {
                s += Math.log(i);
            }
            return s;
        }
        double x = n;
        return x * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI * x) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }
}
