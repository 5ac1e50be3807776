package org.griddesk.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.visit.MajorEvent;
import org.griddesk.domain.visit.RecordedVisit;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitFinding;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.domain.visit.VisitScope;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Plans, overdue lists, coverage and major events on a small district written by hand, on both stores.
///
/// Two towns: A1 with communities C1 (grids G1, G2) and C2 (grid G3); A2 with C3 (grid G4). The
/// clock stands at Wednesday 18 November 2026, noon in Tianjin.
class VisitPlansTest {
    private static final Instant NOW = Instant.parse("2026-11-18T04:00:00Z");
    private static final Unit DISTRICT = new Unit("JN", "区中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null);
    private static final Actor SUPERVISOR = new Actor("sup", "值班长", Role.SUPERVISOR, DISTRICT);
    private static final Actor DISPATCHER = new Actor("dsp", "调度员", Role.DISPATCHER, DISTRICT);

    @TempDir
    Path temp;

    private static void district(DSLContext dsl) {
        region(dsl, "A1", RegionLevelName.AREA, null);
        region(dsl, "A2", RegionLevelName.AREA, null);
        region(dsl, "C1", RegionLevelName.COMMUNITY, "A1");
        region(dsl, "C2", RegionLevelName.COMMUNITY, "A1");
        region(dsl, "C3", RegionLevelName.COMMUNITY, "A2");
        region(dsl, "G1", RegionLevelName.GRID, "C1");
        region(dsl, "G2", RegionLevelName.GRID, "C1");
        region(dsl, "G3", RegionLevelName.GRID, "C2");
        region(dsl, "G4", RegionLevelName.GRID, "C3");
        household(dsl, "G1-H001", Category.ELDER_ALONE, LocalDate.of(2026, 11, 12));
        household(dsl, "G1-H002", Category.ELDER_ALONE, LocalDate.of(2026, 11, 2));
        household(dsl, "G1-H003", Category.POOR, LocalDate.of(2026, 11, 5));
        household(dsl, "G1-H004", Category.POOR, LocalDate.of(2026, 10, 20));
        household(dsl, "G2-H001", Category.POOR, LocalDate.of(2026, 9, 30));
        household(dsl, "G3-H001", Category.VETERAN, LocalDate.of(2026, 8, 1));
        household(dsl, "G3-H002", Category.VETERAN, null);
        household(dsl, "G4-H001", Category.HARDSHIP, null);
    }

    private enum RegionLevelName { AREA, COMMUNITY, GRID }

    private static void region(DSLContext dsl, String code, RegionLevelName level, String parent) {
        dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME, code).set(REGION.REGION_LEVEL, level.name())
                .set(REGION.PARENT_CODE, parent).set(REGION.DENSITY_WEIGHT, 1.0)
                .set(REGION.GEOMETRY_WKT, "POLYGON ((117.3 38.9, 117.31 38.9, 117.31 38.91, 117.3 38.9))").execute();
    }

    private static void household(DSLContext dsl, String id, Category category, LocalDate visited) {
        String grid = id.substring(0, 2);
        dsl.insertInto(VISIT_HOUSEHOLD).set(VISIT_HOUSEHOLD.ID, id).set(VISIT_HOUSEHOLD.GRID_CODE, grid)
                .set(VISIT_HOUSEHOLD.CATEGORY, category.name()).set(VISIT_HOUSEHOLD.HEAD_NAME, "户主")
                .set(VISIT_HOUSEHOLD.PHONE, "13800000000").set(VISIT_HOUSEHOLD.ADDRESS, "某社区1号楼").execute();
        if (visited != null) {
            visit(dsl, id, visited);
        }
    }

    private static void visit(DSLContext dsl, String household, LocalDate day) {
        dsl.insertInto(HOUSEHOLD_VISIT).set(HOUSEHOLD_VISIT.HOUSEHOLD_ID, household).set(HOUSEHOLD_VISIT.WORKER_ID, "W-" + household.substring(0, 2))
                .set(HOUSEHOLD_VISIT.VISITED_ON, day).execute();
    }

    private static List<String> households(List<VisitDue> dues) {
        return dues.stream().map(VisitDue::householdId).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void overdueVisitsAreListedForAGridLeaderATownCentreAndTheDistrict(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            district(db.dsl());
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), new SystemPropertyRepository(db.dsl(), Clock.systemUTC()),
                    Clock.fixed(NOW, java.time.ZoneOffset.UTC));

            assertThat(households(plans.overdue(VisitScope.grid("G1")))).containsExactly("G1-H002");
            assertThat(households(plans.overdue(VisitScope.community("C1")))).containsExactlyInAnyOrder("G1-H002", "G2-H001");
            assertThat(households(plans.overdue(VisitScope.area("A1")))).containsExactlyInAnyOrder("G1-H002", "G2-H001", "G3-H002");
            List<VisitDue> district = plans.overdue(VisitScope.DISTRICT);
            assertThat(households(district)).as("the longest overdue first").containsExactly("G3-H002", "G2-H001", "G4-H001", "G1-H002");
            assertThat(district).allSatisfy(d -> assertThat(d.dueBy()).isBefore(NOW));
            assertThat(plans.overdueByCommunity(VisitScope.DISTRICT)).isEqualTo(Map.of("C1", 2L, "C2", 1L, "C3", 1L));

