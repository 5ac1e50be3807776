package org.griddesk.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;

/// Coverage by cells, and the codec that stores the points.
class PatrolCoverageTest {
    private static final Instant T0 = Instant.parse("2026-12-04T01:00:00Z");

    /// a grid 10 cells wide and 10 cells high, aligned with the cells
    private static Region square() throws Exception {
        double x0 = 100_000 * PatrolCoverage.CELL_LON;
        double y0 = 43_000 * PatrolCoverage.CELL_LAT;
        double x1 = x0 + 10 * PatrolCoverage.CELL_LON;
        double y1 = y0 + 10 * PatrolCoverage.CELL_LAT;
        String wkt = "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))".formatted(x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
        return new Region("G1", "第1网格", RegionLevel.GRID, "C1", new WKTReader().read(wkt), 1);
    }

    private static PatrolPoint at(int second, double lon, double lat) {
        return new PatrolPoint(T0.plusSeconds(second), lon, lat, 5);
    }

    @Test
    void aWalkAcrossTheGridCoversTheRowOfCellsItCrossesAndAGapIsNotJoined() throws Exception {
        Region grid = square();
        PatrolCoverage coverage = new PatrolCoverage(List.of(grid));
        double y = (43_000 + 4.5) * PatrolCoverage.CELL_LAT;
        double west = (100_000 + 0.2) * PatrolCoverage.CELL_LON;
        double east = (100_000 + 9.8) * PatrolCoverage.CELL_LON;

        double walked = coverage.of("G1", List.of(new PatrolTrack("a", "G1", List.of(at(0, west, y), at(240, east, y)))));
        double apart = coverage.of("G1", List.of(new PatrolTrack("a", "G1", List.of(at(0, west, y), at(3600, east, y)))));

        assertThat(coverage.cellCount("G1")).isEqualTo(100);
        assertThat(walked).isCloseTo(0.10, within(1e-9));
        assertThat(apart).as("an hour apart: two fixes, not a line").isCloseTo(0.02, within(1e-9));
        assertThat(coverage.ofAll(List.of())).isEmpty();
        assertThat(coverage.of("NOPE", List.of())).isZero();
    }

    @Test
    void theCodecGivesBackThePointsToTheMicrodegreeInAFewBytesEach() {
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // positions already to the microdegree, as the codec keeps them
            points.add(new PatrolPoint(T0.plusSeconds(5L * i), Math.round((117.351234 + i * 0.000031) * 1e6) / 1e6,
                    Math.round((38.951234 - i * 0.000017) * 1e6) / 1e6, 5 + i % 7));
        }
        byte[] bytes = TrackCodec.encode(T0, points);

        assertThat(TrackCodec.decode(T0, bytes)).isEqualTo(points);
        assertThat(bytes.length).isLessThan(points.size() * 8);
        assertThat(TrackCodec.digest(points)).isNotEqualTo(TrackCodec.digest(points.subList(1, 120))).hasSize(64);
    }
}
