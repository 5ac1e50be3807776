package org.griddesk.supervise.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/// The ranking's 名次变化 column: an unchanged rank reads 0, not "—", which means "no month to compare
/// with" (an unscored unit, or one unscored last month); the score change beside it is a number then.
class RankChangeTextTest {
    @Test
    void anUnchangedRankIsZeroAndOnlyAMissingComparisonIsADash() {
        assertThat(RankingView.change(OptionalInt.of(0))).isEqualTo("0");
        assertThat(RankingView.change(OptionalInt.of(3))).isEqualTo("↑3");
        assertThat(RankingView.change(OptionalInt.of(-2))).isEqualTo("↓2");
        assertThat(RankingView.change(OptionalInt.empty())).isEqualTo("—");
    }
}