            // what the worker of G1 still has to do: H001 this week, H004 this month, H002 overdue; H003 is done
            assertThat(households(plans.owed(VisitScope.grid("G1")))).containsExactlyInAnyOrder("G1-H001", "G1-H002", "G1-H004");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theFrequenciesAreTheStoresToChangeAndTheListsFollowAtOnce(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            district(db.dsl());
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), new SystemPropertyRepository(db.dsl(), Clock.systemUTC()),
                    Clock.fixed(NOW, java.time.ZoneOffset.UTC));
            assertThatThrownBy(() -> plans.setFrequency(SUPERVISOR, Category.POOR, VisitFrequency.WEEKLY)).isInstanceOf(VisitRefused.class);
            Actor admin = new Actor("adm", "系统管理员", Role.SYSTEM_ADMIN, DISTRICT);
            plans.setFrequency(admin, Category.POOR, VisitFrequency.WEEKLY);
            assertThat(plans.schedule().of(Category.POOR)).isEqualTo(VisitFrequency.WEEKLY);
            // weekly now, G1-H003 (5 Nov) and G1-H004 (20 Oct) missed last week
            assertThat(households(plans.overdue(VisitScope.grid("G1")))).containsExactlyInAnyOrder("G1-H002", "G1-H003", "G1-H004");

            new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).put("visits.frequency.POOR", "daily");
            assertThatThrownBy(() -> plans.overdue(VisitScope.grid("G1"))).isInstanceOf(VisitRefused.class)
                    .hasMessageContaining("visits.frequency.POOR");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aMajorEventCallsOnEveryHouseholdOfItsAreaUntilEachIsVisited(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            district(db.dsl());
            HandClock clock = new HandClock(NOW, Duration.ZERO);
            VisitRepository repository = new VisitRepository(db.dsl());
            VisitPlans plans = new VisitPlans(repository, new SystemPropertyRepository(db.dsl(), clock), clock);

            assertThatThrownBy(() -> plans.declare(DISPATCHER, "G1", "燃气泄漏")).isInstanceOf(VisitRefused.class)
                    .hasMessageContaining("may not declare");
            assertThatThrownBy(() -> plans.declare(SUPERVISOR, "A1", "燃气泄漏")).as("a town is not an area for an event")
                    .isInstanceOf(VisitRefused.class);
            assertThatThrownBy(() -> plans.declare(SUPERVISOR, "G9", "燃气泄漏")).isInstanceOf(VisitRefused.class);
            assertThatThrownBy(() -> plans.declare(SUPERVISOR, "G1", " ")).isInstanceOf(VisitRefused.class);
            assertThat(repository.eventsSince(NOW.minusSeconds(1))).as("nothing recorded by a refusal").isEmpty();

            MajorEvent gas = plans.declare(SUPERVISOR, "G1", "燃气泄漏");
            assertThat(gas.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
            List<VisitDue> called = plans.owed(VisitScope.grid("G1")).stream().filter(d -> d.reason() == VisitDue.Reason.MAJOR_EVENT).toList();
            assertThat(households(called)).containsExactlyInAnyOrder("G1-H001", "G1-H002", "G1-H003", "G1-H004");
            assertThat(called).noneMatch(VisitDue::overdue);

            clock.advance(Duration.ofHours(2));
            repository.record(new RecordedVisit("G1-H003", "W-G1", clock.instant(), 117.305, 38.905, Set.of(VisitFinding.NORMAL),
                    "燃气已关闭", List.of()));
            clock.advance(Duration.ofHours(23));
            List<VisitDue> late = plans.overdue(VisitScope.community("C1")).stream()
                    .filter(d -> d.reason() == VisitDue.Reason.MAJOR_EVENT).toList();
            assertThat(households(late)).containsExactlyInAnyOrder("G1-H001", "G1-H002", "G1-H004");
            assertThat(late).allSatisfy(d -> assertThat(d.eventId()).isEqualTo(gas.id()));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyGridsCoverageForAMonthIsWhatItsWorkersPlanCounts(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            district(db.dsl());
            // weekly visits either side of November's edges, and a second visit in one week
            for (String day : List.of("2026-10-27", "2026-11-03", "2026-11-04", "2026-11-30", "2026-12-02")) {
                visit(db.dsl(), "G1-H001", LocalDate.parse(day));
            }
            visit(db.dsl(), "G3-H001", LocalDate.parse("2026-10-09"));
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), new SystemPropertyRepository(db.dsl(), Clock.systemUTC()),
                    Clock.fixed(NOW, java.time.ZoneOffset.UTC));
            YearMonth november = YearMonth.of(2026, 11);
            Map<String, VisitCoverage> coverage = plans.coverage(november);

            assertThat(coverage).containsOnlyKeys("G1", "G2", "G3", "G4");
            for (String grid : coverage.keySet()) {
                assertThat(coverage.get(grid)).as(grid).isEqualTo(plans.plan(grid, november).coverage());
            }
            // G1: two weekly households (6 weeks each) and two monthly ones; H001 has 4 weeks (26 Oct, 2 Nov,
            // 9 Nov, 30 Nov), H002 one (2 Nov), H003 November
            assertThat(coverage.get("G1")).isEqualTo(new VisitCoverage(14, 6));
            assertThat(coverage.get("G3")).as("a quarterly household visited in October counts for November").isEqualTo(new VisitCoverage(2, 1));
            assertThat(coverage.get("G4").share()).isZero();
        }
    }
}
