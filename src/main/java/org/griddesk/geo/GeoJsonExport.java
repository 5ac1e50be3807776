package org.griddesk.geo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/// Writes regions as a GeoJSON FeatureCollection (RFC 7946): one Polygon feature per region with the
/// properties `code`, `name`, `level` and `parent`, longitude/latitude in WGS-84/CGCS2000, which the
/// collection also declares (`coordinateSystem`, and the legacy `crs` member older tools read).
/// Neighbours share their vertices exactly ([SharedVertices]): where a grid's corner lies on its
/// neighbour's or its community's edge, that edge has the vertex too, so a GIS's topology check
/// finds no gap between them.
public final class GeoJsonExport {
    /// a vertex this close to an edge is on it: the stored geometry's own rounding is far below
    static final double ON_EDGE_METRES = 0.05;

    private GeoJsonExport() {
    }

    public static void write(List<Region> regions, Writer out) throws IOException {
        List<Geometry> noded = SharedVertices.node(regions.stream().map(Region::shape).toList(), ON_EDGE_METRES);
        // a shape the shared vertices would make invalid (a sliver narrower than them) is written as stored
        List<Geometry> shapes = IntStream.range(0, regions.size())
                .mapToObj(i -> new IsValidOp(noded.get(i)).isValid() ? noded.get(i) : regions.get(i).shape()).toList();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            json.writeStringField("coordinateSystem", "WGS-84");
            json.writeObjectFieldStart("crs");
            json.writeStringField("type", "name");
            json.writeObjectFieldStart("properties");
            json.writeStringField("name", "urn:ogc:def:crs:OGC:1.3:CRS84");
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("features");
            for (int r = 0; r < regions.size(); r++) {
                Region region = regions.get(r);
                Geometry shape = shapes.get(r);
                json.writeStartObject();
                json.writeStringField("type", "Feature");
                json.writeObjectFieldStart("properties");
                json.writeStringField("code", region.code());
                json.writeStringField("name", region.name());
                json.writeStringField("level", region.level().name());
                if (region.parentCode() == null) {
                    json.writeNullField("parent");
                } else {
                    json.writeStringField("parent", region.parentCode());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("geometry");
                json.writeStringField("type", shape.getGeometryType()); // Polygon or MultiPolygon
                json.writeArrayFieldStart("coordinates");
                if (shape instanceof Polygon polygon) {
                    writeRings(json, polygon);
                } else {
                    for (int i = 0; i < shape.getNumGeometries(); i++) {
                        json.writeStartArray();
                        writeRings(json, (Polygon) shape.getGeometryN(i));
                        json.writeEndArray();
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void writeRings(JsonGenerator json, Polygon polygon) throws IOException {
        writeRing(json, polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(json, polygon.getInteriorRingN(i));
        }
    }

    private static void writeRing(JsonGenerator json, LinearRing ring) throws IOException {
        json.writeStartArray();
        for (Coordinate c : ring.getCoordinates()) {
            json.writeStartArray();
            json.writeNumber(c.x);
            json.writeNumber(c.y);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /// All regions of a map, areas first, then communities, then grids.
    public static List<Region> allRegions(List<Region> areas, List<Region> communities, List<Region> grids) {
        return Stream.of(areas, communities, grids).flatMap(List::stream).toList();
    }
}
