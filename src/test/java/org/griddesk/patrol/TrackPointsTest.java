package org.griddesk.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/// A track's points as columns: what goes in comes out as points, in time order even when a late
/// batch overlaps an earlier one, points of one time in the order they came.
class TrackPointsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    @Test
    void pointsComeOutAsTheyWentIn() {
        List<PatrolPoint> walked = List.of(new PatrolPoint(T0, 117.25, 38.95, 5), new PatrolPoint(T0.plusSeconds(5), 117.2501, 38.9502, 8));

        TrackPoints track = TrackPoints.of(walked);

        assertThat(track.asList()).containsExactlyElementsOf(walked);
        assertThat(track.size()).isEqualTo(2);
        assertThat(track.epochSecond(1)).isEqualTo(T0.getEpochSecond() + 5);
    }

    @Test
    void aLateBatchOverlappingAnEarlierOneIsSortedIntoIt() {
        TrackPoints.Builder b = new TrackPoints.Builder(2);
        long t = T0.getEpochSecond();
        b.add(t, 1, 1, 5);       // first batch: 0 s, 10 s, 20 s
        b.add(t + 10, 2, 2, 5);
        b.add(t + 20, 3, 3, 5);
        b.add(t + 5, 4, 4, 5);   // a late batch: 5 s, 10 s, 25 s
        b.add(t + 10, 5, 5, 5);
        b.add(t + 25, 6, 6, 5);

        TrackPoints track = b.build();

        assertThat(track.asList()).extracting(PatrolPoint::lon).containsExactly(1.0, 4.0, 2.0, 5.0, 3.0, 6.0);
        assertThat(track.asList()).extracting(PatrolPoint::at).isSorted();
    }
}
