package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class DemoDistrictTest {
    /// square degrees; one square metre is about 1e-10
    private static final double TOLERANCE = 1e-9;
    private static DistrictMap map;

    @BeforeAll
    static void generate() {
        map = new DemoDistrict(20211).generate();
    }

    @Test
    void theDistrictHasJinnansShapeAndCounts() {
        assertThat(map.grids()).hasSize(1574);
        assertThat(map.areas()).hasSize(12);
        assertThat(map.communities()).hasSizeBetween(180, 220);
        double km2 = DemoDistrict.PROJECTION.areaKm2(map.outline());
        assertThat(km2).isBetween(395.0, 407.0);
        Envelope box = map.outline().getEnvelopeInternal();
        assertThat(box.getMinX()).isGreaterThanOrEqualTo(117.25);
        assertThat(box.getMaxX()).isLessThanOrEqualTo(117.56);
        assertThat(box.getMinY()).isGreaterThanOrEqualTo(38.84);
        assertThat(box.getMaxY()).isLessThanOrEqualTo(39.08);
        assertThat(map.areas()).extracting(Region::name).contains("咸水沽镇", "葛沽镇", "小站镇", "双港镇", "辛庄镇",
                "双桥河镇", "八里台镇", "北闸口镇", "津南经济开发区", "津南农业园区");
    }

    @Test
    void theRiverRunsAlongTheNorthEdge() {
        double riverSouth = map.river().getEnvelopeInternal().getMinY();
        assertThat(map.outline().getEnvelopeInternal().getMaxY()).isLessThanOrEqualTo(map.river().getEnvelopeInternal().getMaxY() + 1e-9);
        assertThat(map.outline().getBoundary().distance(map.river())).isLessThan(1e-6);
        assertThat(riverSouth).isGreaterThan(map.outline().getCentroid().getY());
    }

    @Test
    void everyRegionIsAValidPolygonWithAUniqueCodeAndAKnownParent() {
        Map<String, Region> byCode = map.byCode();
        assertThat(byCode).hasSize(map.areas().size() + map.communities().size() + map.grids().size());
        for (Region r : byCode.values()) {
            assertThat(r.shape().isValid()).as(r.code()).isTrue();
            assertThat(r.shape()).isInstanceOf(Polygon.class);
            if (r.level() != RegionLevel.AREA) {
                Region parent = byCode.get(r.parentCode());
                assertThat(parent).as(r.code()).isNotNull();
                assertThat(parent.shape().buffer(1e-7).covers(r.shape())).as(r.code() + " inside " + parent.code()).isTrue();
            }
        }
    }

    @Test
    void areasTileTheDistrictCommunitiesTileAreasAndGridsTileCommunities() {
        assertTiles(map.outline(), map.areas());
        for (Region area : map.areas()) {
            assertTiles(area.shape(), children(area, map.communities()));
        }
        for (Region community : map.communities()) {
            assertTiles(community.shape(), children(community, map.grids()));
        }
    }

    @Test
    void noTwoGridsOverlap() {
        STRtree tree = new STRtree();
        map.grids().forEach(g -> tree.insert(g.shape().getEnvelopeInternal(), g));
        for (Region g : map.grids()) {
            @SuppressWarnings("unchecked")
            List<Region> near = tree.query(g.shape().getEnvelopeInternal());
            for (Region other : near) {
                if (other.code().compareTo(g.code()) > 0) {
                    assertThat(g.shape().intersection(other.shape()).getArea()).as(g.code() + " x " + other.code())
                            .isLessThan(TOLERANCE);
                }
            }
        }
    }

    @Test
    void townCentresHaveSmallGridsAndFarmlandLargeOnes() {
        Map<String, Double> meanKm2 = map.grids().stream().collect(Collectors.groupingBy(
                g -> g.code().substring(0, g.code().indexOf('-')),
                Collectors.averagingDouble(g -> DemoDistrict.PROJECTION.areaKm2(g.shape()))));
        assertThat(meanKm2.get("XSG") * 3).isLessThan(meanKm2.get("NYY"));
    }

    @Test
    void theSameSeedGivesTheSameDistrictAndAnotherSeedAnother() {
        DistrictMap again = new DemoDistrict(20211).generate();
        assertThat(again.grids()).extracting(Region::code).isEqualTo(map.grids().stream().map(Region::code).toList());
        assertThat(again.grids().get(700).shape().equalsExact(map.grids().get(700).shape())).isTrue();
        DistrictMap other = new DemoDistrict(7).generate();
        assertThat(other.grids()).hasSize(1574);
        assertThat(other.outline().equalsExact(map.outline())).isFalse();
    }

    private static List<Region> children(Region parent, List<Region> all) {
        return all.stream().filter(r -> parent.code().equals(r.parentCode())).toList();
    }

    private static void assertTiles(Geometry parent, List<Region> children) {
        assertThat(children).isNotEmpty();
        double sum = children.stream().mapToDouble(r -> r.shape().getArea()).sum();
        assertThat(Math.abs(sum - parent.getArea())).as("areas add up").isLessThan(TOLERANCE);
        Geometry union = UnaryUnionOp.union(children.stream().map(Region::shape).map(Geometry.class::cast).toList());
        assertThat(union.symDifference(parent).getArea()).as("no gaps").isLessThan(TOLERANCE);
    }
}
