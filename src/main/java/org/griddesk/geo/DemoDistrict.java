package org.griddesk.geo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/// Generates a district shaped like Jinnan (DOMAIN.md §2): about 401 km² around 117.25–117.56 E,
/// 38.84–39.08 N with the 海河 along its north edge, 12 level-2 areas, about 200 communities and
/// villages and exactly 1574 grids that tile it. Town centres have many small grids, farmland few
/// large ones. Everything comes from the seed: the same seed gives the same district. Nothing is
/// taken from any map: shapes are made up, names are those of Jinnan's towns where known.
public final class DemoDistrict {
    public static final int GRIDS = 1574;
    public static final int COMMUNITIES = 200;
    public static final double AREA_KM2 = 401.0;
    public static final LocalProjection PROJECTION = new LocalProjection(117.405, 38.960);

    /// code, name, centre (km east, km north of the origin), population weight of its centre
    private static final Object[][] AREAS = {
        {"XSG", "咸水沽镇", -1.5, 0.5, 10.0},
        {"GG", "葛沽镇", 7.5, -0.5, 4.0},
        {"XZ", "小站镇", -1.0, -8.0, 4.0},
        {"SG", "双港镇", -7.5, 7.0, 5.0},
        {"XZH", "辛庄镇", -2.5, 7.5, 4.0},
        {"SQH", "双桥河镇", 3.5, 5.5, 3.0},
        {"BLT", "八里台镇", -8.0, -1.0, 3.0},
        {"BZK", "北闸口镇", 3.0, -5.5, 3.0},
        {"CQ", "长青街道", -5.0, 2.5, 6.0},
        {"HHJ", "海河街道", 8.5, 6.0, 3.0},
        {"KFQ", "津南经济开发区", 1.0, 1.5, 2.0},
        {"NYY", "津南农业园区", -7.0, -6.0, 0.5},
    };

    private static final String[] TOWN_PREFIX = {"丰", "泰", "和", "东", "西", "南", "北", "新", "康", "福", "盛", "德", "润",
        "安", "宁", "兴", "华", "柳", "桃", "杨", "津", "沽", "园", "瑞", "祥", "朝", "阳", "春", "秋", "景", "馨", "汇"};
    private static final String[] TOWN_SUFFIX = {"苑社区", "里社区", "家园社区", "花园社区", "新村社区", "庭社区"};
    private static final String[] VILLAGE_SUFFIX = {"庄村", "营村", "台村", "港村", "坨村", "圈村", "沽村", "堡村"};

    private final long seed;
    private final VoronoiTiler tiler = new VoronoiTiler(new PrecisionModel(1_000_000)); // millimetres in km units
    private final GeometryFactory km = tiler.factory();

    public DemoDistrict(long seed) {
        this.seed = seed;
    }

