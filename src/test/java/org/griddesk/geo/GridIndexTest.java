package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GridIndexTest {
    private static DistrictMap map;
    private static GridIndex index;

    @BeforeAll
    static void build() {
        map = new DemoDistrict(20211).generate();
        index = new GridIndex(map.grids());
    }

    @Test
    void everyGridsInteriorPointFindsThatGrid() {
        for (Region grid : map.grids()) {
            Coordinate inside = grid.shape().getInteriorPoint().getCoordinate();
            assertThat(index.locate(inside.x, inside.y)).as(grid.code()).get().extracting(Region::code).isEqualTo(grid.code());
        }
    }

    @Test
    void aPointOnASharedEdgeBelongsToTheSmallerCode() {
        Region a = map.grids().get(0);
        Region b = map.grids().stream().filter(g -> !g.code().equals(a.code()) && g.shape().touches(a.shape())
                && g.shape().intersection(a.shape()).getLength() > 0).findFirst().orElseThrow();
        Coordinate[] shared = a.shape().intersection(b.shape()).getCoordinates();
        Coordinate mid = new Coordinate((shared[0].x + shared[1].x) / 2, (shared[0].y + shared[1].y) / 2);
        String expected = a.code().compareTo(b.code()) < 0 ? a.code() : b.code();
        assertThat(index.locate(mid.x, mid.y)).get().extracting(Region::code).isEqualTo(expected);
    }

    @Test
    void pointsOutsideTheDistrictHaveNoGrid() {
        assertThat(index.locate(117.0, 39.3)).isEmpty();   // Tianjin city centre side, outside
        assertThat(index.locate(117.45, 39.2)).isEmpty();  // north of the river
    }
}
