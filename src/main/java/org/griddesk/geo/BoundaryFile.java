package org.griddesk.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.TextFile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/// A boundary file read as a GIS or DataV writes it: a GeoJSON FeatureCollection in UTF-8 (with or
/// without BOM) or GBK, its coordinate system from the caller, the standard `crs` member or our own
/// `coordinateSystem`, each feature's code, name, level and parent found under the names the file
/// uses (ours, DataV's `adcode`/`parent: {adcode}`, or those the caller names), and its shape in
/// the file's own coordinates (degrees, or EPSG:3857 metres). Nothing is converted to WGS-84 yet:
/// the checks run on the coordinates as written.
public final class BoundaryFile {
    /// a district's file of 1,600 grids densified to a few metres is tens of megabytes; the whole file is
    /// held as text and as a JSON tree, so the cap keeps that within a desk PC's memory
    static final long MAX_BYTES = 160L * 1024 * 1024;

    /// The tiers of a boundary file: the district itself (optional), its towns and streets (areas),
    /// communities and villages, grids.
    public enum Tier {
        DISTRICT, AREA, COMMUNITY, GRID;

        RegionLevel regionLevel() {
            return this == DISTRICT ? null : RegionLevel.valueOf(name());
        }
    }

    /// The property names the file uses; null for any means "the usual names".
    public record Fields(String code, String name, String level, String parent) {
        public static final Fields USUAL = new Fields(null, null, null, null);
    }

    /// One feature as read: `tier` is null when the file gives no level (it is found from the parents).
    public record Feature(int index, String code, String name, Tier tier, String parent, Geometry shape) {
        /// How a problem names it: its code, or its place in the file.
        String where(boolean chinese) {
            return code.isEmpty() ? (chinese ? "第 " + (index + 1) + " 个要素" : "feature " + (index + 1)) : code;
        }
    }

    /// The features that could be read, the system their coordinates are in, and the problems of
    /// those that could not.
    public record Read(List<Feature> features, CoordinateSystem system, MapProblems problems, Set<String> refused) {
    }

    private static final List<String> CODE_NAMES = List.of("code", "adcode", "CODE", "Code", "编码", "代码");
    private static final List<String> NAME_NAMES = List.of("name", "NAME", "Name", "名称");
    private static final List<String> LEVEL_NAMES = List.of("level", "LEVEL", "Level", "级别", "层级");
    private static final List<String> PARENT_NAMES = List.of("parent", "parent_code", "parentCode", "PARENT", "上级", "上级编码");
    private static final Map<String, Tier> TIERS = Map.ofEntries(
            Map.entry("district", Tier.DISTRICT), Map.entry("county", Tier.DISTRICT), Map.entry("区", Tier.DISTRICT),
            Map.entry("县", Tier.DISTRICT), Map.entry("区县", Tier.DISTRICT),
            Map.entry("area", Tier.AREA), Map.entry("street", Tier.AREA), Map.entry("town", Tier.AREA),
            Map.entry("township", Tier.AREA), Map.entry("镇", Tier.AREA), Map.entry("街道", Tier.AREA), Map.entry("乡", Tier.AREA),
            Map.entry("镇街", Tier.AREA), Map.entry("街镇", Tier.AREA), Map.entry("乡镇", Tier.AREA),
            Map.entry("community", Tier.COMMUNITY), Map.entry("village", Tier.COMMUNITY), Map.entry("社区", Tier.COMMUNITY),
            Map.entry("村", Tier.COMMUNITY), Map.entry("村居", Tier.COMMUNITY), Map.entry("社区村", Tier.COMMUNITY),
            Map.entry("grid", Tier.GRID), Map.entry("网格", Tier.GRID));

    private final GeometryFactory factory = new GeometryFactory();
    private final Fields fields;

    private BoundaryFile(Fields fields) {
        this.fields = fields;
    }