    public DistrictMap generate() {
        Random random = new Random(seed);
        LineString riverKm = river(random);
        Polygon outlineKm = outline(random, riverKm);
        List<Coordinate> areaSeeds = new ArrayList<>();
        for (Object[] a : AREAS) {
            areaSeeds.add(precise((double) a[2], (double) a[3]));
        }
        List<Polygon> areaShapes = tiler.tile(outlineKm, areaSeeds);

        double[] areaWeights = new double[AREAS.length];
        for (int i = 0; i < AREAS.length; i++) {
            areaWeights[i] = areaShapes.get(i).getArea() * meanDensity(areaShapes.get(i), random);
        }
        int[] communitiesPerArea = Apportion.largestRemainder(COMMUNITIES, sqrtAll(areaWeights), 8);

        List<Region> areas = new ArrayList<>();
        List<Region> communities = new ArrayList<>();
        List<Polygon> communityShapesKm = new ArrayList<>();
        List<Double> communityPopulation = new ArrayList<>();
        Set<String> usedNames = new HashSet<>();
        for (int a = 0; a < AREAS.length; a++) {
            String areaCode = (String) AREAS[a][0];
            Polygon areaKm = areaShapes.get(a);
            areas.add(new Region(areaCode, (String) AREAS[a][1], RegionLevel.AREA, null,
                    (Polygon) PROJECTION.toLonLat(areaKm), (double) AREAS[a][4]));
            List<Coordinate> seeds = sample(areaKm, communitiesPerArea[a], random, 0.7);
            List<Polygon> shapes = tiler.tile(areaKm, seeds);
            for (int c = 0; c < shapes.size(); c++) {
                Polygon shape = shapes.get(c);
                double density = density(shape.getCentroid().getCoordinate());
                boolean urban = density > 2.5;
                String name = uniqueName(random, usedNames, urban);
                communities.add(new Region(String.format("%s-%03d", areaCode, c + 1), name, RegionLevel.COMMUNITY, areaCode,
                        (Polygon) PROJECTION.toLonLat(shape), density));
                communityShapesKm.add(shape);
                communityPopulation.add(shape.getArea() * density);
            }
        }

        int[] gridsPerCommunity = Apportion.largestRemainder(GRIDS,
                communityPopulation.stream().mapToDouble(Double::doubleValue).toArray(), 2);
        List<Region> grids = new ArrayList<>();
        for (int c = 0; c < communities.size(); c++) {
            Region community = communities.get(c);
            List<Polygon> shapes = tiler.tile(communityShapesKm.get(c),
                    sample(communityShapesKm.get(c), gridsPerCommunity[c], random, 1.0));
            for (int g = 0; g < shapes.size(); g++) {
                grids.add(new Region(String.format("%s-%02d", community.code(), g + 1),
                        community.name() + "第" + (g + 1) + "网格", RegionLevel.GRID, community.code(),
                        (Polygon) PROJECTION.toLonLat(shapes.get(g)), community.weight()));
            }
        }
        return new DistrictMap("津南区", (Polygon) PROJECTION.toLonLat(outlineKm),
                (LineString) PROJECTION.toLonLat(riverKm), areas, communities, grids);
    }

    /// Population density in people-units per km² at a point: farmland is 1, town centres far more.
    static double density(Coordinate p) {
        double d = 1.0;
        for (Object[] a : AREAS) {
            double dx = p.x - (double) a[2];
            double dy = p.y - (double) a[3];
            double weight = (double) a[4];
            d += weight * 12 * Math.exp(-(dx * dx + dy * dy) / (2 * 1.6 * 1.6));
        }
        return d;
    }

    private double meanDensity(Polygon shape, Random random) {
        List<Coordinate> points = sample(shape, 40, random, 0.0);
        return points.stream().mapToDouble(DemoDistrict::density).average().orElse(1.0);
    }

