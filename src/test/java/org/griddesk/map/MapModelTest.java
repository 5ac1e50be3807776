package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.paint.Color;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import org.griddesk.dispatch.PlaceMatch;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.util.GeometricShapeFactory;

class MapModelTest {
    private static DistrictMap district;
    private static MapModel model;

    @BeforeAll
    static void build() {
        district = new DemoDistrict(20211).generate();
        model = MapModel.of(district, Map.of("XSG-001-01", new GridFacts("王芳", 300, 800, 4, 2, 1, 6, 2)));
    }

    @Test
    void outlinesAreSimplifiedForTheDistrictViewAndWholeWhenZoomedIn() {
        int districtView = model.areas().stream().mapToInt(s -> s.outline().points(11)).sum();
        int closeUp = model.areas().stream().mapToInt(s -> s.outline().points(17)).sum();
        int stored = district.areas().stream().mapToInt(a -> a.shape().getNumPoints() - a.parts()).sum();
        assertThat(closeUp).isEqualTo(stored);
        assertThat(districtView).as("a district-wide view draws fewer points").isLessThan(closeUp);

        // a finely surveyed boundary (2,000 points round a 1 km circle) is a few dozen points from afar
        var factory = new GeometryFactory();
        var shapeFactory = new GeometricShapeFactory(factory);
        shapeFactory.setCentre(new Coordinate(117.4, 38.95));
        shapeFactory.setSize(0.02);
        shapeFactory.setNumPoints(2000);
        ProjectedShape fine = ProjectedShape.of(shapeFactory.createCircle());
        assertThat(fine.points(11)).isLessThan(60);
        assertThat(fine.points(15)).isBetween(60, 1000);
        assertThat(fine.points(18)).isGreaterThanOrEqualTo(1999);
    }

    @Test
    void aPointFindsItsGridAndAGridFindsItsArea() {
        Region grid = district.grids().get(100);
        var inside = grid.shape().getInteriorPoint();
        assertThat(model.gridAt(inside.getX(), inside.getY())).contains(grid);
        assertThat(model.gridAt(100, 20)).isEmpty();
        String area = grid.code().substring(0, grid.code().indexOf('-'));
        assertThat(model.areaOf(grid).map(Region::code)).contains(area);
        assertThat(model.region(grid.parentCode()).map(Region::level)).contains(RegionLevel.COMMUNITY);
    }

    @Test
    void searchPutsTheExactCodeFirstThenCodesThatStartWithIt() {
        assertThat(model.search("xsg-001-01", 3)).first().extracting(Region::code).isEqualTo("XSG-001-01");
        assertThat(model.search("XSG-001", 50)).allMatch(r -> r.code().startsWith("XSG-001"));
        String name = district.grids().get(7).name();
        assertThat(model.search(name, 5)).extracting(Region::name).contains(name);
        assertThat(model.search("  ", 5)).isEmpty();
    }

    @Test
    void searchFindsCommunitiesAndGridsByNameTheNamePeopleSayOrPinyinInitials() throws Exception {
        model.spellNames();
        Region community = district.communities().get(3);
        Region grid = district.grids().stream().filter(g -> g.parentCode().equals(community.code())).findFirst().orElseThrow();
        assertThat(model.search(community.name(), 5)).first().isEqualTo(community);
        assertThat(model.search(PlaceMatch.shortName(community.name()), 5)).as("the name people say").first().isEqualTo(community);
        assertThat(model.search(PlaceMatch.shortName(community.name()), 50)).as("its grids follow").contains(grid);
        assertThat(model.search(grid.name(), 5)).first().isEqualTo(grid);

        var format = new HanyuPinyinOutputFormat();
        StringBuilder initials = new StringBuilder();
        for (char c : PlaceMatch.shortName(community.name()).toCharArray()) {
            initials.append(PinyinHelper.toHanyuPinyinStringArray(c, format)[0].charAt(0));
        }
        assertThat(model.search(initials.toString(), 200)).as(initials.toString()).contains(community)
                .allMatch(r -> r.level() != RegionLevel.AREA);
        assertThat(model.search("不存在的地方", 5)).isEmpty();
    }

    @Test
    void factsColourTheGridsByTheModesClasses() {
        GridFacts facts = model.facts("XSG-001-01");
        assertThat(ColourMode.LOAD.colourOf(ColourMode.LOAD.valueOf(facts))).isEqualTo(Color.web("#5EC962")); // 4–6
        assertThat(ColourMode.OVERDUE.colourOf(ColourMode.OVERDUE.valueOf(facts))).isEqualTo(Color.web("#FD8D3C")); // 2
        assertThat(ColourMode.VISITS.colourOf(ColourMode.VISITS.valueOf(facts))).isEqualTo(Color.web("#B2182B")); // <60 %
        assertThat(model.facts("NO-SUCH")).isEqualTo(GridFacts.NONE);
        assertThat(ColourMode.LOAD.colourOf(0).getOpacity()).as("grids with nothing open stay clear").isZero();
        assertThat(model.withFacts(Map.of()).facts("XSG-001-01")).isEqualTo(GridFacts.NONE);
    }
}
