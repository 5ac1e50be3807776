package org.griddesk.geo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/// Boundary files that look like a real district's: drawn in GCJ-02 (as on AMap) around Jinnan, an
/// irregular district outline of many vertices cut into towns, communities and grids by a GIS (so a
/// grid's corner lies on its community's long edge without being one of its vertices), every
/// coordinate rounded to six decimals. Options make the variants the tests need.
public final class RealisticBoundaries {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    /// The district: two towns side by side, each of two communities, each of `gridsAcross`² grids.
    public record Options(int gridsAcross, double densifyMetres, boolean withDistrictFeature, boolean dataV, boolean dropSecondTown) {
        public static Options usual() {
            return new Options(3, 0, true, false, false);
        }

        public Options densified(double metres) {
            return new Options(gridsAcross, metres, withDistrictFeature, dataV, dropSecondTown);
        }

        public Options asDataV() {
            return new Options(gridsAcross, densifyMetres, withDistrictFeature, true, dropSecondTown);
        }

        public Options missingATown() {
            return new Options(gridsAcross, densifyMetres, withDistrictFeature, dataV, true);
        }

        public Options grids(int across) {
            return new Options(across, densifyMetres, withDistrictFeature, dataV, dropSecondTown);
        }
    }

    /// The district's outline: an irregular 40-gon about 12 km by 9 km centred on Jinnan.
    static Polygon outline(double densifyMetres) {
        Coordinate[] ring = new Coordinate[41];
        for (int i = 0; i < 40; i++) {
            double angle = 2 * Math.PI * i / 40;
            double wobble = 1 + 0.08 * Math.sin(5 * angle) + 0.05 * Math.cos(3 * angle);
            ring[i] = new Coordinate(117.40 + 0.075 * wobble * Math.cos(angle), 38.95 + 0.042 * wobble * Math.sin(angle));
        }
        ring[40] = ring[0];
        Polygon p = FACTORY.createPolygon(ring);
        return densifyMetres > 0 ? (Polygon) Densifier.densify(p, densifyMetres / 100_000) : p;
    }

    public static String file(Options o) {
        Polygon district = outline(o.densifyMetres());
        Envelope box = district.getEnvelopeInternal();
        ObjectNode root = JSON.createObjectNode().put("type", "FeatureCollection");
        root.putObject("crs").put("type", "name").putObject("properties").put("name", "GCJ-02");
        ArrayNode features = root.putArray("features");
        if (o.withDistrictFeature()) {
            features.add(feature(o, "120112", "津南区", "district", null, district));
        }
        double midX = box.getMinX() + box.getWidth() * 0.47;
        for (int t = 0; t < 2; t++) {
            if (t == 1 && o.dropSecondTown()) {
                continue;
            }
            Geometry town = district.intersection(rect(t == 0 ? box.getMinX() - 1 : midX, box.getMinY() - 1, t == 0 ? midX : box.getMaxX() + 1,
                    box.getMaxY() + 1));
            String townCode = "1201121" + t;
            features.add(feature(o, townCode, t == 0 ? "咸水沽镇" : "双港镇", "street", o.withDistrictFeature() ? "120112" : null, town));
            Envelope tb = town.getEnvelopeInternal();
            double midY = tb.getMinY() + tb.getHeight() * 0.55;
            for (int c = 0; c < 2; c++) {
                Geometry community = town.intersection(rect(tb.getMinX() - 1, c == 0 ? tb.getMinY() - 1 : midY, tb.getMaxX() + 1,
                        c == 0 ? midY : tb.getMaxY() + 1));
                String communityCode = townCode + "0" + c;
                features.add(feature(o, communityCode, (t == 0 ? "津沽苑" : "港湾") + (c + 1) + "社区", "community", townCode, community));
                grids(o, community, communityCode, features::add);
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /// The community's grids: cells of a skewed lattice clipped to it (their corners fall on the
    /// community's edges where it has no vertex).
    private static void grids(Options o, Geometry community, String communityCode, Consumer<ObjectNode> add) {
        Envelope cb = community.getEnvelopeInternal();
        int n = o.gridsAcross();
        int made = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x0 = cb.getMinX() + cb.getWidth() * (i == 0 ? -0.1 : (i + 0.13 * j) / n);
                double x1 = cb.getMinX() + cb.getWidth() * (i == n - 1 ? 1.1 : (i + 1 + 0.13 * j) / n);
                double y0 = cb.getMinY() + cb.getHeight() * (j == 0 ? -0.1 : (double) j / n);
                double y1 = cb.getMinY() + cb.getHeight() * (j == n - 1 ? 1.1 : (double) (j + 1) / n);
                Geometry cell = community.intersection(rect(x0, y0, x1, y1));
                if (cell.getArea() > 0) {
                    String code = communityCode + String.format("%02d", ++made);
                    add.accept(feature(o, code, "第" + made + "网格", "grid", communityCode, cell));
                }
            }
        }
    }

    private static Polygon rect(double x0, double y0, double x1, double y1) {
        return FACTORY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1),
            new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    static ObjectNode feature(Options o, String code, String name, String level, String parent, Geometry shape) {
        ObjectNode f = JSON.createObjectNode().put("type", "Feature");
        ObjectNode props = f.putObject("properties");
        if (o.dataV()) {
            props.put("adcode", Long.parseLong(code)).put("name", name).put("level", level);
            if (parent != null) {
                props.putObject("parent").put("adcode", Long.parseLong(parent));
            }
        } else {
            props.put("code", code).put("name", name).put("level", level);
            if (parent != null) {
                props.put("parent", parent);
            }
        }
        ObjectNode geometry = f.putObject("geometry");
        geometry.put("type", shape instanceof Polygon ? "Polygon" : "MultiPolygon");
        ArrayNode coordinates = geometry.putArray("coordinates");
        if (shape instanceof Polygon p) {
            rings(p, coordinates);
        } else {
            for (int i = 0; i < shape.getNumGeometries(); i++) {
                rings((Polygon) shape.getGeometryN(i), coordinates.addArray());
            }
        }
        return f;
    }

    private static void rings(Polygon p, ArrayNode out) {
        List<Coordinate[]> rings = new ArrayList<>();
        rings.add(p.getExteriorRing().getCoordinates());
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
            rings.add(p.getInteriorRingN(h).getCoordinates());
        }
        for (Coordinate[] ring : rings) {
            ArrayNode r = out.addArray();
            for (Coordinate c : ring) {
                r.addArray().add(round6(c.x)).add(round6(c.y));
            }
        }
    }

    /// Six decimals, as DataV and AMap give coordinates.
    static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
