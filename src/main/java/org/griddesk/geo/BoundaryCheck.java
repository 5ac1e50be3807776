package org.griddesk.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.geo.BoundaryFile.Feature;
import org.griddesk.geo.BoundaryFile.Tier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;

/// Checks a boundary file's features as one tiling, in the file's own coordinates (projected
/// affinely to metres, so a vertex on a straight edge stays on it): codes unique, each parent known
/// and one tier up, each region inside its parent, siblings neither overlapping nor leaving gaps,
/// the district's towns covering the district feature when there is one. Overlaps and gaps no wider
/// than the tolerance (rounding to six decimals, a GIS's slivers) are not problems; what is wider is
/// reported with its size and where it is. A MultiPolygon's parts that only share an edge are merged.
final class BoundaryCheck {
    /// A checked feature: its tier, its parent in the tiling (null for the district and, without a
    /// district feature, for the towns) and its shape in the file's degrees, parts merged.
    record Checked(Feature feature, Tier tier, String parent, Geometry shape) {
    }

    private final double toleranceMetres;
    private final FileFrame frame;
    private final CoordinateSystem system;
    private final MapProblems problems;
    /// codes of features refused while reading: a child naming one is not told its parent is unknown
    private final Set<String> refused;

    private BoundaryCheck(double toleranceMetres, FileFrame frame, BoundaryFile.Read file) {
        this.toleranceMetres = toleranceMetres;
        this.frame = frame;
        this.system = file.system();
        this.problems = file.problems();
        this.refused = file.refused();
    }

    /// The features as a tiling, or [MapProblems.InvalidMapException] with every problem, those met
    /// reading the file first.
    static List<Checked> check(BoundaryFile.Read file, double toleranceMetres) {
        if (file.features().isEmpty()) {
            throw new MapProblems.InvalidMapException(file.problems());
        }
        Envelope all = new Envelope();
        file.features().forEach(f -> all.expandToInclude(f.shape().getEnvelopeInternal()));
        BoundaryCheck check = new BoundaryCheck(toleranceMetres, FileFrame.of(all, file.system()), file);
        Map<String, Feature> byCode = check.unique(file.features());
        Map<String, Tier> tiers = check.tiers(byCode);
        if (check.problems.isEmpty()) {
            // the towns lie in the district feature when the file has one, whether they name it or not
            String district = tiers.entrySet().stream().filter(e -> e.getValue() == Tier.DISTRICT).map(Map.Entry::getKey)
                    .findFirst().orElse(null);
            List<Checked> checked = new ArrayList<>();
            for (Feature f : byCode.values()) {
                Geometry shape = check.merged(f);
                if (shape != null) {
                    Tier tier = tiers.get(f.code());
                    checked.add(new Checked(f, tier, tier == Tier.AREA ? district : tier == Tier.DISTRICT ? null : f.parent(), shape));
                }
            }
            if (check.problems.isEmpty()) {
                check.tiling(checked);
            }
            if (check.problems.isEmpty()) {
                return checked;
            }
        }
        throw new MapProblems.InvalidMapException(check.problems);
    }

    private Map<String, Feature> unique(List<Feature> features) {
        Map<String, Feature> byCode = new LinkedHashMap<>();
        for (Feature f : features) {
            if (byCode.putIfAbsent(f.code(), f) != null) {
                problems.add(f.code() + "：编码重复", f.code() + ": the code is used twice");
            }
        }
        return byCode;
    }

