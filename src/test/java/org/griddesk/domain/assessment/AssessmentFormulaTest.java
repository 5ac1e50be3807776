package org.griddesk.domain.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AssessmentFormulaTest {
    /// a sheet from measure/count pairs
    static KpiSheet sheet(String id, Object... pairs) {
        Map<Measure, Long> counts = new EnumMap<>(Measure.class);
        for (int i = 0; i < pairs.length; i += 2) {
            counts.put((Measure) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return new KpiSheet(UnitDimension.CENTRE, id, id + "中心", counts);
    }

    /// 200 received; response 0.95, resolution 0.9, satisfaction 0.92; 10 overdue, 8 returns, 4 urges, 10 repeats
    static KpiSheet busy(String id) {
        return sheet(id, Measure.RECEIVED, 200, Measure.ACCEPTED, 200, Measure.ACCEPTED_ON_TIME, 190, Measure.CONTACTED, 180,
                Measure.CONTACTED_ON_TIME, 171, Measure.RESOLVED, 180, Measure.RESOLVED_OF_ACCEPTED, 180,
                Measure.RESOLVED_ON_TIME, 162, Measure.CALLBACKS_DONE, 100, Measure.SATISFIED, 92, Measure.OVERDUE_OPEN, 4, Measure.FINISHED_LATE, 6, Measure.RETURNS, 8, Measure.URGES, 4,
                Measure.REPEAT_REQUESTS, 10);
    }

    /// 50 received, no callbacks: response 0.8, resolution (0.75 + 0.8) / 2
    static KpiSheet quiet(String id) {
        return sheet(id, Measure.RECEIVED, 50, Measure.ACCEPTED, 50, Measure.ACCEPTED_ON_TIME, 40, Measure.RESOLVED, 40,
                Measure.RESOLVED_OF_ACCEPTED, 40, Measure.RESOLVED_ON_TIME, 30);
    }

    @Test
    void theDefaultFormulaWeighsTheThreeRatesAndDeductsPerHundredTickets() {
        AssessmentScore s = AssessmentFormula.score(busy("A"), ScoreWeights.DEFAULTS);
        assertThat(s.response().getAsDouble()).isCloseTo(0.95, within(1e-9));
        assertThat(s.resolution().getAsDouble()).isCloseTo(0.90, within(1e-9));
        assertThat(s.satisfaction().getAsDouble()).isCloseTo(0.92, within(1e-9));
        // 20 × 0.95 + 40 × 0.90 + 40 × 0.92 = 91.8
        assertThat(s.base()).hasValue(91.8);
        // overdue 1.0 × 10 / 2 = 5; returns 0.5 × 8 / 2 = 2; urges 0.5 × 4 / 2 = 1; repeats 0.2 × 10 / 2 = 1
        assertThat(s.deductions()).containsEntry(ScoreKey.OVERDUE, 5.0).containsEntry(ScoreKey.RETURN, 2.0)
                .containsEntry(ScoreKey.URGE, 1.0);
        assertThat(s.deductions().get(ScoreKey.REPEAT)).isCloseTo(1.0, within(1e-9));
        assertThat(s.deducted()).isEqualTo(9.0);
        assertThat(s.total()).hasValue(82.8);
    }

    @Test
    void aPartWithNothingToRateLeavesItsWeightToTheOthers() {
        AssessmentScore s = AssessmentFormula.score(quiet("B"), ScoreWeights.DEFAULTS);
        assertThat(s.satisfaction()).isEmpty();
        // (20 × 0.8 + 40 × 0.775) / 60 × 100 = 78.33
        assertThat(s.total()).hasValue(78.33);
    }

    @Test
    void deductionsStopAtTheCapAndChangedWeightsChangeTheScore() {
        KpiSheet late = sheet("C", Measure.RECEIVED, 10, Measure.ACCEPTED, 10, Measure.ACCEPTED_ON_TIME, 10, Measure.RESOLVED, 10,
                Measure.RESOLVED_OF_ACCEPTED, 10,
                Measure.OVERDUE_OPEN, 0, Measure.FINISHED_LATE, 10);
        AssessmentScore capped = AssessmentFormula.score(late, ScoreWeights.DEFAULTS);
        assertThat(capped.deductions()).containsEntry(ScoreKey.OVERDUE, 100.0);
        assertThat(capped.deducted()).isEqualTo(30.0);
        // response 1.0, resolution (0 + 1) / 2: (20 + 20) / 60 = 66.67, minus 30
        assertThat(capped.total()).hasValue(36.67);

        ScoreWeights harsh = ScoreWeights.DEFAULTS.with("deduct.cap", "50").with(ScoreKey.RESPONSE, 0);
        // resolution alone: 50; minus the cap of 50
        assertThat(AssessmentFormula.score(late, harsh).total()).hasValue(0.0);
        assertThat(AssessmentFormula.score(busy("A"), harsh).total()).as("40 × 0.9 + 40 × 0.92 over 80, minus 9")
                .hasValue(82.0);
    }

    @Test
    void aRateAboveOneHundredPercentCountsAsOneHundred() {
        // the engine's rates stay within 100 % (same tickets above and below the line); a sheet made
        // elsewhere with more resolved than accepted (办结率 140 %) still scores at most 100
        KpiSheet backlog = sheet("E", Measure.RECEIVED, 10, Measure.ACCEPTED, 10, Measure.ACCEPTED_ON_TIME, 10,
                Measure.RESOLVED, 14, Measure.RESOLVED_OF_ACCEPTED, 14, Measure.RESOLVED_ON_TIME, 14);
        AssessmentScore s = AssessmentFormula.score(backlog, ScoreWeights.DEFAULTS);
        assertThat(backlog.rate(Rate.RESOLVED)).hasValue(1.4);
        assertThat(s.resolution()).hasValue(1.0);
        assertThat(s.total()).hasValue(100.0);
    }

    @Test
    void aUnitWithNothingToRateIsUnscored() {
        AssessmentScore s = AssessmentFormula.score(sheet("D"), ScoreWeights.DEFAULTS);
        assertThat(s.scored()).isFalse();
        assertThat(s.deducted()).isZero();
    }

    @Test
    void badSettingsAreRefusedInWords() {
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("weight.speed", "10")).hasMessageContaining("没有这个考评参数")
                .hasMessageContaining("weight.response");
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("deduct.urge", "lots")).hasMessageContaining("不是数字");
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("deduct.urge", "-1")).hasMessageContaining("0 到 100");
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("deduct.repeat", "0.0004")).as("the table keeps 3 decimals")
                .hasMessageContaining("最多 3 位小数");
        assertThat(ScoreWeights.DEFAULTS.with("deduct.repeat", "0.2500").get(ScoreKey.REPEAT)).isEqualTo(0.25);
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("weight.response", "101")).hasMessageContaining("0 到 100");
        assertThatThrownBy(() -> ScoreWeights.DEFAULTS.with("weight.response", "0").with("weight.resolution", "0")
                .with("weight.satisfaction", "0")).hasMessageContaining("不能全为 0");
    }

    @Test
    void rankingOrdersByScoreSharesTiesAndComparesWithLastMonth() {
        Period nov = Period.parse("2026-11");
        List<KpiSheet> now = List.of(quiet("Z"), sheet("W"), busy("X"), quiet("Y"));
        List<KpiSheet> before = List.of(busy("Y"), quiet("X"), sheet("Z"));
        Ranking r = Ranking.of(nov, UnitDimension.CENTRE, now, before, ScoreWeights.DEFAULTS);
        assertThat(r.rows()).extracting(RankingRow::unitId).containsExactly("X", "Y", "Z", "W");
        assertThat(r.rows()).extracting(RankingRow::rank).containsExactly(1, 2, 2, 0);
        RankingRow x = r.row("X").orElseThrow();
        assertThat(x.previousRank()).isEqualTo(OptionalInt.of(2));
        assertThat(x.rankChange()).isEqualTo(OptionalInt.of(1));
        assertThat(x.scoreChange()).isEqualTo(OptionalDouble.of(4.47));
        RankingRow y = r.row("Y").orElseThrow();
        assertThat(y.rankChange()).isEqualTo(OptionalInt.of(-1));
        assertThat(y.scoreChange()).isEqualTo(OptionalDouble.of(-4.47));
        assertThat(r.row("Z").orElseThrow().rankChange()).as("unscored last month").isEmpty();
        assertThat(r.row("W").orElseThrow().rankChange()).isEmpty();
        assertThat(Ranking.of(nov, UnitDimension.CENTRE, List.of(now.get(3), now.get(2), now.get(1), now.get(0)), before,
                ScoreWeights.DEFAULTS)).as("the same whatever order the sheets come in").isEqualTo(r);
    }
}