    private static double[] sqrtAll(double[] values) {
        double[] r = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = Math.sqrt(values[i]);
        }
        return r;
    }

    /// `n` distinct points inside `shape`, more of them where density is high (`clustering` 0 =
    /// uniform, 1 = proportional to density).
    private List<Coordinate> sample(Polygon shape, int n, Random random, double clustering) {
        PreparedGeometry inside = PreparedGeometryFactory.prepare(shape.buffer(-0.02));
        var env = shape.getEnvelopeInternal();
        double maxDensity = 1 + 12 * 10.0;
        List<Coordinate> points = new ArrayList<>(n);
        Set<Coordinate> seen = new HashSet<>();
        int attempts = 0;
        while (points.size() < n) {
            attempts++;
            Coordinate c = precise(env.getMinX() + random.nextDouble() * env.getWidth(),
                    env.getMinY() + random.nextDouble() * env.getHeight());
            double accept = Math.pow(density(c) / maxDensity, clustering);
            if ((attempts > 20_000 || random.nextDouble() < accept) && inside.contains(km.createPoint(c)) && seen.add(c)) {
                points.add(c);
            }
            if (attempts > 200_000) {
                throw new IllegalStateException("cannot place " + n + " points in a region of " + shape.getArea() + " km²");
            }
        }
        return points;
    }

    private Coordinate precise(double x, double y) {
        Coordinate c = new Coordinate(x, y);
        km.getPrecisionModel().makePrecise(c);
        return c;
    }

    /// The 海河: a gently winding line across the north of the district, flowing east.
    private LineString river(Random random) {
        List<Coordinate> points = new ArrayList<>();
        double phase = random.nextDouble() * Math.PI;
        for (double x = -16; x <= 16.001; x += 0.5) {
            double y = 9.6 + 0.9 * Math.sin(x / 3.1 + phase) + 0.4 * Math.sin(x / 1.3 + 2 * phase) - 0.02 * x * x / 4;
            points.add(precise(x, y));
        }
        return km.createLineString(points.toArray(Coordinate[]::new));
    }

    /// A rounded, irregular outline of about 401 km², cut along the river in the north.
    private Polygon outline(Random random, LineString riverKm) {
        double[] amp = new double[6];
        double[] ph = new double[6];
        for (int k = 2; k < 6; k++) {
            amp[k] = 0.03 + random.nextDouble() * 0.05;
            ph[k] = random.nextDouble() * 2 * Math.PI;
        }
        double scale = 12.0;
        Polygon result = null;
        for (int iteration = 0; iteration < 6; iteration++) {
            List<Coordinate> ring = new ArrayList<>();
            for (int i = 0; i < 180; i++) {
                double t = 2 * Math.PI * i / 180;
                double r = 1;
                for (int k = 2; k < 6; k++) {
                    r += amp[k] * Math.sin(k * t + ph[k]);
                }
                ring.add(precise(scale * 1.05 * r * Math.cos(t), scale * 0.95 * r * Math.sin(t)));
            }
            ring.add(ring.getFirst());
            Polygon blob = km.createPolygon(ring.toArray(Coordinate[]::new));
            Geometry southOfRiver = OverlayNG.overlay(southOf(riverKm), bounds(), OverlayNG.INTERSECTION, km.getPrecisionModel());
            result = (Polygon) largest(OverlayNG.overlay(blob, southOfRiver, OverlayNG.INTERSECTION, km.getPrecisionModel()));
            scale *= Math.sqrt(AREA_KM2 / PROJECTION.areaKm2(PROJECTION.toLonLat(result)));
        }
        return result;
    }

    /// 117.25–117.56 E, 38.84–39.08 N in kilometres, 100 m inside.
    private Polygon bounds() {
        Coordinate sw = PROJECTION.toKm(117.25, 38.84);
        Coordinate ne = PROJECTION.toKm(117.56, 39.08);
        return (Polygon) km.toGeometry(new Envelope(sw.x + 0.1, ne.x - 0.1, sw.y + 0.1, ne.y - 0.1));
    }

    private Polygon southOf(LineString riverKm) {
        List<Coordinate> ring = new ArrayList<>(List.of(riverKm.getCoordinates()));
        ring.add(precise(16, -40));
        ring.add(precise(-16, -40));
        ring.add(ring.getFirst());
        return km.createPolygon(ring.toArray(Coordinate[]::new));
    }

    private static Geometry largest(Geometry g) {
        Geometry best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (best == null || g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    private static String uniqueName(Random random, Set<String> used, boolean urban) {
        for (int attempt = 0; ; attempt++) {
            String name = TOWN_PREFIX[random.nextInt(TOWN_PREFIX.length)] + TOWN_PREFIX[random.nextInt(TOWN_PREFIX.length)]
                    + (urban ? TOWN_SUFFIX[random.nextInt(TOWN_SUFFIX.length)] : VILLAGE_SUFFIX[random.nextInt(VILLAGE_SUFFIX.length)]);
            if (used.add(name) || attempt > 1000) {
                return name;
            }
        }
    }
}
