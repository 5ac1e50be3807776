package org.griddesk.store.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.patrol.PatrolLimits;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Patrol batches on both stores: stored once per worker and key, a resend doubles nothing, a key
/// used again for other points stores nothing; a day's backlog sent at once is kept whole and in
/// order; the purge keeps the retention period; the town's list names the workers with neither a
/// patrol nor a visit on a working day.
class PatrolStoreTest {
    /// Friday 4 December 2026, 10:00 in Beijing
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    /// west of 117.30 is grid G1, east of it G2, both between 38.90 and 39.00 N; elsewhere no grid
    private static final BiFunction<Double, Double, Optional<String>> GRIDS = (lon, lat) ->
            lat < 38.90 || lat > 39.00 || lon < 117.20 || lon > 117.40 ? Optional.empty() : Optional.of(lon < 117.30 ? "G1" : "G2");

    @TempDir
    Path temp;

    private static PatrolIngest ingest(Database db, Instant now) {
        return new PatrolIngest(db.dsl(), Clock.fixed(now, ZoneOffset.UTC), new BatchCheck(PatrolLimits.DEFAULT, GRIDS));
    }

    /// `n` points 5 s apart from `start`, walking east along 38.95 N in G1 from 117.25.
    private static List<PatrolPoint> walk(Instant start, int n) {
        List<PatrolPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new PatrolPoint(start.plusSeconds(5L * i), 117.25 + (i % 900) * 0.00005, 38.95, 8)); // back and forth in G1
        }
        return points;
    }

    private static int batches(Database db) {
        return db.dsl().fetchCount(db.dsl().selectFrom("patrol_batch"));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aResentBatchDoublesNothingAndAReusedKeyStoresNothing(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            PatrolIngest ingest = ingest(db, NOW);
            List<PatrolPoint> points = walk(NOW.minusSeconds(30), 6);

            var first = (PatrolIngest.Stored) ingest.take("acct-1", "batch-1", points);
            var again = (PatrolIngest.Stored) ingest.take("acct-1", "batch-1", points);
            var otherPoints = ingest.take("acct-1", "batch-1", walk(NOW.minusSeconds(60), 6));
            var otherWorker = (PatrolIngest.Stored) ingest.take("acct-2", "batch-1", points);

            assertThat(first.alreadyReceived()).isFalse();
            assertThat(first.points()).isEqualTo(6);
            assertThat(first.grid()).isEqualTo("G1");
            assertThat(again.alreadyReceived()).isTrue();
            assertThat(again.batch()).isEqualTo(first.batch());
            assertThat(otherPoints).isInstanceOf(PatrolIngest.KeyReused.class);
            assertThat(otherWorker.batch()).as("keys are per worker").isNotEqualTo(first.batch());
            assertThat(batches(db)).isEqualTo(2);
            List<PatrolTrack> tracks = new DayPatrols(new PatrolRepository(db.dsl())).tracks(TODAY, List.of("G1"));
            assertThat(tracks).hasSize(2);
            assertThat(tracks.getFirst().points()).extracting(PatrolPoint::at).containsExactlyElementsOf(
                    points.stream().map(PatrolPoint::at).toList());
            assertThat(tracks.getFirst().points().get(3).lon()).isCloseTo(117.25015, org.assertj.core.data.Offset.offset(1e-7));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pointsOutsideTheDistrictOrInTheFutureAreSetAsideAndTheRestKept(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            List<PatrolPoint> points = new ArrayList<>(walk(NOW.minusSeconds(20), 3));
            points.add(new PatrolPoint(NOW.minusSeconds(5), 116.40, 39.90, 5)); // Beijing, not the district
            points.add(new PatrolPoint(NOW.plusSeconds(3600), 117.26, 38.95, 5)); // an hour ahead
            points.add(new PatrolPoint(NOW.minusSeconds(4 * 86_400), 117.26, 38.95, 5)); // four days old

            var stored = (PatrolIngest.Stored) ingest(db, NOW).take("acct-1", "k", points);
            var allBad = ingest(db, NOW).take("acct-1", "k2", List.of(new PatrolPoint(NOW.minusSeconds(5), 116.40, 39.90, 5)));

            assertThat(stored.points()).isEqualTo(3);
            assertThat(stored.setAside()).extracting(BatchCheck.SetAside::index, BatchCheck.SetAside::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "outside_district"),
                            org.assertj.core.groups.Tuple.tuple(4, "in_future"), org.assertj.core.groups.Tuple.tuple(5, "too_old"));
            assertThat(allBad).isInstanceOf(PatrolIngest.NothingKept.class);
            assertThat(batches(db)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDaysBacklogSentAtOnceIsKeptWholeAndInOrder(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            // offline since yesterday 08:00 Beijing: 9 hours of points every 5 s, sent the next morning
            Instant start = LocalDate.of(2026, 12, 3).atTime(8, 0).toInstant(ZoneOffset.ofHours(8));
            List<PatrolPoint> day = walk(start, 9 * 720);
            PatrolIngest ingest = ingest(db, NOW);
            assertThat(ingest.take("acct-1", "too-big", day.subList(0, 121))).isInstanceOf(PatrolIngest.Refused.class);
            // sent newest first: the order of arrival does not matter to the track
            for (int from = day.size() - 120; from >= 0; from -= 120) {
                assertThat(ingest.take("acct-1", "b" + from, day.subList(from, from + 120))).isInstanceOf(PatrolIngest.Stored.class);
            }

            List<PatrolTrack> tracks = new DayPatrols(new PatrolRepository(db.dsl())).tracks(LocalDate.of(2026, 12, 3), null);
            assertThat(tracks).singleElement().satisfies(t -> {
                assertThat(t.points()).hasSize(day.size());
                assertThat(t.points()).extracting(PatrolPoint::at).isSorted().containsExactlyElementsOf(
                        day.stream().map(PatrolPoint::at).toList());
            });
            assertThat(new PatrolRepository(db.dsl()).totals()).containsExactly(54, day.size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void thePurgeKeepsTheRetentionPeriod(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            ingest(db, NOW).take("acct-1", "today", walk(NOW.minusSeconds(60), 4));
            // a batch taken 91 and one taken 89 days ago (each checked against its own day's clock)
            ingest(db, NOW.minusSeconds(91 * 86_400L)).take("acct-1", "old", walk(NOW.minusSeconds(91 * 86_400L + 60), 4));
            ingest(db, NOW.minusSeconds(89 * 86_400L)).take("acct-1", "kept", walk(NOW.minusSeconds(89 * 86_400L + 60), 4));

            PatrolRetention retention = new PatrolRetention(db.dsl(), Clock.fixed(NOW, ZoneOffset.UTC), PatrolLimits.DEFAULT);
            assertThat(retention.purge()).isEqualTo(1);
            assertThat(retention.purge()).isZero();
            assertThat(db.dsl().fetch("SELECT batch_key FROM patrol_batch ORDER BY batch_key").getValues(0, String.class))
                    .containsExactly("kept", "today");
            assertThat(new PatrolRetention(db.dsl(), Clock.fixed(NOW, ZoneOffset.UTC), PatrolLimits.DEFAULT.withRetentionDays(30))
                    .purge()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWorkerWithNeitherPatrolNorVisitOnAWorkingDayIsOnTheTownsList(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            var dsl = db.dsl();
            String square = "POLYGON((117.2 38.9, 117.4 38.9, 117.4 39.0, 117.2 39.0, 117.2 38.9))";
            dsl.execute("INSERT INTO region (code, name, region_level, parent_code, density_weight, geometry_wkt) VALUES "
                    + "('T1', '甲镇', 'AREA', NULL, 1, ?), ('C1', '甲社区', 'COMMUNITY', 'T1', 1, ?), "
                    + "('G1', '甲社区第1网格', 'GRID', 'C1', 1, ?), ('G2', '甲社区第2网格', 'GRID', 'C1', 1, ?), "
                    + "('G3', '甲社区第3网格', 'GRID', 'C1', 1, ?), ('T2', '乙镇', 'AREA', NULL, 1, ?), "
                    + "('C2', '乙社区', 'COMMUNITY', 'T2', 1, ?), ('G9', '乙社区第1网格', 'GRID', 'C2', 1, ?)",
                    square, square, square, square, square, square, square, square);
            dsl.execute("INSERT INTO grid_worker (id, name, phone, grid_code, community_code, is_leader) VALUES "
                    + "('W1', '张一', '13800000001', 'G1', 'C1', FALSE), ('W2', '张二', '13800000002', 'G2', 'C1', FALSE), "
                    + "('W3', '张三', '13800000003', 'G3', 'C1', FALSE), ('L1', '李长', '13800000009', NULL, 'C1', TRUE), "
                    + "('W9', '王九', '13800000099', 'G9', 'C2', FALSE)");
            ingest(db, NOW).take("acct-1", "k", walk(NOW.minusSeconds(60), 4)); // in G1
            dsl.execute("INSERT INTO household_visit (household_id, worker_id, visited_on, note) VALUES ('H1', 'W2', ?, NULL)", TODAY);
            AbsentWorkers list = new AbsentWorkers(dsl, new CalendarRepository(dsl, Clock.systemUTC()).workCalendar());

            assertThat(list.of("T1", TODAY)).singleElement().satisfies(a -> {
                assertThat(a.workerId()).isEqualTo("W3");
                assertThat(a.gridName()).isEqualTo("甲社区第3网格");
                assertThat(a.maskedPhone()).isEqualTo("138****0003");
            });
            assertThat(list.of("T1", TODAY.plusDays(1))).as("Saturday: a day off").isEmpty();
            assertThat(list.of("T1", TODAY.minusDays(3))).extracting(AbsentWorkers.Absent::workerId)
                    .as("Tuesday: nobody out").containsExactly("W1", "W2", "W3");
        }
    }
}
