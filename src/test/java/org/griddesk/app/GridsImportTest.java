package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.StreamSupport;
import org.griddesk.geo.ChinaCoordinates;
import org.griddesk.geo.RealisticBoundaries;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Importing a deployment's own grids: everything is checked first, nothing is written from a bad file.
class GridsImportTest {
    @TempDir
    Path dir;

    private static String square(double lon, double lat, double size) {
        return "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(lon, lat, lon + size, lat, lon + size, lat + size,
                lon, lat + size, lon, lat);
    }

    private static String feature(String code, String level, String parent, String coordinates) {
        return """
                {"type":"Feature","properties":{"code":"%s","name":"%s名","level":"%s","parent":%s},
                 "geometry":{"type":"Polygon","coordinates":%s}}""".formatted(code, code, level,
                parent == null ? "null" : "\"" + parent + "\"", coordinates);
    }

    private static String multiFeature(String code, String level, String parent, String... polygons) {
        return feature(code, level, parent, "[" + String.join(",", polygons) + "]").replace("\"Polygon\"", "\"MultiPolygon\"");
    }

    private Path file(String system, String... features) throws Exception {
        Path f = dir.resolve("grids-" + System.nanoTime() + ".geojson");
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"coordinateSystem\":\"" + system + "\",\"features\":["
                + String.join(",", features) + "]}");
        return f;
    }

    /// An area of two communities, each of two grids, tiling exactly. As a GIS writes them, every
    /// vertex where regions meet is in each of them (so a non-linear GCJ-02 shift keeps them meeting).
    private Path goodFile(String system) throws Exception {
        return file(system,
                feature("A1", "AREA", null, "[[[117.30,38.90],[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],"
                        + "[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1", "COMMUNITY", "A1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C2", "COMMUNITY", "A1", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C1-G1", "GRID", "A1-C1", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]"),
                feature("A1-C1-G2", "GRID", "A1-C1", "[[[117.30,38.91],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91]]]"),
                feature("A1-C2-G1", "GRID", "A1-C2", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.31,38.91],[117.31,38.90]]]"),
                feature("A1-C2-G2", "GRID", "A1-C2", "[[[117.31,38.91],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91]]]"));
    }

    @Test
    void aGoodFileIsImportedAndItsGridsLocate() throws Exception {
        Path data = dir.resolve("store");
        CliRun run = CliRun.in(data, "grids", "import", goodFile("WGS-84").toString(), "--district", "测试区");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("已导入 1 个镇街、2 个社区、4 个网格");
        assertThat(CliRun.in(data, "grids", "locate", "117.315", "38.915").out()).contains("A1-C2-G2");
        assertThat(CliRun.in(data, "grids", "import", goodFile("WGS-84").toString()).code()).as("only into an empty store")
                .isEqualTo(2);
    }

    @Test
    void theDistrictsCodeGivenAtImportIsRecordedAsItsJurisdiction() throws Exception {
        Path data = dir.resolve("coded");
        assertThat(CliRun.in(data, "grids", "import", goodFile("WGS-84").toString(), "--code", "12 0112").code())
                .as("not a code").isNotZero();
        CliRun run = CliRun.in(data, "grids", "import", goodFile("WGS-84").toString(), "--code", "120999");
        assertThat(run.code()).as(run.err()).isZero();
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).find(SystemProperty.DISTRICT_CODE))
                    .map(SystemProperty::value).contains("120999");
        }
    }

    @Test
    void gcj02CoordinatesAreConvertedToWgs84() throws Exception {
        double[] shifted = ChinaCoordinates.wgsToGcj(117.30, 38.90);
        assertThat(shifted[0] - 117.30).isBetween(0.001, 0.02); // a few hundred metres
        double[] back = ChinaCoordinates.gcjToWgs(shifted[0], shifted[1]);
        assertThat(back[0]).isCloseTo(117.30, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(back[1]).isCloseTo(38.90, org.assertj.core.data.Offset.offset(1e-7));

        Path data = dir.resolve("gcj");
        CliRun run = CliRun.in(data, "grids", "import", goodFile("GCJ-02").toString(), "--lang", "en");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("GCJ-02 → WGS-84");
        // the grid's centre in the file, taken back to WGS-84, is in that grid
        double[] centre = ChinaCoordinates.gcjToWgs(117.305, 38.905);
        assertThat(CliRun.in(data, "grids", "locate", String.valueOf(centre[0]), String.valueOf(centre[1])).out())
                .contains("A1-C1-G1");
        // near its north-east corner as written in the file is, in WGS-84, already past the shifted grid
        assertThat(CliRun.in(data, "grids", "locate", "117.3095", "38.9095").out()).doesNotContain("A1-C1-G1");
    }

    @Test
    void everyKindOfBadFileIsRefusedWithTheFeaturesCodeAndNothingIsWritten() throws Exception {
        Path bad = file("WGS-84",
                feature("A1", "AREA", null, square(117.30, 38.90, 0.02)),
                feature("A1-C1", "COMMUNITY", "A1", square(117.30, 38.90, 0.012)),                     // overlaps C2
                feature("A1-C2", "COMMUNITY", "A1", "[[[117.31,38.90],[117.32,38.90],[117.32,38.92],[117.31,38.92],[117.31,38.90]]]"),
                feature("A1-C1", "COMMUNITY", "A1", square(117.30, 38.91, 0.001)),                     // duplicate code
                feature("X-9", "GRID", "NOPE", square(117.30, 38.90, 0.001)),                          // unknown parent
                feature("BOW", "GRID", "A1-C2",                                                        // self-intersecting
                        "[[[117.31,38.90],[117.32,38.91],[117.32,38.90],[117.31,38.91],[117.31,38.90]]]"),
                feature("FAR", "AREA", null, square(12.0, 48.0, 0.01)),                                // outside China
                feature("LVL", "BLOCK", null, square(117.40, 38.90, 0.01)));                          // bad level
        Path data = dir.resolve("bad");
        CliRun run = CliRun.in(data, "grids", "import", bad.toString(), "--lang", "en");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("nothing was imported", "A1-C1: the code is used twice", "X-9: unknown parent NOPE",
                "BOW: invalid Polygon", "FAR: 12 48 is outside China", "LVL: level 'BLOCK'");
        assertThat(CliRun.in(data, "grids", "locate", "117.305", "38.905").code()).as("nothing written").isEqualTo(2);

        Path gaps = file("WGS-84",
                feature("A1", "AREA", null, square(117.30, 38.90, 0.02)),
                feature("A1-C1", "COMMUNITY", "A1", square(117.30, 38.90, 0.012)),
                feature("A1-C2", "COMMUNITY", "A1", "[[[117.31,38.90],[117.32,38.90],[117.32,38.92],[117.31,38.92],[117.31,38.90]]]"));
        CliRun tiling = CliRun.in(data, "grids", "import", gaps.toString(), "--lang", "en");
        assertThat(tiling.code()).isEqualTo(2);
        assertThat(tiling.err()).contains("A1-C1: overlaps A1-C2", "A1: its children leave a gap");
    }

    @Test
    void aRegionInSeveralPiecesIsImportedLocatedAndExportedAsAMultiPolygon() throws Exception {
        // a development zone in two parks 2 km apart; its one community has both; each park is one grid
        String west = square(117.30, 38.90, 0.01);
        String east = square(117.33, 38.90, 0.01);
        Path zone = file("WGS-84",
                multiFeature("KFQ", "AREA", null, west, east),
                multiFeature("KFQ-C1", "COMMUNITY", "KFQ", west, east),
                feature("KFQ-C1-G1", "GRID", "KFQ-C1", west),
                feature("KFQ-C1-G2", "GRID", "KFQ-C1", east));
        Path data = dir.resolve("zone");
        CliRun run = CliRun.in(data, "grids", "import", zone.toString(), "--lang", "en");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(CliRun.in(data, "grids", "locate", "117.335", "38.905").out()).contains("KFQ-C1-G2", "KFQ-C1", "KFQ");
        assertThat(CliRun.in(data, "grids", "locate", "117.32", "38.905").out()).as("between the parks")
                .doesNotContain("KFQ-C1-G");

        Path exported = dir.resolve("zone-out.geojson");
        assertThat(CliRun.in(data, "grids", "export", "--out", exported.toString()).code()).isZero();
        var features = new ObjectMapper().readTree(exported.toFile()).get("features");
        var area = StreamSupport.stream(features.spliterator(), false)
                .filter(f -> f.get("properties").get("code").asText().equals("KFQ")).findFirst().orElseThrow();
        assertThat(area.get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        assertThat(area.get("geometry").get("coordinates")).hasSize(2);
        assertThat(CliRun.in(dir.resolve("again"), "grids", "import", exported.toString()).code()).as("the export imports again")
                .isZero();

        Path overlapping = file("WGS-84", multiFeature("BAD", "AREA", null, west, square(117.305, 38.905, 0.01)));
        CliRun refused = CliRun.in(dir.resolve("bad-multi"), "grids", "import", overlapping.toString(), "--lang", "en");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("BAD: invalid MultiPolygon");
    }

    @Test
    void aDataVFileInGbkWithItsDistrictIsImportedWithItsNamesAndCode() throws Exception {
        Path gbk = dir.resolve("jinnan-datav.geojson");
        Files.write(gbk, RealisticBoundaries.file(RealisticBoundaries.Options.usual().asDataV().grids(2))
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        Path data = dir.resolve("datav");
        CliRun run = CliRun.in(data, "grids", "import", gbk.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("已导入 2 个镇街、4 个社区", "GCJ-02 → WGS-84");
        // the file's own grid centre, a GCJ-02 point, taken to WGS-84, is in that grid; the names read as written
        assertThat(CliRun.in(data, "grids", "locate", "117.37", "38.95").out()).contains("咸水沽镇");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).find(SystemProperty.DISTRICT_CODE))
                    .as("the district feature's adcode is the jurisdiction").map(SystemProperty::value).contains("120112");
        }
    }

    @Test
    void aFileThatIsNotTextAndAFileMissingATownAreRefusedPlainlyAndNothingIsWritten() throws Exception {
        Path noise = dir.resolve("noise.geojson");
        byte[] bytes = new byte[4000];
        new java.util.Random(5).nextBytes(bytes);
        Files.write(noise, bytes);
        Path data = dir.resolve("refused");
        CliRun run = CliRun.in(data, "grids", "import", noise.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("文件不是文本").doesNotContain("Exception", "\tat ");

        Path missing = dir.resolve("missing.geojson");
        Files.writeString(missing, RealisticBoundaries.file(RealisticBoundaries.Options.usual().missingATown()));
        CliRun holed = CliRun.in(data, "grids", "import", missing.toString(), "--lang", "en");
        assertThat(holed.code()).isEqualTo(2);
        assertThat(holed.err()).contains("120112: its children leave a gap (a town missing?): about ");
        assertThat(CliRun.in(data, "grids", "locate", "117.33", "38.93").code()).as("nothing written").isEqualTo(2);
    }
}