    /// Each feature's tier ([TierInference]); each parent must be one tier up; a town may name a
    /// district the file does not hold (DataV's towns name their district's adcode). A file whose
    /// levels were found from the parents and came out with no grids is refused: they were not what
    /// they seemed.
    private Map<String, Tier> tiers(Map<String, Feature> byCode) {
        Map<String, Tier> tiers = TierInference.of(byCode);
        long districts = tiers.values().stream().filter(t -> t == Tier.DISTRICT).count();
        if (districts > 1) {
            problems.add("文件中有 " + districts + " 个区级要素：最多一个", "the file holds " + districts + " district features: at most one");
        }
        if (!tiers.containsValue(Tier.GRID) && byCode.values().stream().anyMatch(f -> f.tier() == null)) {
            problems.add("文件中没有网格：请给每个要素标明级别（level 属性，或用 --level-field 指定）",
                    "the file holds no grids: give each feature its level (a level property, or name it with --level-field)");
        }
        for (Feature f : byCode.values()) {
            Tier tier = tiers.get(f.code());
            Feature parent = f.parent() == null ? null : byCode.get(f.parent());
            Tier parentTier = parent == null ? null : tiers.get(parent.code());
            if (tier == Tier.DISTRICT || tier == Tier.AREA && parent == null && (f.parent() == null || districts == 0)) {
                if (tier == Tier.DISTRICT && parent != null) {
                    problems.add(f.code() + "：区级要素不应有上级（写的是 " + f.parent() + "）",
                            f.code() + ": the district has no parent, but names " + f.parent());
                }
                continue;
            }
            Tier expected = Tier.values()[tier.ordinal() - 1];
            if (parent == null && refused.contains(f.parent())) {
                continue; // its parent's own problem is reported
            }
            if (parent == null) {
                problems.add(f.parent() == null ? f.code() + "：" + tierName(tier, true) + "须有上级" + tierName(expected, true)
                                : f.code() + "：未知上级 " + f.parent(),
                        f.parent() == null ? f.code() + ": a " + tierName(tier, false) + " needs a parent " + tierName(expected, false)
                                : f.code() + ": unknown parent " + f.parent());
            } else if (parentTier != expected) {
                problems.add(f.code() + "：上级 " + parent.code() + " 是" + tierName(parentTier, true) + "，应为" + tierName(expected, true),
                        f.code() + ": its parent " + parent.code() + " is a " + tierName(parentTier, false) + ", not a " + tierName(expected, false));
            }
        }
        return tiers;
    }

    private static String tierName(Tier t, boolean chinese) {
        return switch (t) {
            case DISTRICT -> chinese ? "区" : "district";
            case AREA -> chinese ? "镇街" : "town (AREA)";
            case COMMUNITY -> chinese ? "社区" : "community (COMMUNITY)";
            case GRID -> chinese ? "网格" : "grid (GRID)";
        };
    }

    /// A MultiPolygon's parts merged where they share an edge (DataV writes them so); parts that
    /// truly overlap are a problem.
    private Geometry merged(Feature f) {
        Geometry shape = f.shape();
        if (shape.getNumGeometries() == 1 || new IsValidOp(shape).isValid()) {
            return shape;
        }
        Geometry metres = frame.toMetres(shape);
        for (int i = 0; i < metres.getNumGeometries(); i++) {
            for (int j = i + 1; j < metres.getNumGeometries(); j++) {
                if (reportWide(problems, overlay(metres.getGeometryN(i), metres.getGeometryN(j), OverlayNG.INTERSECTION),
                        f.code() + "：MultiPolygon 的第 " + (i + 1) + " 块与第 " + (j + 1) + " 块重叠",
                        f.code() + ": invalid MultiPolygon: its parts " + (i + 1) + " and " + (j + 1) + " overlap")) {
                    return null;
                }
            }
        }
        Geometry union = UnaryUnionOp.union(shape);
        if (!new IsValidOp(union).isValid() || !(union instanceof Polygon || union.getGeometryType().equals("MultiPolygon"))) {
            problems.add(f.code() + "：MultiPolygon 的各块无法合并为有效区域", f.code() + ": invalid MultiPolygon: its parts do not merge into a valid shape");
            return null;
        }
        return union;
    }

