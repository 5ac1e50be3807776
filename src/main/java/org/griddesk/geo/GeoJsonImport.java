package org.griddesk.geo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/// Reads a deployment's own areas, communities and grids from GeoJSON and checks them whole before
/// anything is written: geometry type and validity, coordinates inside China, codes unique, every
/// parent known and one level up, every region inside its parent, siblings neither overlapping nor
/// leaving gaps. Each problem names the feature's code. GCJ-02 coordinates (declared in the file's
/// `coordinateSystem` or by the caller) are converted to WGS-84.
public final class GeoJsonImport {
    /// Overlaps and gaps smaller than this (square degrees, about 10 m²) are rounding, not errors.
    private static final double TOLERANCE = 1e-9;

    private final GeometryFactory factory = new GeometryFactory();

    /// What a file holds when it passes every check.
    public record Result(List<Region> areas, List<Region> communities, List<Region> grids, String coordinateSystem) {
    }

    /// Reads and checks; throws [InvalidMapException] listing every problem found.
    public Result read(Path file, String declaredSystem) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new InvalidMapException(List.of("not valid JSON: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new InvalidMapException(List.of("the file must be a GeoJSON FeatureCollection"));
        }
        String system = (declaredSystem != null ? declaredSystem : root.path("coordinateSystem").asText("WGS-84"))
                .toUpperCase(Locale.ROOT).replace("_", "-");
        if (!List.of("WGS-84", "WGS84", "CGCS2000", "GCJ-02", "GCJ02").contains(system)) {
            throw new InvalidMapException(List.of("unknown coordinate system '" + system + "': use WGS-84, CGCS2000 or GCJ-02"));
        }
        boolean gcj = system.startsWith("GCJ");
        Map<String, Region> byCode = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode feature : root.path("features")) {
            String where = "feature " + index++;
            JsonNode props = feature.path("properties");
            String code = props.path("code").asText("").strip();
            if (!code.isEmpty()) {
                where = code;
            }
            String name = props.path("name").asText("").strip();
            String levelText = props.path("level").asText("").strip().toUpperCase(Locale.ROOT);
            String parent = props.path("parent").isNull() ? null : props.path("parent").asText(null);
            if (code.isEmpty() || name.isEmpty()) {
                problems.add(where + ": needs a code and a name");
                continue;
            }
            RegionLevel level;
            try {
                level = RegionLevel.valueOf(levelText);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": level '" + levelText + "' is not AREA, COMMUNITY or GRID");
                continue;
            }
            Geometry shape = shape(feature.path("geometry"), gcj, where, problems);
            if (shape == null) {
                continue;
            }
            if (byCode.containsKey(code)) {
                problems.add(code + ": the code is used twice");
                continue;
            }
            byCode.put(code, new Region(code, name, level, parent == null || parent.isBlank() ? null : parent.strip(), shape, 1.0));
        }
        if (byCode.isEmpty() && problems.isEmpty()) {
            problems.add("the file has no features");
        }
        checkParents(byCode, problems);
        if (problems.isEmpty()) {
            checkTiling(byCode, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidMapException(problems);
        }
        return new Result(ofLevel(byCode, RegionLevel.AREA), ofLevel(byCode, RegionLevel.COMMUNITY),
                ofLevel(byCode, RegionLevel.GRID), gcj ? "GCJ-02 (converted to WGS-84)" : "WGS-84");
    }

    /// A Polygon, or a MultiPolygon for a region in several pieces; null (with the problem noted)
    /// when the geometry is anything else or not valid.
    private Geometry shape(JsonNode geometry, boolean gcj, String where, List<String> problems) {
        String type = geometry.path("type").asText("");
        List<JsonNode> parts = new ArrayList<>();
        if (type.equals("Polygon")) {
            parts.add(geometry.path("coordinates"));
        } else if (type.equals("MultiPolygon")) {
            geometry.path("coordinates").forEach(parts::add);
        } else {
            problems.add(where + ": geometry must be a Polygon or a MultiPolygon, not '" + type + "'");
            return null;
        }
        List<Polygon> polygons = new ArrayList<>();
        for (JsonNode rings : parts) {
            Polygon polygon = polygon(rings, gcj, where, problems);
            if (polygon == null) {
                return null;
            }
            polygons.add(polygon);
        }
        if (polygons.isEmpty()) {
            problems.add(where + ": the MultiPolygon has no polygon");
            return null;
        }
        Geometry shape = polygons.size() == 1 ? polygons.getFirst() : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            problems.add(where + ": invalid " + shape.getGeometryType() + " (" + error.getMessage() + " at " + error.getCoordinate() + ")");
            return null;
        }
        return shape;
    }

    private Polygon polygon(JsonNode rings, boolean gcj, String where, List<String> problems) {
        List<LinearRing> parsed = new ArrayList<>();
        for (JsonNode ring : rings) {
            List<Coordinate> coordinates = new ArrayList<>();
            for (JsonNode point : ring) {
                double lon = point.path(0).asDouble(Double.NaN);
                double lat = point.path(1).asDouble(Double.NaN);
                if (Double.isNaN(lon) || Double.isNaN(lat)) {
                    problems.add(where + ": a coordinate is not a [longitude, latitude] pair");
                    return null;
                }
                if (!ChinaCoordinates.inChina(lon, lat)) {
                    problems.add(where + ": " + lon + " " + lat + " is outside China (longitude first?)");
                    return null;
                }
                double[] wgs = gcj ? ChinaCoordinates.gcjToWgs(lon, lat) : new double[] {lon, lat};
                coordinates.add(new Coordinate(wgs[0], wgs[1]));
            }
            if (coordinates.size() < 4 || !coordinates.getFirst().equals2D(coordinates.getLast())) {
                problems.add(where + ": a ring needs at least 4 positions and must end where it starts");
                return null;
            }
            parsed.add(factory.createLinearRing(coordinates.toArray(Coordinate[]::new)));
        }
        if (parsed.isEmpty()) {
            problems.add(where + ": the polygon has no ring");
            return null;
        }
        return factory.createPolygon(parsed.getFirst(), parsed.subList(1, parsed.size()).toArray(LinearRing[]::new));
    }

    private static void checkParents(Map<String, Region> byCode, List<String> problems) {
        for (Region r : byCode.values()) {
            RegionLevel expected = switch (r.level()) {
                case AREA -> null;
                case COMMUNITY -> RegionLevel.AREA;
                case GRID -> RegionLevel.COMMUNITY;
            };
            if (expected == null) {
                if (r.parentCode() != null) {
                    problems.add(r.code() + ": an area has no parent, but names " + r.parentCode());
                }
                continue;
            }
            Region parent = r.parentCode() == null ? null : byCode.get(r.parentCode());
            if (parent == null) {
                problems.add(r.code() + ": unknown parent " + r.parentCode());
            } else if (parent.level() != expected) {
                problems.add(r.code() + ": its parent " + parent.code() + " is a " + parent.level() + ", not a " + expected);
            }
        }
    }

    private void checkTiling(Map<String, Region> byCode, List<String> problems) {
        Map<String, List<Region>> children = new HashMap<>();
        List<Region> areas = new ArrayList<>();
        for (Region r : byCode.values()) {
            if (r.parentCode() == null) {
                areas.add(r);
            } else {
                children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        checkSiblings("the district", areas, null, problems);
        for (Map.Entry<String, List<Region>> e : children.entrySet()) {
            Region parent = byCode.get(e.getKey());
            checkSiblings(parent.code(), e.getValue(), parent.shape(), problems);
        }
    }

    private void checkSiblings(String parentName, List<Region> siblings, Geometry parent, List<String> problems) {
        STRtree tree = new STRtree();
        siblings.forEach(s -> tree.insert(s.shape().getEnvelopeInternal(), s));
        for (Region s : siblings) {
            if (parent != null && s.shape().difference(parent).getArea() > TOLERANCE) {
                problems.add(s.code() + ": reaches outside its parent " + s.parentCode());
            }
            @SuppressWarnings("unchecked")
            List<Region> near = tree.query(s.shape().getEnvelopeInternal());
            for (Region other : near) {
                if (other.code().compareTo(s.code()) > 0 && s.shape().intersection(other.shape()).getArea() > TOLERANCE) {
                    problems.add(s.code() + ": overlaps " + other.code());
                }
            }
        }
        if (parent != null) {
            Geometry union = UnaryUnionOp.union(siblings.stream().map(Region::shape).map(Geometry.class::cast).toList());
            double gap = parent.difference(union).getArea();
            if (gap > TOLERANCE) {
                problems.add(parentName + ": its children leave a gap of about "
                        + Math.round(DemoDistrict.PROJECTION.areaKm2(parent.difference(union)) * 1_000_000) + " m²");
            }
        }
    }

    private static List<Region> ofLevel(Map<String, Region> byCode, RegionLevel level) {
        return byCode.values().stream().filter(r -> r.level() == level).toList();
    }

    /// A map refused whole, with every reason.
    public static final class InvalidMapException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidMapException(List<String> problems) {
            super("invalid map: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
