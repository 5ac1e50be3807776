package org.griddesk.desk.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/// The place search of the desk: communities and grids by name, short name, code, pinyin and
/// initials, with a town's name in front; the grid a community is placed in; the grid under a point.
class PlaceSearchTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /// 咸水沽镇 with 金桥社区 (two grids) and 津沽苑社区 (one grid); 小站镇 with 金桥村 (one grid) and 桥山村.
    static final List<Region> DISTRICT = List.of(
            region("XSG", "咸水沽镇", RegionLevel.AREA, "JN", 0, 0, 2, 1),
            region("XSG-001", "金桥社区", RegionLevel.COMMUNITY, "XSG", 0, 0, 1, 1),
            region("XSG-001-01", "金桥社区第1网格", RegionLevel.GRID, "XSG-001", 0, 0, 0.5, 1),
            region("XSG-001-02", "金桥社区第2网格", RegionLevel.GRID, "XSG-001", 0.5, 0, 1, 1),
            region("XSG-002", "津沽苑社区", RegionLevel.COMMUNITY, "XSG", 1, 0, 2, 1),
            region("XSG-002-01", "津沽苑社区第1网格", RegionLevel.GRID, "XSG-002", 1, 0, 2, 1),
            region("XZZ", "小站镇", RegionLevel.AREA, "JN", 0, 1, 2, 2),
            region("XZZ-004", "金桥村", RegionLevel.COMMUNITY, "XZZ", 0, 1, 2, 2),
            region("XZZ-004-01", "金桥村第1网格", RegionLevel.GRID, "XZZ-004", 0, 1, 2, 2),
            region("XZZ-005", "桥山村", RegionLevel.COMMUNITY, "XZZ", 2, 1, 3, 2));

    private final PlaceSearch search = new PlaceSearch(DISTRICT);

    private static Region region(String code, String name, RegionLevel level, String parent, double x0, double y0, double x1, double y1) {
        double lon = 117.3;
        double lat = 38.9;
        Polygon box = GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(lon + x0 / 100, lat + y0 / 100),
            new Coordinate(lon + x1 / 100, lat + y0 / 100), new Coordinate(lon + x1 / 100, lat + y1 / 100),
            new Coordinate(lon + x0 / 100, lat + y1 / 100), new Coordinate(lon + x0 / 100, lat + y0 / 100)});
        return new Region(code, name, level, parent, box, 1);
    }

    private List<String> codes(String typed) {
        return search.search(typed, 20).stream().map(NamedPlace::code).toList();
    }

    @Test
    void aNameFindsTheCommunitiesFirstThenTheirGrids() {
        assertThat(codes("金桥")).containsExactly("XSG-001", "XZZ-004", "XSG-001-01", "XSG-001-02", "XZZ-004-01");
        assertThat(codes("金桥社区第2网格")).containsExactly("XSG-001-02");
        assertThat(codes("第2网格")).containsExactly("XSG-001-02");
        assertThat(codes("津沽苑")).first().as("the short name is the community itself").isEqualTo("XSG-002");
        assertThat(search.search("金桥", 20).getFirst().label()).isEqualTo("咸水沽镇 金桥社区");
        assertThat(search.search("金桥社区第1网格", 1).getFirst().label()).isEqualTo("咸水沽镇 金桥社区 金桥社区第1网格");
    }

    @Test
    void aCodeFindsItsPlaceInAnyCaseAndItsGridsByPrefix() {
        assertThat(codes("xsg-001-02")).containsExactly("XSG-001-02");
        assertThat(codes("XSG-001")).containsExactly("XSG-001", "XSG-001-01", "XSG-001-02");
        assertThat(codes("XSG-002")).first().isEqualTo("XSG-002");
    }

    @Test
    void pinyinAndItsInitialsFindAPlaceAsChineseInputWould() {
        assertThat(codes("jinqiao")).startsWith("XSG-001", "XZZ-004");
        assertThat(codes("jqsq")).startsWith("XSG-001").doesNotContain("XZZ-004");
        assertThat(codes("jinguyuan")).first().isEqualTo("XSG-002");
        assertThat(codes("jgy")).first().isEqualTo("XSG-002");
        assertThat(codes("qs")).as("a name whose pinyin starts so comes before one that has it within (金桥社区)")
                .startsWith("XZZ-005", "XSG-001");
    }

    @Test
    void aTownsNameInFrontNarrowsTheSearch() {
        assertThat(codes("小站 金桥")).containsExactly("XZZ-004", "XZZ-004-01");
        assertThat(codes("xsg 金桥")).as("initials of the town").containsExactly("XSG-001", "XSG-001-01", "XSG-001-02");
    }

    @Test
    void aCommunityIsPlacedInTheGridAtItsCentreAndAPointInTheGridUnderIt() {
        assertThat(search.of("XSG-002").orElseThrow().gridCode()).isEqualTo("XSG-002-01");
        assertThat(search.of("XSG-001").orElseThrow().gridCode()).isIn("XSG-001-01", "XSG-001-02");
        assertThat(search.of("XSG-001-02").orElseThrow().gridCode()).isEqualTo("XSG-001-02");
        assertThat(search.gridAt(117.3075, 38.905).map(NamedPlace::code)).contains("XSG-001-02");
        assertThat(search.gridAt(118, 40)).isEmpty();
        assertThat(search.of("XSG")).as("a town is too large to place a request").isEmpty();
    }

    @Test
    void nothingTypedFindsNothingAndAnyTextIsSafe() {
        assertThat(codes("")).isEmpty();
        assertThat(codes("   ")).isEmpty();
        assertThat(codes("不存在的地方")).isEmpty();
        assertThat(codes("'; DROP TABLE region; --")).isEmpty();
        assertThat(codes("*?%_\\\"")).isEmpty();
        assertThat(codes("金".repeat(10_000))).isEmpty();
        assertThat(search.search("金桥", 2)).hasSize(2);
    }
}
