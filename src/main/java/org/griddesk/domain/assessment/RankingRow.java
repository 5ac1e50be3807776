package org.griddesk.domain.assessment;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/// One unit's line in a monthly ranking: its rank and score now, and last period's, with the sheet
/// the score was computed from (a screen drills from it to the tickets).
///
/// @param rank          1 for the best; units with equal scores share a rank (1, 2, 2, 4); 0 when unscored
/// @param score         this period's score and its parts
/// @param previousRank  last period's rank (empty when the unit was unscored or absent then)
/// @param previousScore last period's score
public record RankingRow(int rank, AssessmentScore score, OptionalInt previousRank, OptionalDouble previousScore) {
    public KpiSheet sheet() {
        return score.sheet();
    }

    public String unitId() {
        return score.sheet().unitId();
    }

    public String unitName() {
        return score.sheet().unitName();
    }

    /// places gained since last period (positive: moved up); empty when either rank is missing
    public OptionalInt rankChange() {
        return rank == 0 || previousRank.isEmpty() ? OptionalInt.empty() : OptionalInt.of(previousRank.getAsInt() - rank);
    }

    /// score now minus score then, two decimals; empty when either is missing
    public OptionalDouble scoreChange() {
        return score.total().isEmpty() || previousScore.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(AssessmentFormula.round(score.total().getAsDouble() - previousScore.getAsDouble()));
    }
}