    /// Each family of siblings is checked on its own, the families side by side (two cores check a
    /// district of 1,600 grids in about half the time); their problems are kept in the file's order.
    private void tiling(List<Checked> checked) {
        Map<String, Checked> byCode = new HashMap<>();
        Map<String, List<Checked>> children = new LinkedHashMap<>();
        checked.forEach(c -> byCode.put(c.feature().code(), c));
        for (Checked c : checked) {
            if (c.tier() != Tier.DISTRICT) {
                children.computeIfAbsent(c.parent(), k -> new ArrayList<>()).add(c);
            }
        }
        List<MapProblems> found = children.entrySet().parallelStream()
                .map(e -> siblings(e.getKey() == null ? null : byCode.get(e.getKey()), e.getValue())).toList();
        found.forEach(problems::addAll);
    }

    private MapProblems siblings(Checked parent, List<Checked> family) {
        MapProblems found = new MapProblems();
        List<Checked> siblings = new ArrayList<>(family);
        siblings.sort(Comparator.comparing(s -> s.feature().code()));
        STRtree tree = new STRtree();
        Map<Checked, Geometry> metres = new IdentityHashMap<>();
        for (Checked s : siblings) {
            Geometry g = frame.toMetres(s.shape());
            metres.put(s, g);
            tree.insert(g.getEnvelopeInternal(), s);
        }
        Geometry parentMetres = parent == null ? null : frame.toMetres(parent.shape());
        for (Checked s : siblings) {
            String code = s.feature().code();
            if (parentMetres != null) {
                reportWide(found, overlay(metres.get(s), parentMetres, OverlayNG.DIFFERENCE), code + "：超出上级 " + parent.feature().code(),
                        code + ": reaches outside its parent " + parent.feature().code());
            }
            @SuppressWarnings("unchecked")
            List<Checked> near = tree.query(metres.get(s).getEnvelopeInternal());
            for (Checked other : near) {
                if (other.feature().code().compareTo(code) > 0) {
                    reportWide(found, overlay(metres.get(s), metres.get(other), OverlayNG.INTERSECTION), code + "：与 " + other.feature().code() + " 重叠",
                            code + ": overlaps " + other.feature().code());
                }
            }
        }
        if (parentMetres != null) {
            Geometry union = UnaryUnionOp.union(siblings.stream().map(metres::get).toList());
            String code = parent.feature().code();
            boolean district = parent.tier() == Tier.DISTRICT;
            reportWide(found, overlay(parentMetres, union, OverlayNG.DIFFERENCE),
                    code + "：下级区域未铺满，留有空隙" + (district ? "（缺少某个镇街？）" : ""),
                    code + ": its children leave a gap" + (district ? " (a town missing?)" : ""));
        }
        return found;
    }

    private static Geometry overlay(Geometry a, Geometry b, int op) {
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) {
            return op == OverlayNG.DIFFERENCE ? a : a.getFactory().createEmpty(2);
        }
        return OverlayNGRobust.overlay(a, b, op);
    }

    /// Reports the parts of `metres` wider than the tolerance, their size and the largest's place; true
    /// when there were such parts.
    private boolean reportWide(MapProblems found, Geometry metres, String chinese, String english) {
        if (metres.isEmpty()) {
            return false;
        }
        double area = 0;
        Polygon largest = null;
        for (int i = 0; i < metres.getNumGeometries(); i++) {
            // wider than the tolerance: something is left when each side gives up half of it
            if (metres.getGeometryN(i) instanceof Polygon p && !p.buffer(-toleranceMetres / 2).isEmpty()) {
                area += p.getArea();
                largest = largest == null || p.getArea() > largest.getArea() ? p : largest;
            }
        }
        if (largest == null) {
            return false;
        }
        Coordinate inside = largest.getInteriorPoint().getCoordinate();
        String where = MapProblems.at(frame.toFile(inside.x, inside.y), system);
        String size = MapProblems.squareMetres(area);
        found.add(chinese + "：约 " + size + " 平方米，位于 " + where, english + ": about " + size + " m² at " + where);
        return true;
    }
}
