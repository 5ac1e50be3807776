package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;
import org.griddesk.geo.CoordinateSystem;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.geo.Region;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

class GridsCommandTest {
    private static CliRun runHere(String... args) {
        return CliRun.in(dataDir, args);
    }

    @TempDir
    static Path dataDir;

    /// how the command shows a degree
    private static final DecimalFormat SIX = new DecimalFormat("#.######", DecimalFormatSymbols.getInstance(Locale.ROOT));



    @BeforeAll
    static void generate() {
        CliRun before = runHere("grids", "locate", "117.4", "38.95");
        assertThat(before.code()).isEqualTo(2);
        assertThat(before.err()).contains("griddesk demo generate");
        CliRun made = runHere("demo", "generate", "--history-days", "5");
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).contains("1574 个网格", "238 个事项", "8472 个视频点位", "690000 名居民")
                .containsPattern("工单 [1-9]\\d+ 张");
    }

    @Test
    void aPointFindsItsGridCommunityTownAndWorker() {
        Region grid = new DemoDistrict(20211).generate().grids().get(100);
        Coordinate inside = grid.shape().getInteriorPoint().getCoordinate();
        CliRun run = runHere("grids", "locate", String.valueOf(inside.x), String.valueOf(inside.y));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("网格　" + grid.code() + "　" + grid.name(), "社区　" + grid.parentCode())
                .containsPattern("网格员　\\S+　1\\d\\d\\*{4}\\d{4}");
    }

    @Test
    void anAmapOrBaiduPointFindsTheGridOfTheWgs84PointItCameFromAndShowsThatPoint() {
        Region grid = new DemoDistrict(20211).generate().grids().get(100);
        Coordinate inside = grid.shape().getInteriorPoint().getCoordinate();
        for (CoordinateSystem crs : List.of(CoordinateSystem.GCJ02, CoordinateSystem.BD09)) {
            double[] sent = crs.fromWgs(inside.x, inside.y);
            CliRun run = runHere("grids", "locate", String.valueOf(sent[0]), String.valueOf(sent[1]), "--crs", crs.label());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).contains("网格　" + grid.code() + "　" + grid.name())
                    .contains("点　" + SIX.format(inside.x) + " " + SIX.format(inside.y) + "（WGS-84，由 " + crs.label());
        }
        CliRun plain = runHere("grids", "locate", String.valueOf(inside.x), String.valueOf(inside.y), "--lang", "en");
        assertThat(plain.out()).containsPattern("Point +117\\.\\d+ 38\\.\\d+ \\(WGS-84\\)");
    }

    @Test
    void aCoordinateSystemInMetresOrUnknownIsRefusedInBothLanguages() {
        CliRun metres = runHere("grids", "locate", "117.38", "38.94", "--crs", "EPSG:3857");
        assertThat(metres.code()).isEqualTo(2);
        assertThat(metres.err()).contains("EPSG:3857", "以米计");
        CliRun unknown = runHere("grids", "locate", "117.38", "38.94", "--crs", "Xian80", "--lang", "en");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown coordinate system: Xian80", "GCJ-02");
        assertThat(unknown.out()).isEmpty();
    }

    @Test
    void pointsOutsideOrNotInChinaAreSaidSo() {
        CliRun outside = runHere("grids", "locate", "117.2", "39.3", "--lang", "en");
        assertThat(outside.code()).isEqualTo(1);
        assertThat(outside.out()).contains("in none of this district's grids");
        CliRun nonsense = runHere("grids", "locate", "200", "95");
        assertThat(nonsense.code()).isEqualTo(2);
        assertThat(nonsense.err()).contains("输入无效", "200", "LON 73–136");
    }

    @Test
    void theDemoDistrictIsGeneratedOnlyOnce() {
        CliRun again = runHere("demo", "generate", "--seed", "7", "--history-days", "0");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("已有区划数据");
    }

    @Test
    void everyRegionIsExportedAsAGeoJsonPolygonFeature() throws Exception {
        Path file = dataDir.resolve("district.geojson");
        CliRun run = runHere("grids", "export", "--out", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("已导出 1786 个区域");
        var root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(root.get("coordinateSystem").asText()).isEqualTo("WGS-84");
        assertThat(root.get("features")).hasSize(12 + 200 + 1574);
        Region grid = new DemoDistrict(20211).generate().grids().get(5);
        var feature = StreamSupport.stream(root.get("features").spliterator(), false)
                .filter(f -> f.get("properties").get("code").asText().equals(grid.code())).findFirst().orElseThrow();
        assertThat(feature.get("properties").get("parent").asText()).isEqualTo(grid.parentCode());
        assertThat(feature.get("properties").get("level").asText()).isEqualTo("GRID");
        var ring = feature.get("geometry").get("coordinates").get(0);
        assertThat(ring).hasSize(grid.mainPart().getExteriorRing().getNumPoints());
        assertThat(ring.get(0).get(0).asDouble()).isEqualTo(grid.mainPart().getExteriorRing().getCoordinateN(0).x);
        assertThat(ring.get(0).get(1).asDouble()).isEqualTo(grid.mainPart().getExteriorRing().getCoordinateN(0).y);
    }
}