    /// Reads `file`; `declaredSystem` (the caller's `--crs`) overrides what the file says.
    /// Throws [MapProblems.InvalidMapException] with every problem found.
    public static Read read(Path file, String declaredSystem, Fields fields) throws IOException {
        String text;
        try {
            text = TextFile.read(file, MAX_BYTES).text();
        } catch (TextFile.NotTextException e) {
            throw MapProblems.InvalidMapException.of(e.chinese(), e.getMessage());
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            String zhWhere = e.getLocation() == null ? "" : "第 " + e.getLocation().getLineNr() + " 行第 " + e.getLocation().getColumnNr() + " 列";
            // the parser's own words are English: the Chinese message says what happened in Chinese
            boolean cut = e instanceof com.fasterxml.jackson.core.io.JsonEOFException;
            String chinese = cut
                    ? "文件在" + zhWhere + "意外结束，内容不完整（下载或复制中断？），不是有效的 JSON"
                    : "不是有效的 JSON：" + zhWhere + "处格式有误";
            // the parser's detail, without its note on where the source was (which it keeps to itself)
            String detail = java.util.Objects.toString(e.getOriginalMessage(), "").replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
                    .replaceAll("\\s*at \\[Source:.*?\\]", "").strip();
            String english = cut
                    ? "the file ends unexpectedly" + (where.isEmpty() ? "" : " at line " + where.replace(":", ", column ")) + ": it is incomplete (a download or copy cut"
                    + " short?), not valid JSON (" + detail + ")"
                    : "not valid JSON (at " + where + "): " + detail;
            throw MapProblems.InvalidMapException.of(chinese, english);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw MapProblems.InvalidMapException.of("文件须为 GeoJSON FeatureCollection", "the file must be a GeoJSON FeatureCollection");
        }
        return new BoundaryFile(fields).features(root, system(root, declaredSystem));
    }

    private static CoordinateSystem system(JsonNode root, String declared) {
        if (declared != null) {
            return named(declared);
        }
        JsonNode crs = root.path("crs").path("properties").path("name");
        JsonNode ours = root.path("coordinateSystem");
        CoordinateSystem standard = crs.isTextual() ? named(crs.asText()) : null;
        CoordinateSystem own = ours.isTextual() ? named(ours.asText()) : null;
        if (standard != null && own != null && standard != own) {
            throw MapProblems.InvalidMapException.of(
                    "文件的 crs 写的是 " + standard.label() + "，coordinateSystem 写的是 " + own.label() + "：请用 --crs 指明坐标系",
                    "the file's crs says " + standard.label() + " but its coordinateSystem says " + own.label()
                            + ": name the system with --crs");
        }
        return standard != null ? standard : own != null ? own : CoordinateSystem.WGS84;
    }

    private static CoordinateSystem named(String name) {
        return CoordinateSystem.named(name).orElseThrow(() -> MapProblems.InvalidMapException.of(
                "未知坐标系“" + name + "”：可用 WGS-84（EPSG:4326）、CGCS2000（EPSG:4490）、GCJ-02、BD-09 或 EPSG:3857",
                "unknown coordinate system '" + name + "': use WGS-84 (EPSG:4326), CGCS2000 (EPSG:4490), GCJ-02, BD-09 or EPSG:3857"));
    }

