package org.griddesk.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.griddesk.testsupport.SmallVisitDistrict;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Plans, overdue lists, coverage and major events on a small district written by hand
/// ([SmallVisitDistrict]), on both stores. The clock stands at Wednesday 18 November 2026, noon in Tianjin.
class VisitPlansTest {
    private static final Instant NOW = SmallVisitDistrict.NOW;
    private static final Unit DISTRICT = new Unit("JN", "区中心", UnitLevel.DISTRICT, UnitKind.CENTRE, null);
    private static final Actor SUPERVISOR = new Actor("sup", "值班长", Role.SUPERVISOR, DISTRICT);
    private static final Actor DISPATCHER = new Actor("dsp", "调度员", Role.DISPATCHER, DISTRICT);

    @TempDir
    Path temp;

    private static List<String> households(List<VisitDue> dues) {
        return dues.stream().map(VisitDue::householdId).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void overdueVisitsAreListedForAGridLeaderATownCentreAndTheDistrict(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SmallVisitDistrict.write(db.dsl());
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), Clock.fixed(NOW, java.time.ZoneOffset.UTC));

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
            SmallVisitDistrict.write(db.dsl());
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
            // as the administrator's tab or `griddesk visits frequencies --set` write it (both audited: VisitFrequencyAdministrationTest)
            new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).put("visits.frequency.POOR", "WEEKLY");
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
            SmallVisitDistrict.write(db.dsl());
            HandClock clock = new HandClock(NOW, Duration.ZERO);
            VisitRepository repository = new VisitRepository(db.dsl());
            VisitPlans plans = new VisitPlans(repository, clock);

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
    void aCentreReadsItsOwnAreasOverdueVisitsAndOnlyThoseWhoMayReadSpecialGroupsReadThem(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SmallVisitDistrict.write(db.dsl());
            HandClock clock = new HandClock(NOW, Duration.ZERO);
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), clock);
            Unit townA1 = new Unit("A1", "甲镇网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, "JN");

            OverdueVisits town = plans.overdueFor(new Actor("sup-a1", "甲镇值班长", Role.SUPERVISOR, townA1));
            assertThat(town.scope()).isEqualTo(VisitScope.area("A1"));
            assertThat(households(town.visits())).as("the town's own, the longest overdue first")
                    .containsExactly("G3-H002", "G2-H001", "G1-H002");
            assertThat(town.maskedNames()).containsEntry("G3-H002", "王*2").doesNotContainValue("王户主2");
            assertThat(town.byCommunity()).extracting(OverdueVisits.CommunityOverdue::communityCode, OverdueVisits.CommunityOverdue::overdue)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("C2", 1L), org.assertj.core.groups.Tuple.tuple("C1", 2L));
            assertThat(town.name("C1")).isEqualTo("甲一社区");

            OverdueVisits district = plans.overdueFor(new Actor("mgr", "区管理人员", Role.DISTRICT_MANAGER, DISTRICT));
            assertThat(district.scope()).isEqualTo(VisitScope.DISTRICT);
            assertThat(households(district.visits())).containsExactly("G3-H002", "G2-H001", "G4-H001", "G1-H002");

            Unit team = new Unit("A1-CG", "甲镇城管队", UnitLevel.STREET, UnitKind.TEAM, "A1");
            assertThat(plans.overdueFor(new Actor("sup-t", "队长", Role.SUPERVISOR, team)).scope()).as("a team: its centre's town")
                    .isEqualTo(VisitScope.area("A1"));
            assertThatThrownBy(() -> plans.overdueFor(new Actor("dsp", "调度员", Role.DISPATCHER, townA1)))
                    .isInstanceOf(VisitRefused.class).hasMessageContaining("may not read the overdue visits");
            assertThatThrownBy(() -> plans.overdueFor(new Actor("adm", "系统管理员", Role.SYSTEM_ADMIN, DISTRICT)))
                    .isInstanceOf(VisitRefused.class);
            Unit city = new Unit("TJ-X", "市某局", UnitLevel.CITY, UnitKind.TEAM, null);
            assertThatThrownBy(() -> plans.overdueFor(new Actor("x", "市里", Role.SUPERVISOR, city)))
                    .isInstanceOf(VisitRefused.class).hasMessageContaining("no district or town centre");

            // a town centre declares for its own town only; the district centre for any
            Actor townSupervisor = new Actor("sup-a1", "甲镇值班长", Role.SUPERVISOR, townA1);
            assertThatThrownBy(() -> plans.declare(townSupervisor, "G4", "燃气泄漏")).isInstanceOf(VisitRefused.class)
                    .hasMessageContaining("not in your town (A1)");
            assertThat(plans.declare(SUPERVISOR, "G4", "暴雨积水").regionCode()).isEqualTo("G4");

            // a major event's visits are watched from the declaration, overdue or not
            MajorEvent gas = plans.declare(townSupervisor, "C2", "燃气泄漏");
            OverdueVisits after = plans.overdueFor(new Actor("sup-a1", "甲镇值班长", Role.SUPERVISOR, townA1));
            assertThat(after.visits()).filteredOn(d -> d.eventId() == gas.id()).extracting(VisitDue::householdId)
                    .containsExactlyInAnyOrder("G3-H001", "G3-H002");
            assertThat(after.overdue()).extracting(VisitDue::householdId).containsExactly("G3-H002", "G2-H001", "G1-H002");
            assertThat(after.events()).containsKey(gas.id());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyGridsCoverageForAMonthIsWhatItsWorkersPlanCounts(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            SmallVisitDistrict.write(db.dsl());
            // weekly visits either side of November's edges, and a second visit in one week
            for (String day : List.of("2026-10-27", "2026-11-03", "2026-11-04", "2026-11-30", "2026-12-02")) {
                SmallVisitDistrict.visit(db.dsl(), "G1-H001", LocalDate.parse(day));
            }
            SmallVisitDistrict.visit(db.dsl(), "G3-H001", LocalDate.parse("2026-10-09"));
            VisitPlans plans = new VisitPlans(new VisitRepository(db.dsl()), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
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
