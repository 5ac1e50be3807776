package org.griddesk.domain.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/// The monthly assessment score of a unit from its [KpiSheet] (docs/assessment-report.md, "Formula"):
///
/// `score = max(0, base − min(cap, Σ deductions))`, where
/// `base = 100 × Σ(weight × part) / Σ(weight of the parts that could be rated)` over the parts
/// response (mean of 受理及时率, 联系及时率), resolution (mean of 按时办结率, 办结率) and satisfaction (满意率),
/// and each deduction is `points × count × 100 / received` for overdue (超期未办结 + 超期办结), returns,
/// urges and repeat requests. A part with no denominator is left out and the others share its weight; a
/// unit with no part to rate is unscored. The engine's rates count the same tickets above and below
/// the line and stay within 100 %; a rate above 100 % in a sheet made otherwise counts as 100 %, so
/// that no unit scores above 100 before deductions.
public final class AssessmentFormula {
    private AssessmentFormula() {
    }

    public static AssessmentScore score(KpiSheet sheet, ScoreWeights weights) {
        OptionalDouble response = mean(sheet, Rate.ACCEPTED_ON_TIME, Rate.CONTACTED_ON_TIME);
        OptionalDouble resolution = mean(sheet, Rate.RESOLVED_ON_TIME, Rate.RESOLVED);
        OptionalDouble satisfaction = mean(sheet, Rate.SATISFACTION);
        double weighted = 0;
        double weightSum = 0;
        Map<ScoreKey, OptionalDouble> parts = new EnumMap<>(ScoreKey.class); // fixed order: the same sum every time
        parts.put(ScoreKey.RESPONSE, response);
        parts.put(ScoreKey.RESOLUTION, resolution);
        parts.put(ScoreKey.SATISFACTION, satisfaction);
        for (var part : parts.entrySet()) {
            if (part.getValue().isPresent()) {
                weighted += weights.get(part.getKey()) * part.getValue().getAsDouble();
                weightSum += weights.get(part.getKey());
            }
        }
        Map<ScoreKey, Double> deductions = new EnumMap<>(ScoreKey.class);
        long received = sheet.count(Measure.RECEIVED);
        deductions.put(ScoreKey.OVERDUE, perHundred(weights.get(ScoreKey.OVERDUE),
                sheet.count(Measure.OVERDUE_OPEN) + sheet.count(Measure.FINISHED_LATE), received));
        deductions.put(ScoreKey.RETURN, perHundred(weights.get(ScoreKey.RETURN), sheet.count(Measure.RETURNS), received));
        deductions.put(ScoreKey.URGE, perHundred(weights.get(ScoreKey.URGE), sheet.count(Measure.URGES), received));
        deductions.put(ScoreKey.REPEAT, perHundred(weights.get(ScoreKey.REPEAT), sheet.count(Measure.REPEAT_REQUESTS), received));
        double deducted = Math.min(weights.get(ScoreKey.CAP), deductions.values().stream().mapToDouble(Double::doubleValue).sum());
        if (weightSum == 0) {
            return new AssessmentScore(sheet, response, resolution, satisfaction, OptionalDouble.empty(), deductions, round(deducted),
                    OptionalDouble.empty());
        }
        double base = 100 * weighted / weightSum;
        return new AssessmentScore(sheet, response, resolution, satisfaction, OptionalDouble.of(round(base)), deductions,
                round(deducted), OptionalDouble.of(round(Math.max(0, base - deducted))));
    }

    private static OptionalDouble mean(KpiSheet sheet, Rate... rates) {
        return java.util.Arrays.stream(rates).map(sheet::rate).filter(OptionalDouble::isPresent)
                .mapToDouble(r -> Math.min(1.0, r.getAsDouble())).average();
    }

    private static double perHundred(double points, long count, long received) {
        return received == 0 ? 0 : points * count * 100.0 / received;
    }

    /// two decimals, half up: the same number on every machine and in every table
    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