    private Read features(JsonNode root, CoordinateSystem system) {
        MapProblems problems = new MapProblems();
        List<Feature> out = new ArrayList<>();
        Set<String> refused = new HashSet<>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            Feature f = feature(index++, feature, system, problems);
            if (f != null) {
                out.add(f);
            } else {
                refused.add(text(field(feature.path("properties"), fields.code(), CODE_NAMES)));
            }
        }
        if (index == 0) {
            throw MapProblems.InvalidMapException.of("文件中没有要素", "the file has no features");
        }
        return new Read(out, system, problems, refused);
    }

    private Feature feature(int index, JsonNode feature, CoordinateSystem system, MapProblems problems) {
        JsonNode props = feature.path("properties");
        String code = text(field(props, fields.code(), CODE_NAMES));
        String name = text(field(props, fields.name(), NAME_NAMES));
        Feature named = new Feature(index, code, name, null, null, null);
        if (code.isEmpty() || name.isEmpty()) {
            String looked = (fields.code() != null ? fields.code() : "code/adcode") + ", " + (fields.name() != null ? fields.name() : "name");
            problems.add(named.where(true) + "：缺少编码或名称（查找的属性：" + looked + "；可用 --code-field、--name-field 指定）",
                    named.where(false) + ": needs a code and a name (looked for " + looked + "; name them with --code-field, --name-field)");
            return null;
        }
        JsonNode parentNode = field(props, fields.parent(), PARENT_NAMES);
        String parent = parentNode.isObject() ? text(parentNode.has("adcode") ? parentNode.path("adcode") : parentNode.path("code")) : text(parentNode);
        String levelText = text(field(props, fields.level(), LEVEL_NAMES));
        Tier tier = null;
        if (!levelText.isEmpty()) {
            tier = tier(levelText);
            if (tier == null) {
                problems.add(code + "：级别“" + levelText + "”不是 区、镇街（AREA）、社区（COMMUNITY）或网格（GRID）",
                        code + ": level '" + levelText + "' is not DISTRICT, AREA (town/street), COMMUNITY (or village) or GRID");
                return null;
            }
        }
        Geometry shape = shape(code, feature.path("geometry"), system, problems);
        return shape == null ? null : new Feature(index, code, name, tier, parent.isEmpty() ? null : parent, shape);
    }

    private static Tier tier(String text) {
        String t = text.strip();
        try {
            return Tier.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return TIERS.get(t.toLowerCase(Locale.ROOT));
        }
    }

    private static JsonNode field(JsonNode props, String named, List<String> usual) {
        if (named != null) {
            return props.path(named);
        }
        for (String n : usual) {
            if (props.has(n) && !props.get(n).isNull()) {
                return props.get(n);
            }
        }
        return props.path(usual.getFirst());
    }

    /// A value as text: a number (DataV's adcode 120112) without a decimal point; empty for none.
    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return "";
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            // QGIS writes a whole-number code of a Real field as 120112001.0
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asText().strip();
    }

    /// A Polygon or a MultiPolygon in the file's degrees; parts of a MultiPolygon that only share an
    /// edge (as DataV writes a town cut by a river) are merged; null with the problem noted otherwise.
    private Geometry shape(String code, JsonNode geometry, CoordinateSystem system, MapProblems problems) {
        String type = geometry.path("type").asText("");
        List<JsonNode> parts = new ArrayList<>();
        if (type.equals("Polygon")) {
            parts.add(geometry.path("coordinates"));
        } else if (type.equals("MultiPolygon")) {
            geometry.path("coordinates").forEach(parts::add);
        } else {
            problems.add(code + "：几何须为 Polygon 或 MultiPolygon，而不是“" + type + "”",
                    code + ": geometry must be a Polygon or a MultiPolygon, not '" + type + "'");
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode rings : parts) {
            Polygon polygon = polygon(code, rings, system, problems);
            if (polygon == null) {
                return null;
            }
            TopologyValidationError error = new IsValidOp(polygon).getValidationError();
            if (error != null) {
                problems.add(code + "：多边形无效（" + error.getMessage() + "，位于 " + MapProblems.at(error.getCoordinate(), system) + "）",
                        code + ": invalid Polygon (" + error.getMessage() + " at " + MapProblems.at(error.getCoordinate(), system) + ")");
                return null;
            }
            polygons.add(polygon);
        }
        if (polygons.isEmpty()) {
            problems.add(code + "：MultiPolygon 中没有多边形", code + ": the MultiPolygon has no polygon");
            return null;
        }
        return polygons.size() == 1 ? polygons.getFirst() : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private Polygon polygon(String code, JsonNode rings, CoordinateSystem system, MapProblems problems) {
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> coordinates = new ArrayList<>(ring.size());
            for (JsonNode point : ring) {
                if (!point.path(0).isNumber() || !point.path(1).isNumber()) {
                    problems.add(code + "：坐标须为 [经度, 纬度] 两个数", code + ": a coordinate is not a [longitude, latitude] pair");
                    return null;
                }
                double x = point.path(0).asDouble();
                double y = point.path(1).asDouble();
                double[] degrees = system.metres() ? system.toWgs(x, y) : new double[] {x, y};
                if (!ChinaCoordinates.inChina(degrees[0], degrees[1])) {
                    String written = plain(x) + " " + plain(y);
                    problems.add(code + "：" + written + " 不在中国境内" + hint(x, y, system),
                            code + ": " + written + " is outside China" + hintEnglish(x, y, system));
                    return null;
                }
                coordinates.add(new Coordinate(x, y));
            }
            if (coordinates.size() < 4 || !coordinates.getFirst().equals2D(coordinates.getLast())) {
                problems.add(code + "：环至少要有 4 个点，且首尾相同", code + ": a ring needs at least 4 positions and must end where it starts");
                return null;
            }
            parsed.add(factory.createLinearRing(coordinates.toArray(Coordinate[]::new)));
        }
        if (parsed.isEmpty()) {
            problems.add(code + "：多边形没有环", code + ": the polygon has no ring");
            return null;
        }
        return factory.createPolygon(parsed.getFirst(), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    /// A number as written: `117.3`, `13064311`, never `1.3064311E7`.
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static boolean looksLikeMetres(double x, double y, CoordinateSystem system) {
        return !system.metres() && (Math.abs(x) > 180 || Math.abs(y) > 90);
    }

    private static String hint(double x, double y, CoordinateSystem system) {
        if (!system.metres() && ChinaCoordinates.inChina(y, x)) {
            return "（经纬度写反了？GeoJSON 经度在前）";
        }
        return looksLikeMetres(x, y, system) ? "（像是米制坐标：若为 Web 墨卡托，请用 --crs EPSG:3857）" : "";
    }

    private static String hintEnglish(double x, double y, CoordinateSystem system) {
        if (!system.metres() && ChinaCoordinates.inChina(y, x)) {
            return " (latitude first? GeoJSON puts longitude first)";
        }
        return looksLikeMetres(x, y, system) ? " (these look like metres: for web-mercator give --crs EPSG:3857)" : "";
    }
}
