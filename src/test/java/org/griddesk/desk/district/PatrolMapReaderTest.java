package org.griddesk.desk.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.map.MapModel;
import org.griddesk.map.PatrolLayer;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.patrol.PatrolLimits;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.store.patrol.PatrolRepository;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The live map's refreshes for tickets keep the patrol layer read last (with the lines it has
/// simplified) until it is half a minute old; then the tracks stored since show.
class PatrolMapReaderTest {
    /// Friday 4 December 2026, 10:00 in Beijing
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    @TempDir
    Path temp;

    @Test
    void refreshesWithinHalfAMinuteKeepTheLayerAndLaterOnesReadTheNewBatches() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            HandClock clock = new HandClock(NOW, Duration.ZERO);
            PatrolIngest ingest = new PatrolIngest(db.dsl(), clock,
                    new BatchCheck(PatrolLimits.DEFAULT, (lon, lat) -> Optional.of("G1")));
            PatrolMapReader reader = new PatrolMapReader(new DayPatrols(new PatrolRepository(db.dsl())), clock);
            MapModel model = MapModel.of(new DemoDistrict(20211).generate(), Map.of());
            ingest.take("acct-1", "b1", walk(NOW.minusSeconds(60), 6));

            PatrolLayer first = reader.apply(model).patrols();
            ingest.take("acct-1", "b2", walk(NOW.minusSeconds(30), 6));
            clock.advance(Duration.ofSeconds(10));
            PatrolLayer forATicket = reader.apply(model).patrols();
            clock.advance(PatrolMapReader.READ_EVERY);
            PatrolLayer halfAMinuteOn = reader.apply(model).patrols();

            assertThat(first.points()).isEqualTo(6);
            assertThat(forATicket).isSameAs(first);
            assertThat(halfAMinuteOn.points()).isEqualTo(12);
            assertThat(halfAMinuteOn.day()).isEqualTo("2026-12-04");
        }
    }

    /// `n` points 5 s apart from `start`, walking east along 38.95 N.
    private static List<PatrolPoint> walk(Instant start, int n) {
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new PatrolPoint(start.plusSeconds(5L * i), 117.35 + i * 0.00005, 38.95, 8));
        }
        return points;
    }
}
