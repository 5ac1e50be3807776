package org.griddesk.domain.assessment;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/// One unit's score for a period and how it was made: the three parts (each a rate 0..1, empty when
/// there was nothing to rate), the deduction of each kind in points, and the sheet it was computed from,
/// so a screen can drill from any part to the tickets behind it.
///
/// @param sheet        the figures the score is made of
/// @param response     mean of 受理及时率 and 联系及时率 (those with a denominator)
/// @param resolution   mean of 按时办结率 and 办结率
/// @param satisfaction 满意率
/// @param base         the weighted parts on a 0..100 scale (empty when no part could be rated)
/// @param deductions   points taken off per kind (OVERDUE, RETURN, URGE, REPEAT), before the cap
/// @param deducted     points actually taken off (the sum, capped)
/// @param total        the score, 0..100 rounded to two decimals; empty when unscored (nothing to rate)
public record AssessmentScore(KpiSheet sheet, OptionalDouble response, OptionalDouble resolution, OptionalDouble satisfaction,
                              OptionalDouble base, Map<ScoreKey, Double> deductions, double deducted, OptionalDouble total) {
    public AssessmentScore {
        EnumMap<ScoreKey, Double> copy = new EnumMap<>(ScoreKey.class);
        copy.putAll(deductions);
        deductions = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean scored() {
        return total.isPresent();
    }

    /// the score for sorting and tables: unscored units count as -1 (below any score)
    public double value() {
        return total.orElse(-1);
    }
}
