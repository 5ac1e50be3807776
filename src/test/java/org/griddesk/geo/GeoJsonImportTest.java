package org.griddesk.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/// Boundary files as real districts have them: drawn in GCJ-02, rounded to six decimals, cut by a
/// GIS, in DataV's form, in GBK or with a BOM. Each is taken or refused whole, as it should be.
class GeoJsonImportTest {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    @TempDir
    Path dir;

    private Path write(String text, Charset charset) throws IOException {
        Path f = dir.resolve("boundaries-" + System.nanoTime() + ".geojson");
        Files.write(f, text.getBytes(charset));
        return f;
    }

    private Path write(String text) throws IOException {
        return write(text, StandardCharsets.UTF_8);
    }

    private static MapProblems refusal(Path file, String crs) {
        try {
            new GeoJsonImport().read(file, crs);
        } catch (MapProblems.InvalidMapException e) {
            return e.problems();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the file was taken");
    }

    @Test
    void aGcj02DistrictRoundedToSixDecimalsIsTakenAndItsGridsMeetExactlyInWgs84() throws IOException {
        String file = RealisticBoundaries.file(RealisticBoundaries.Options.usual());
        GeoJsonImport.Result map = new GeoJsonImport().read(write(file), null);
        assertThat(map.system()).isEqualTo(CoordinateSystem.GCJ02);
        assertThat(map.areas()).hasSize(2);
        assertThat(map.communities()).hasSize(4);
        assertThat(map.grids()).hasSize(gridsIn(file)).hasSizeGreaterThan(30);
        assertThat(map.district().code()).isEqualTo("120112");
        // the towns, converted, still cover the district with no gap wider than a few centimetres
        Geometry towns = FACTORY.buildGeometry(map.areas().stream().map(Region::shape).toList()).union();
        double gapM2 = DemoDistrict.PROJECTION.areaKm2(map.district().shape().difference(towns)) * 1e6;
        assertThat(gapM2).isLessThan(50);
        // a grid's point in the file, taken to WGS-84, is found in that grid
        Region grid = map.grids().get(7);
        Point inside = grid.shape().getInteriorPoint();
        assertThat(new GridIndex(map.grids()).locate(inside.getX(), inside.getY())).map(Region::code).contains(grid.code());
        // neighbouring grids share each vertex one has on the other's edge: no sliver between them
        Geometry all = FACTORY.buildGeometry(map.grids().stream().map(Region::shape).toList()).union();
        for (Region community : map.communities()) {
            double sliver = DemoDistrict.PROJECTION.areaKm2(community.shape().difference(all)) * 1e6;
            assertThat(sliver).as(community.code()).isLessThan(1);
        }
    }

    @Test
    void theSameDistrictInWgs84AndInDataVsFormIsTaken() throws IOException {
        String wgs = RealisticBoundaries.file(RealisticBoundaries.Options.usual()).replace("\"GCJ-02\"", "\"EPSG:4326\"");
        assertThat(new GeoJsonImport().read(write(wgs), null).system()).isEqualTo(CoordinateSystem.WGS84);
        String file = RealisticBoundaries.file(RealisticBoundaries.Options.usual().asDataV());
        GeoJsonImport.Result dataV = new GeoJsonImport().read(write(file), null);
        assertThat(dataV.grids()).hasSize(gridsIn(file)).hasSizeGreaterThan(30);
        assertThat(dataV.communities()).extracting(Region::parentCode).containsOnly("12011210", "12011211");
        assertThat(dataV.district().name()).isEqualTo("津南区");
    }

    @Test
    void gbkAndUtf8WithABomAreReadAsTheyAre() throws IOException {
        String text = RealisticBoundaries.file(RealisticBoundaries.Options.usual().grids(1));
        GeoJsonImport.Result gbk = new GeoJsonImport().read(write(text, Charset.forName("GBK")), null);
        assertThat(gbk.areas()).extracting(Region::name).containsExactly("咸水沽镇", "双港镇");
        GeoJsonImport.Result bom = new GeoJsonImport().read(write("\uFEFF" + text), null);
        assertThat(bom.communities()).extracting(Region::name).contains("港湾2社区");
    }

    @Test
    void randomBytesAreRefusedPlainly() throws IOException {
        byte[] noise = new byte[5000];
        new java.util.Random(3).nextBytes(noise);
        Path f = dir.resolve("noise.geojson");
        Files.write(f, noise);
        assertThat(refusal(f, null).kept().getFirst().english()).contains("not text");
    }

    @Test
    void aTruncatedFileIsToldSoInBothLanguagesWithoutTheParsersInnards() throws IOException {
        Path f = write("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"A\"");
        var problem = refusal(f, null).kept().getFirst();
        assertThat(problem.chinese()).contains("意外结束", "内容不完整", "第 1 行").doesNotContain("Unexpected", "end-of-input", "expected");
        assertThat(problem.english()).contains("ends unexpectedly at line 1, column", "incomplete", "not valid JSON")
                .doesNotContain("REDACTED", "StreamReadFeature", "Source:");
        var malformed = refusal(write("{\"type\": nonsense}"), null).kept().getFirst();
        assertThat(malformed.chinese()).contains("格式有误", "第 1 行");
        assertThat(malformed.english()).contains("not valid JSON (at 1:").doesNotContain("REDACTED", "Source:");
    }

    @Test
    void aDistrictMissingATownIsRefusedWithTheHolesSizeAndPlace() throws IOException {
        MapProblems problems = refusal(write(RealisticBoundaries.file(RealisticBoundaries.Options.usual().missingATown())), null);
        MapProblems.Problem gap = problems.kept().stream().filter(p -> p.english().startsWith("120112: its children leave a gap"))
                .findFirst().orElseThrow();
        assertThat(gap.english()).contains("a town missing?", "m² at 117.4");
        assertThat(gap.chinese()).contains("缺少某个镇街", "平方米");
        // about half the district: tens of square kilometres
        assertThat(Double.parseDouble(gap.english().replaceAll(".*about ([0-9,]+) m².*", "$1").replace(",", ""))).isGreaterThan(2e7);
    }

    @Test
    void anOutlineDensifiedToThreeMetresIsTaken() throws IOException {
        String file = RealisticBoundaries.file(RealisticBoundaries.Options.usual().densified(3));
        GeoJsonImport.Result map = new GeoJsonImport().read(write(file), null);
        assertThat(map.district().shape().getNumPoints()).isGreaterThan(10_000);
        assertThat(map.grids()).hasSize(gridsIn(file));
    }

    @Test
    void aGridInAHoleOfAnotherAndAnExclaveAreTaken() throws IOException {
        // one community: grid 01 is a square with a hole, grid 02 fills the hole; grid 03 is the
        // community's exclave, 2 km away
        String outer = "[[117.30,38.90],[117.32,38.90],[117.32,38.92],[117.30,38.92],[117.30,38.90]]";
        String hole = "[[117.305,38.905],[117.305,38.915],[117.315,38.915],[117.315,38.905],[117.305,38.905]]";
        String inner = "[[117.305,38.905],[117.315,38.905],[117.315,38.915],[117.305,38.915],[117.305,38.905]]";
        String away = "[[117.34,38.90],[117.35,38.90],[117.35,38.91],[117.34,38.91],[117.34,38.90]]";
        String text = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"T","name":"镇","level":"AREA"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[%1$s],[%4$s]]}},
                 {"type":"Feature","properties":{"code":"T-C","name":"社区","parent":"T"},
                  "geometry":{"type":"MultiPolygon","coordinates":[[%1$s],[%4$s]]}},
                 {"type":"Feature","properties":{"code":"T-C-01","name":"一","parent":"T-C"},
                  "geometry":{"type":"Polygon","coordinates":[%1$s,%2$s]}},
                 {"type":"Feature","properties":{"code":"T-C-02","name":"二","parent":"T-C"},
                  "geometry":{"type":"Polygon","coordinates":[%3$s]}},
                 {"type":"Feature","properties":{"code":"T-C-03","name":"三","parent":"T-C"},
                  "geometry":{"type":"Polygon","coordinates":[%4$s]}}]}""".formatted(outer, hole, inner, away);
        GeoJsonImport.Result map = new GeoJsonImport().read(write(text), null);
        assertThat(map.grids()).extracting(Region::code).containsExactly("T-C-01", "T-C-02", "T-C-03");
        assertThat(map.communities()).extracting(Region::level).containsExactly(RegionLevel.COMMUNITY);
        GridIndex index = new GridIndex(map.grids());
        assertThat(index.locate(117.31, 38.91)).map(Region::code).contains("T-C-02");
        assertThat(index.locate(117.302, 38.91)).map(Region::code).contains("T-C-01");
        assertThat(index.locate(117.345, 38.905)).map(Region::code).contains("T-C-03");
    }

    @Test
    void dataVsMultiPolygonWhosePartsShareAnEdgeIsMergedButOverlappingPartsAreRefused() throws IOException {
        String west = "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]";
        String east = "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.31,38.91],[117.31,38.90]]]";
        String over = "[[[117.305,38.90],[117.32,38.90],[117.32,38.91],[117.305,38.91],[117.305,38.90]]]";
        String shared = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":120112001,"name":"镇","level":"street"},
                 "geometry":{"type":"MultiPolygon","coordinates":[%s,%s]}}]}""".formatted(west, east);
        GeoJsonImport.Result map = new GeoJsonImport().read(write(shared), null);
        assertThat(map.areas().getFirst().shape().getGeometryType()).isEqualTo("Polygon");
        assertThat(map.areas().getFirst().code()).isEqualTo("120112001");
        MapProblems overlapping = refusal(write(shared.replace(east, over)), null);
        assertThat(overlapping.kept().getFirst().english()).contains("120112001: invalid MultiPolygon: its parts 1 and 2 overlap: about 478,9",
                "m² at 117.30");
    }

    @Test
    void aRealOverlapIsRefusedWithItsSizeAndPlaceInTheFilesCoordinatesNothingConverted() throws IOException {
        String a = "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]";
        String b = "[[[117.3099,38.90],[117.32,38.90],[117.32,38.91],[117.3099,38.91],[117.3099,38.90]]]";
        String text = """
                {"type":"FeatureCollection","coordinateSystem":"GCJ-02","features":[
                 {"type":"Feature","properties":{"code":"A","name":"甲","level":"AREA"},"geometry":{"type":"Polygon","coordinates":%s}},
                 {"type":"Feature","properties":{"code":"B","name":"乙","level":"AREA"},"geometry":{"type":"Polygon","coordinates":%s}}]}"""
                .formatted(a, b);
        MapProblems problems = refusal(write(text), null);
        // 0.0001° of longitude (8.7 m) by 0.01° of latitude (1.1 km): about 9,600 m², at the file's own coordinates
        assertThat(problems.kept()).singleElement().satisfies(p -> {
            assertThat(p.english()).startsWith("A: overlaps B: about 9,").contains("m² at 117.3099", ", 38.90");
            assertThat(p.chinese()).startsWith("A：与 B 重叠");
        });
        // a sliver of a few centimetres is rounding, not an overlap
        String sliver = text.replace("117.3099", "117.3099995");
        assertThat(new GeoJsonImport().read(write(sliver), null).areas()).hasSize(2);
    }

    @Test
    void coordinateSystemsAreTakenByTheirUsualNamesAndWebMercatorIsConverted() throws IOException {
        double[] sw = CoordinateSystem.WEB_MERCATOR.fromWgs(117.30, 38.90);
        double[] ne = CoordinateSystem.WEB_MERCATOR.fromWgs(117.31, 38.91);
        String text = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[
                 {"type":"Feature","properties":{"code":"A","name":"甲","level":"AREA"},"geometry":{"type":"Polygon","coordinates":
                 [[[%1$s,%2$s],[%3$s,%2$s],[%3$s,%4$s],[%1$s,%4$s],[%1$s,%2$s]]]}}]}""".formatted(sw[0], sw[1], ne[0], ne[1]);
        Region area = new GeoJsonImport().read(write(text), null).areas().getFirst();
        assertThat(area.shape().getEnvelopeInternal().getMinX()).isCloseTo(117.30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(area.shape().getEnvelopeInternal().getMaxY()).isCloseTo(38.91, org.assertj.core.data.Offset.offset(1e-9));
        // metres given as degrees get a hint that names the system, not "longitude first?"
        MapProblems metres = refusal(write(text.replace("urn:ogc:def:crs:EPSG::3857", "EPSG:4326")), null);
        assertThat(metres.kept().getFirst().english()).contains("look like metres", "EPSG:3857");
        MapProblems unknown = refusal(write(text), "EPSG:2385");
        assertThat(unknown.kept().getFirst().english()).contains("unknown coordinate system 'EPSG:2385'", "BD-09");
        // BD-09 is taken: a square given in BD-09 lands where its WGS-84 original was
        double[] bd = CoordinateSystem.BD09.fromWgs(117.30, 38.90);
        double[] bdNe = CoordinateSystem.BD09.fromWgs(117.31, 38.91);
        String baidu = text.replace("urn:ogc:def:crs:EPSG::3857", "BD-09").replace(String.valueOf(sw[0]), String.valueOf(bd[0]))
                .replace(String.valueOf(sw[1]), String.valueOf(bd[1])).replace(String.valueOf(ne[0]), String.valueOf(bdNe[0]))
                .replace(String.valueOf(ne[1]), String.valueOf(bdNe[1]));
        Coordinate first = new GeoJsonImport().read(write(baidu), null).areas().getFirst().shape().getCoordinates()[0];
        assertThat(first.x).isCloseTo(117.30, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(first.y).isCloseTo(38.90, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void fieldsAreFoundUnderTheNamesTheCallerGives() throws IOException {
        String text = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"XZQDM":"T1","XZQMC":"一镇","JB":"镇"},"geometry":{"type":"Polygon","coordinates":
                  [[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]}}]}""";
        MapProblems usual = refusal(write(text), null);
        assertThat(usual.kept().getFirst().english()).contains("feature 1: needs a code and a name", "--code-field");
        GeoJsonImport.Result named = new GeoJsonImport(new BoundaryFile.Fields("XZQDM", "XZQMC", "JB", null), 0.5).read(write(text), null);
        assertThat(named.areas()).extracting(Region::name).containsExactly("一镇");
    }

    @Test
    void onlyTheFirstFiftyProblemsAreKeptAndAllAreCounted() throws IOException {
        StringBuilder features = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            features.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"code\":\"G").append(i)
                    .append("\",\"name\":\"x\",\"level\":\"GRID\",\"parent\":\"NONE\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                            + "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.90]]]}}");
        }
        MapProblems problems = refusal(write("{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}"), null);
        assertThat(problems.count()).isEqualTo(120);
        assertThat(problems.kept()).hasSize(MapProblems.KEPT);
    }

    @Test
    void parentsGoingRoundInACircleAMissingGeometryAndAProvinceAreRefusedNotLoopedOn() throws IOException {
        String square = "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]";
        String text = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"A","name":"甲","parent":"B"},"geometry":{"type":"Polygon","coordinates":%1$s}},
                 {"type":"Feature","properties":{"code":"B","name":"乙","parent":"A"},"geometry":{"type":"Polygon","coordinates":%1$s}},
                 {"type":"Feature","properties":{"code":"C","name":"丙","level":"AREA"},"geometry":null},
                 {"type":"Feature","properties":{"adcode":120000,"name":"天津市","level":"province"},"geometry":{"type":"Polygon","coordinates":%1$s}}]}"""
                .formatted(square);
        MapProblems problems = refusal(write(text), null);
        assertThat(problems.kept()).extracting(MapProblems.Problem::english).anySatisfy(p -> assertThat(p).startsWith("C: geometry must be"))
                .anySatisfy(p -> assertThat(p).startsWith("120000: level 'province' is not"))
                .anySatisfy(p -> assertThat(p).startsWith("A: its parent B is a"));
    }

    @Test
    void levelsLeftOutAreFoundFromTheParentsAndALoneGridLayerIsRefused() throws IOException {
        String file = RealisticBoundaries.file(RealisticBoundaries.Options.usual()).replaceAll(",\\s*\"level\" : \"[a-z]+\"", "");
        assertThat(file).doesNotContain("\"level\"");
        GeoJsonImport.Result map = new GeoJsonImport().read(write(file), null);
        assertThat(map.district().code()).isEqualTo("120112");
        assertThat(map.areas()).hasSize(2);
        assertThat(map.communities()).hasSize(4);
        assertThat(map.grids()).hasSize(gridsIn(RealisticBoundaries.file(RealisticBoundaries.Options.usual())));
        String gridsOnly = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"G1","name":"一"},
                 "geometry":{"type":"Polygon","coordinates":[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]}}]}""";
        assertThat(refusal(write(gridsOnly), null).kept()).extracting(MapProblems.Problem::english)
                .containsExactly("G1: a grid (GRID) needs a parent community (COMMUNITY)");
    }

    @Test
    void anOverlapWiderThanTheToleranceIsRefusedAndTakenUnderAWiderOne() throws IOException {
        // two towns overlapping by 0.9 m along 1.1 km: wider than the default 0.5 m
        double overlapDegrees = 0.9 / (111_320 * Math.cos(Math.toRadians(38.905)));
        String b = String.format(java.util.Locale.ROOT, "%.9f", 117.31 - overlapDegrees);
        String text = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"A","name":"甲","level":"AREA"},"geometry":{"type":"Polygon","coordinates":
                  [[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]}},
                 {"type":"Feature","properties":{"code":"B","name":"乙","level":"AREA"},"geometry":{"type":"Polygon","coordinates":
                  [[[%1$s,38.90],[117.32,38.90],[117.32,38.91],[%1$s,38.91],[%1$s,38.90]]]}}]}""".formatted(b);
        assertThat(refusal(write(text), null).kept().getFirst().english()).startsWith("A: overlaps B: about 99");
        assertThat(new GeoJsonImport(BoundaryFile.Fields.USUAL, 2).read(write(text), null).areas()).hasSize(2);
    }

    @Test
    void aWebMercatorFileIsCheckedInItsOwnMetresAndACodeWrittenAsADecimalIsWhole() throws IOException {
        // a town cut along a 14 km diagonal; a grid's corner sits on the diagonal's middle, not a vertex of the community
        double[] sw = CoordinateSystem.WEB_MERCATOR.fromWgs(117.30, 38.85);
        double[] ne = CoordinateSystem.WEB_MERCATOR.fromWgs(117.40, 38.95);
        double x0 = sw[0];
        double y0 = sw[1];
        double x1 = ne[0];
        double y1 = ne[1];
        double mx = (x0 + x1) / 2;
        double my = (y0 + y1) / 2;
        String town = ring(x0, y0, x1, y0, x1, y1, x0, y1);
        String below = ring(x0, y0, x1, y0, x1, y1);
        String above = ring(x0, y0, x1, y1, x0, y1);
        String gridA = ring(x0, y0, mx, y0, mx, my);
        String gridB = ring(mx, y0, x1, y0, x1, y1, mx, my);
        String text = """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[
                 {"type":"Feature","properties":{"code":120112001.0,"name":"镇","level":"AREA"},"geometry":{"type":"Polygon","coordinates":[%s]}},
                 {"type":"Feature","properties":{"code":"C1","name":"下","parent":120112001.0},"geometry":{"type":"Polygon","coordinates":[%s]}},
                 {"type":"Feature","properties":{"code":"C2","name":"上","parent":"120112001"},"geometry":{"type":"Polygon","coordinates":[%s]}},
                 {"type":"Feature","properties":{"code":"C1-1","name":"甲","parent":"C1"},"geometry":{"type":"Polygon","coordinates":[%s]}},
                 {"type":"Feature","properties":{"code":"C1-2","name":"乙","parent":"C1"},"geometry":{"type":"Polygon","coordinates":[%s]}},
                 {"type":"Feature","properties":{"code":"C2-1","name":"丙","parent":"C2"},"geometry":{"type":"Polygon","coordinates":[%s]}}]}"""
                .formatted(town, below, above, gridA, gridB, above);
        GeoJsonImport.Result map = new GeoJsonImport().read(write(text), null);
        assertThat(map.areas()).extracting(Region::code).containsExactly("120112001");
        assertThat(map.grids()).hasSize(3);
        // converted with the shared corner: the grids still cover their community
        Region c1 = map.communities().getFirst();
        Geometry grids = map.grids().get(0).shape().union(map.grids().get(1).shape());
        assertThat(DemoDistrict.PROJECTION.areaKm2(c1.shape().symDifference(grids)) * 1e6).isLessThan(1);
    }

    @Test
    void latitudeFirstIsToldSoAndACrsThatDisagreesWithCoordinateSystemIsRefused() throws IOException {
        String swapped = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A","name":"甲","level":"AREA"},
                 "geometry":{"type":"Polygon","coordinates":[[[38.90,117.30],[38.90,117.31],[38.91,117.31],[38.91,117.30],[38.90,117.30]]]}}]}""";
        assertThat(refusal(write(swapped), null).kept().getFirst().english())
                .isEqualTo("A: 38.9 117.3 is outside China (latitude first? GeoJSON puts longitude first)");
        String both = """
                {"type":"FeatureCollection","coordinateSystem":"GCJ-02","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
                 "features":[{"type":"Feature","properties":{"code":"A","name":"甲","level":"AREA"},
                 "geometry":{"type":"Polygon","coordinates":[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]}}]}""";
        assertThat(refusal(write(both), null).kept().getFirst().english())
                .isEqualTo("the file's crs says WGS-84 but its coordinateSystem says GCJ-02: name the system with --crs");
        assertThat(new GeoJsonImport().read(write(both), "GCJ-02").system()).isEqualTo(CoordinateSystem.GCJ02);
    }

    private static String ring(double... xy) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i <= xy.length; i += 2) {
            int at = i % xy.length;
            b.append(i == 0 ? "" : ",").append("[").append(xy[at]).append(",").append(xy[at + 1]).append("]");
        }
        return b.append("]").toString();
    }

    private static int gridsIn(String file) {
        return file.split("\"level\" : \"grid\"", -1).length - 1;
    }
}
