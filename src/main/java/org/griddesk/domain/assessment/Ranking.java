package org.griddesk.domain.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/// A period's ranking of the units of one dimension (town centres, departments) with the change from
/// the period before. Deterministic: by score, highest first, then by unit id; unscored units last.
///
/// @param period    the period ranked
/// @param dimension what was ranked
/// @param rows      best first
public record Ranking(Period period, UnitDimension dimension, List<RankingRow> rows) {
    public static final Comparator<AssessmentScore> ORDER = Comparator.comparingDouble(AssessmentScore::value).reversed()
            .thenComparing(s -> s.sheet().unitId());

    public Ranking {
        rows = List.copyOf(rows);
    }

    /// Ranks `current` and compares with `previous` (the sheets of [Period#previous()]), both scored with `weights`.
    public static Ranking of(Period period, UnitDimension dimension, List<KpiSheet> current, List<KpiSheet> previous,
                             ScoreWeights weights) {
        Map<String, int[]> previousRanks = new HashMap<>();
        Map<String, Double> previousScores = new HashMap<>();
        List<AssessmentScore> before = ranked(previous, weights);
        int[] ranksBefore = ranks(before);
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).scored()) {
                previousRanks.put(before.get(i).sheet().unitId(), new int[] {ranksBefore[i]});
                previousScores.put(before.get(i).sheet().unitId(), before.get(i).total().getAsDouble());
            }
        }
        List<AssessmentScore> now = ranked(current, weights);
        int[] ranksNow = ranks(now);
        List<RankingRow> rows = new ArrayList<>();
        for (int i = 0; i < now.size(); i++) {
            String id = now.get(i).sheet().unitId();
            rows.add(new RankingRow(ranksNow[i], now.get(i),
                    previousRanks.containsKey(id) ? OptionalInt.of(previousRanks.get(id)[0]) : OptionalInt.empty(),
                    previousScores.containsKey(id) ? OptionalDouble.of(previousScores.get(id)) : OptionalDouble.empty()));
        }
        return new Ranking(period, dimension, rows);
    }

    private static List<AssessmentScore> ranked(List<KpiSheet> sheets, ScoreWeights weights) {
        return sheets.stream().map(s -> AssessmentFormula.score(s, weights)).sorted(ORDER).toList();
    }

    /// competition ranks over scores sorted best first: equal scores share a rank; unscored get 0
    private static int[] ranks(List<AssessmentScore> sorted) {
        int[] ranks = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (!sorted.get(i).scored()) {
                ranks[i] = 0;
            } else if (i > 0 && sorted.get(i - 1).scored() && sorted.get(i - 1).value() == sorted.get(i).value()) {
                ranks[i] = ranks[i - 1];
            } else {
                ranks[i] = i + 1;
            }
        }
        return ranks;
    }

    /// the row of a unit, if it is ranked here
    public java.util.Optional<RankingRow> row(String unitId) {
        return rows.stream().filter(r -> r.unitId().equals(unitId)).findFirst();
    }
}
