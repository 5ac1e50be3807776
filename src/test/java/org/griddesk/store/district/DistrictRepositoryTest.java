package org.griddesk.store.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.demo.DistrictAhead;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.Team;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DistrictRepositoryTest {
    private static final DemoDistrictData DATA = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDemoDistrictIsStoredWholeAndReadBackExactly(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            List<String> steps = new ArrayList<>();
            // made ahead, as a first start does while its store opens
            assertThat(DemoDistrictLoader.loadIfEmpty(db, DistrictAhead.start(DemoDistrictGenerator.DEFAULT_SEED), 0,
                    Instant.now(), steps::add)).isTrue();
            assertThat(steps).containsExactly("geography", "saving", "done");

            DistrictRepository repo = new DistrictRepository(db.dsl());
            assertThat(repo.count(RegionLevel.AREA)).isEqualTo(12);
            assertThat(repo.count(RegionLevel.GRID)).isEqualTo(1574);
            assertThat(repo.itemCount()).isEqualTo(238);
            assertThat(repo.cameraCount()).isEqualTo(7081 + 80 + 366 + 945);
            assertThat(repo.residents()).isEqualTo(690_000);
            assertThat(repo.visitHouseholdCount()).isEqualTo(DATA.visitHouseholds().size());
            YearMonth lastMonth = YearMonth.now(WorkCalendar.ZONE).minusMonths(1);
            double coverage = DATA.map().grids().stream().limit(40)
                    .mapToDouble(g -> repo.visitCoverage(g.code(), lastMonth)).average().orElse(0);
            assertThat(coverage).as("about 90 % of last month's plan was visited").isBetween(0.75, 0.98);
            assertThat(repo.visitCoverage("NO-SUCH-GRID", lastMonth)).isEqualTo(1.0);
            String someGrid = DATA.visitHouseholds().get(10).gridCode();
            assertThat(repo.visitHouseholds(someGrid)).isEqualTo(DATA.visitHouseholds().stream()
                    .filter(h -> h.gridCode().equals(someGrid)).toList());

            Map<String, Region> stored = repo.regions(RegionLevel.GRID).stream()
                    .collect(Collectors.toMap(Region::code, r -> r));
            for (Region generated : DATA.map().grids()) {
                assertThat(stored.get(generated.code()).shape().equalsExact(generated.shape())).as(generated.code()).isTrue();
            }
            assertThat(repo.organisation().units()).hasSameSizeAs(DATA.organisation().units());
            var catalogue = repo.taxonomy(); // the catalogue reads back whole (in code order)
            assertThat(catalogue.categories()).containsExactlyInAnyOrderElementsOf(DATA.taxonomy().categories());
            assertThat(catalogue.subcategories()).containsExactlyInAnyOrderElementsOf(DATA.taxonomy().subcategories());
            assertThat(catalogue.items()).containsExactlyInAnyOrderElementsOf(DATA.taxonomy().items());
            assertThat(catalogue.teamTypes()).containsExactlyInAnyOrderElementsOf(DATA.taxonomy().teamTypes());
            var map = repo.districtMap().orElseThrow();
            assertThat(map.name()).isEqualTo(DATA.map().name());
            assertThat(map.outline().equalsExact(DATA.map().outline(), 1e-6)).as("the outline, to a few centimetres").isTrue();
            assertThat(map.grids()).hasSize(1574);
            assertThat(map.communities()).hasSameSizeAs(DATA.map().communities());
            var summaries = repo.gridSummaries(lastMonth);
            assertThat(summaries).hasSize(1574);
            assertThat(summaries.values().stream().mapToInt(GridSummary::residents).sum()).isEqualTo(690_000);
            assertThat(summaries.values().stream().mapToInt(GridSummary::cameras).sum()).isEqualTo(7081 + 80 + 366 + 945);
            // each household is due at least once in a month (weekly ones once per week)
            assertThat(summaries.values().stream().mapToInt(g -> g.visits().due()).sum()).isGreaterThan(DATA.visitHouseholds().size());
            GridSummary first = summaries.get("XSG-001-01");
            assertThat(first.workerName()).isEqualTo(repo.gridWorker("XSG-001-01").orElseThrow().name());
            assertThat(first.visits()).isEqualTo(new org.griddesk.store.visit.VisitRepository(db.dsl())
                    .coverage(lastMonth, org.griddesk.domain.visit.VisitSchedule.DEFAULT).get("XSG-001-01"));
            assertThat(repo.gridWorker("XSG-001-01")).get().satisfies(w -> assertThat(w.maskedPhone()).matches("1\\d\\d\\*{4}\\d{4}"));

            assertThat(DemoDistrictLoader.loadIfEmpty(db, 1, 0, Instant.now(), steps::add))
                    .as("a second district is refused").isFalse();
            // the first start was interrupted before its history: the next one completes it, with the first seed
            assertThat(DemoDistrictLoader.loadIfEmpty(db, 1, 3, Instant.now(), steps::add)).isTrue();
            long tickets = new TicketRepository(db.dsl()).count();
            assertThat(tickets).isPositive();
            assertThat(DemoDistrictLoader.loadIfEmpty(db, 1, 3, Instant.now(), steps::add)).isFalse();
            assertThat(new TicketRepository(db.dsl()).count()).isEqualTo(tickets);
            Map<String, String> types = DATA.teams().stream().collect(Collectors.toMap(t -> t.unit().id(), Team::teamTypeCode));
            assertThatThrownBy(() -> repo.save(DATA.map(), DATA.organisation(), types, DATA.taxonomy(), DATA.gridWorkers(),
                    DATA.population(), DATA.cameras(), DATA.visitHouseholds())).isInstanceOf(IllegalStateException.class);
            assertThat(repo.count(RegionLevel.GRID)).isEqualTo(1574);
        }
    }
}
