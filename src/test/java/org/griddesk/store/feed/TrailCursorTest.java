package org.griddesk.store.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailCursorTest {
    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aNumberSkippedOnTheWayUpIsAGapUntilItComesAndThenItIsTakenOnce() {
        TrailCursor cursor = new TrailCursor(0, Duration.ofSeconds(30));
        cursor.startAt(10);
        assertThat(cursor.take(10, T0)).as("seen at start").isFalse();
        assertThat(cursor.take(13, T0)).isTrue();
        assertThat(cursor.gaps()).containsExactly(11L, 12L);
        assertThat(cursor.gapRanges()).hasSize(1).first().satisfies(r -> assertThat(r).containsExactly(11, 12));
        assertThat(cursor.take(12, T0)).as("a late commit").isTrue();
        assertThat(cursor.take(12, T0)).as("never twice").isFalse();
        assertThat(cursor.take(13, T0)).isFalse();
        assertThat(cursor.gaps()).containsExactly(11L);
    }

    @Test
    void aGapCloseWhenEveryTransactionThatCouldHoldItHasEnded() {
        TrailCursor cursor = new TrailCursor(0, Duration.ofMinutes(10));
        cursor.take(3, T0);
        assertThat(cursor.needsHorizon()).isTrue();
        cursor.horizon(500); // transactions below 500 had begun when the gaps were noticed
        assertThat(cursor.expire(499, T0.plusSeconds(1))).as("transaction 499 may still hold one").isEmpty();
        assertThat(cursor.expire(500, T0.plusSeconds(1))).containsExactly(1L, 2L);
        assertThat(cursor.gaps()).isEmpty();
        assertThat(cursor.take(2, T0)).as("a number given up is not taken later").isFalse();
    }

    @Test
    void withoutAHorizonAGapIsWaitedForUpToTheLimit() {
        TrailCursor cursor = new TrailCursor(0, Duration.ofSeconds(30));
        cursor.take(2, T0);
        assertThat(cursor.expire(Long.MAX_VALUE, T0.plusSeconds(29))).as("no horizon known: the clock decides").isEmpty();
        assertThat(cursor.expire(Long.MIN_VALUE, T0.plusSeconds(30))).containsExactly(1L);
    }

    @Test
    void atStartTheNumbersMissingBelowTheNewestAreGaps() {
        TrailCursor cursor = new TrailCursor(0, Duration.ofSeconds(30));
        cursor.startAt(8);
        cursor.missingBelow(4, List.of(5L, 7L, 8L), T0);
        assertThat(cursor.gaps()).containsExactly(6L);
        assertThat(cursor.take(6, T0)).isTrue();
        assertThat(cursor.take(5, T0)).isFalse();
    }
}
