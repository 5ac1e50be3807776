package org.griddesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridPopulation;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.geo.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class DemoDistrictGeneratorTest {
    private static DemoDistrictData data;

    @BeforeAll
    static void generate() {
        data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
    }

    @Test
    void centresAndTeamsFollowTheThreeLevels() {
        var units = data.organisation().units();
        assertThat(units.stream().filter(u -> u.level() == UnitLevel.STREET && u.kind() == UnitKind.CENTRE)).hasSize(12);
        assertThat(units.stream().filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE)).hasSize(1);
        for (Unit u : units) {
            if (u.level() != UnitLevel.CITY) {
                assertThat(data.organisation().unit(u.parentId())).as(u.id()).get().extracting(Unit::kind).isEqualTo(UnitKind.CENTRE);
            }
        }
        assertThat(units).extracting(Unit::name).contains("咸水沽镇城管中队", "葛沽镇派出所", "津南区城市管理委员会", "津南区水务局");
    }

    @Test
    void everyItemHasATeamInEveryTownAndADepartmentInTheDistrict() {
        Set<String> teamIds = data.teams().stream().map(t -> t.unit().id()).collect(Collectors.toSet());
        for (Item item : data.taxonomy().items()) {
            assertThat(teamIds).contains("JN-" + item.districtTeamType());
            for (Region area : data.map().areas()) {
                assertThat(teamIds).contains(area.code() + "-" + item.streetTeamType());
            }
        }
    }

    @Test
    void oneWorkerPerGridAndOneLeaderPerCommunityWithDistinctPhones() {
        assertThat(data.gridWorkers().stream().filter(w -> !w.leader())).hasSize(1574)
                .extracting(GridWorker::gridCode).doesNotHaveDuplicates();
        assertThat(data.gridWorkers().stream().filter(GridWorker::leader)).hasSize(data.map().communities().size());
        assertThat(data.gridWorkers()).extracting(GridWorker::phone).doesNotHaveDuplicates()
                .allMatch(p -> p.matches("1\\d{10}"));
    }

    @Test
    void peopleAddUpToTheDistrictsFigures() {
        assertThat(data.population()).hasSize(1574);
        assertThat(data.population().stream().mapToInt(GridPopulation::residents).sum()).isEqualTo(690_000);
        assertThat(data.population().stream().mapToInt(GridPopulation::specialGroups).sum()).isEqualTo(31_000);
        assertThat(data.population()).allMatch(p -> p.households() <= p.residents() && p.residents() >= 0);
    }

    @Test
    void camerasHaveTheirCountsAndLieInOrAtTheirGrid() {
        Map<Camera.Kind, Long> counts = data.cameras().stream().collect(Collectors.groupingBy(Camera::kind, Collectors.counting()));
        assertThat(counts).containsEntry(Camera.Kind.HD, 7081L).containsEntry(Camera.Kind.CHECKPOINT, 80L)
                .containsEntry(Camera.Kind.HIGH_POINT, 366L).containsEntry(Camera.Kind.FACE, 945L);
        assertThat(data.cameras()).extracting(Camera::code).doesNotHaveDuplicates();
        Map<String, Region> grids = data.map().grids().stream().collect(Collectors.toMap(Region::code, g -> g));
        GeometryFactory f = new GeometryFactory();
        for (Camera c : data.cameras()) {
            double degreesAway = grids.get(c.gridCode()).shape().distance(f.createPoint(new Coordinate(c.lon(), c.lat())));
            assertThat(degreesAway).as(c.code()).isLessThan(0.0005); // about 50 m
        }
    }

    @Test
    void theSameSeedGivesTheSamePeople() {
        DemoDistrictData again = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
        assertThat(again.gridWorkers()).isEqualTo(data.gridWorkers());
        assertThat(again.cameras().subList(0, 50)).isEqualTo(data.cameras().subList(0, 50));
    }

    @Test
    void mustVisitHouseholdsCoverTheEightGroupsAndAreMaskedForDisplay() {
        var households = data.visitHouseholds();
        assertThat(households.size()).isBetween(15_000, 25_000); // 31,000 special-group records, 50–80 % households
        assertThat(households.stream().map(VisitHousehold::category).distinct())
                .hasSize(8);
        assertThat(households).extracting(VisitHousehold::id).doesNotHaveDuplicates();
        var h = households.getFirst();
        assertThat(h.maskedPhone()).matches("1\\d\\d\\*{4}\\d{4}").doesNotContain(h.phone().substring(3, 7));
        assertThat(h.maskedName()).startsWith(h.headName().substring(0, 1)).contains("*");
        assertThat(h.maskedAddress()).endsWith("**").doesNotContain(h.address().substring(h.address().length() - 3));
    }
}
