package org.griddesk.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridPopulation;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.HouseholdVisit;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.Region;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/// Builds the demo district (DOMAIN.md §2, §8–§10) from a seed: geography, the city and district
/// centres, a centre and a team of every town-level type in each of the 12 areas, the district
/// departments, one grid worker per grid and a leader per community, about 690,000 residents with
/// 31,000 special-group records, and 7,081 HD, 80 checkpoint, 366 high-point and 945 face cameras.
public final class DemoDistrictGenerator {
    public static final long DEFAULT_SEED = 20211;
    public static final int RESIDENTS = 690_000;
    public static final int SPECIAL_GROUPS = 31_000;
    public static final String CITY_CENTRE = "TJ";
    public static final String DISTRICT_CENTRE = "JN";
    /// 津南区's administrative division code (行政区划代码, GB/T 2260)
    public static final String DISTRICT_CODE = "120112";
    /// the kinds of alarm the demo district's cameras and sensor platforms send (and `griddesk
    /// simulate` posts), with the item each names
    public static final java.util.Map<String, String> ALARM_ITEMS = java.util.Map.ofEntries(
            java.util.Map.entry("占道经营", "04-03-001"), java.util.Map.entry("垃圾堆放", "04-01-001"),
            java.util.Map.entry("车辆违停", "06-01-001"), java.util.Map.entry("人员聚集", "01-04-002"),
            java.util.Map.entry("烟火", "09-01-001"), java.util.Map.entry("井盖缺失", "06-03-002"),
            java.util.Map.entry("智慧井盖监测平台", "06-03-003"), java.util.Map.entry("道路积水监测平台", "01-05-001"),
            java.util.Map.entry("烟感报警平台", "01-02-006"), java.util.Map.entry("燃气泄漏监测平台", "05-04-001"));

    private final long seed;

    public DemoDistrictGenerator(long seed) {
        this.seed = seed;
    }

    public DemoDistrictData generate() {
        DistrictMap map = new DemoDistrict(seed).generate();
        Taxonomy taxonomy = TaxonomyCsv.demo();
        Random random = new Random(seed * 31 + 7);

        List<Unit> units = new ArrayList<>();
        List<Team> teams = new ArrayList<>();
        units.add(new Unit(CITY_CENTRE, "天津市网格化管理中心", UnitLevel.CITY, UnitKind.CENTRE, null));
        units.add(new Unit(DISTRICT_CENTRE, "津南区网格化管理中心", UnitLevel.DISTRICT, UnitKind.CENTRE, CITY_CENTRE));
        for (TeamType type : taxonomy.teamTypes()) {
            if (type.level() == UnitLevel.DISTRICT) {
                Unit department = new Unit(DISTRICT_CENTRE + "-" + type.code(), type.name(), UnitLevel.DISTRICT, UnitKind.TEAM,
                        DISTRICT_CENTRE);
                units.add(department);
                teams.add(new Team(department, type.code()));
            }
        }
        for (Region area : map.areas()) {
            units.add(new Unit(area.code(), area.name() + "网格化管理中心", UnitLevel.STREET, UnitKind.CENTRE, DISTRICT_CENTRE));
            for (TeamType type : taxonomy.teamTypes()) {
                if (type.level() == UnitLevel.STREET) {
                    Unit team = new Unit(area.code() + "-" + type.code(), area.name() + type.name(), UnitLevel.STREET,
                            UnitKind.TEAM, area.code());
                    units.add(team);
                    teams.add(new Team(team, type.code()));
                }
            }
        }

        DemoPeople people = new DemoPeople(random);
        List<GridWorker> workers = new ArrayList<>();
        for (Region community : map.communities()) {
            workers.add(new GridWorker("L-" + community.code(), people.name(), people.phone(), community.code(), null, true));
        }
        for (Region grid : map.grids()) {
            workers.add(new GridWorker("W-" + grid.code(), people.name(), people.phone(), grid.parentCode(), grid.code(), false));
        }
        List<GridPopulation> population = population(map, random);
        return new DemoDistrictData(seed, map, taxonomy, Organisation.of(units), teams, workers, population,
                cameras(map, random), households(map, population, people, random));
    }

    /// Residents in proportion to each grid's density and size, scaled to the district's total;
    /// special groups about 4.5 % of residents, a little more in villages.
    private static List<GridPopulation> population(DistrictMap map, Random random) {
        double[] weight = new double[map.grids().size()];
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            Region grid = map.grids().get(i);
            weight[i] = grid.weight() * DemoDistrict.PROJECTION.areaKm2(grid.shape()) * (0.8 + 0.4 * random.nextDouble());
            total += weight[i];
        }
        List<GridPopulation> result = new ArrayList<>();
        int residentsLeft = RESIDENTS;
        int specialLeft = SPECIAL_GROUPS;
        for (int i = 0; i < weight.length; i++) {
            boolean last = i == weight.length - 1;
            int residents = last ? residentsLeft : (int) Math.round(RESIDENTS * weight[i] / total);
            int special = last ? specialLeft : (int) Math.round(SPECIAL_GROUPS * weight[i] / total * (0.7 + 0.6 * random.nextDouble()));
            special = Math.max(0, Math.min(special, specialLeft));
            residents = Math.max(0, Math.min(residents, residentsLeft));
            residentsLeft -= residents;
            specialLeft -= special;
            int households = (int) Math.round(residents / (2.4 + 0.6 * random.nextDouble()));
            result.add(new GridPopulation(map.grids().get(i).code(), households, residents, special));
        }
        return result;
    }

    /// Visits of the last `months` months up to `today`: each household is visited once a month, on a
    /// day spread over the month; about 90 % of the plan is met in full months, and the current month is
    /// as far along as its days are.
    public static List<HouseholdVisit> visits(List<VisitHousehold> households, LocalDate today, int months, long seed) {
        Random random = new Random(seed * 13 + 5);
        List<HouseholdVisit> visits = new ArrayList<>();
        for (int m = months - 1; m >= 0; m--) {
            YearMonth month = YearMonth.from(today).minusMonths(m);
            for (VisitHousehold h : households) {
                LocalDate day = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
                if (random.nextDouble() < 0.9 && !day.isAfter(today)) {
                    visits.add(new HouseholdVisit(h.id(), "W-" + h.gridCode(), day, "走访正常"));
                }
            }
        }
        return visits;
    }

    /// The 8 must-visit groups' households: about two of every three special-group records of a grid
    /// are a household to visit monthly, spread over the eight groups.
    private static List<VisitHousehold> households(DistrictMap map, List<GridPopulation> population, DemoPeople people,
                                                   Random random) {
        Map<String, Region> grids = new HashMap<>();
        map.grids().forEach(g -> grids.put(g.code(), g));
        Map<String, String> communityNames = new HashMap<>();
        map.communities().forEach(c -> communityNames.put(c.code(), c.name()));
        VisitHousehold.Category[] categories = VisitHousehold.Category.values();
        List<VisitHousehold> result = new ArrayList<>();
        for (GridPopulation p : population) {
            Region grid = grids.get(p.gridCode());
            int count = (int) Math.round(p.specialGroups() * (0.5 + 0.3 * random.nextDouble()));
            for (int i = 0; i < count; i++) {
                String address = communityNames.get(grid.parentCode()) + (1 + random.nextInt(30)) + "号楼"
                        + (1 + random.nextInt(6)) + "门" + (101 + random.nextInt(6) * 100 + random.nextInt(4));
                result.add(new VisitHousehold(String.format("%s-H%03d", grid.code(), i + 1), grid.code(),
                        categories[random.nextInt(categories.length)], people.name(), people.phone(), address));
            }
        }
        return result;
    }

    /// Cameras: HD and face cameras mostly where people are (weighted by grid population density)
    /// and along community boundaries (the streets); checkpoints on the district outline (the roads
    /// in and out); high points spread evenly.
    private static List<Camera> cameras(DistrictMap map, Random random) {
        GeometryFactory factory = new GeometryFactory();
        List<Camera> cameras = new ArrayList<>();
        double[] cumulative = new double[map.grids().size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += map.grids().get(i).weight();
            cumulative[i] = sum;
        }
        for (Camera.Kind kind : Camera.Kind.values()) {
            for (int n = 0; n < kind.demoCount(); n++) {
                Region grid;
                Coordinate at;
                switch (kind) {
                    case CHECKPOINT -> {
                        Coordinate[] ring = map.outline().getCoordinates();
                        at = ring[(int) ((long) n * ring.length / kind.demoCount())];
                        grid = nearestGrid(map, at);
                    }
                    case HIGH_POINT -> {
                        grid = map.grids().get(random.nextInt(map.grids().size()));
                        at = pointIn(grid.mainPart(), random, factory);
                    }
                    default -> {
                        double pick = random.nextDouble() * cumulative[cumulative.length - 1];
                        int i = Arrays.binarySearch(cumulative, pick);
                        grid = map.grids().get(Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i));
                        at = random.nextBoolean() ? onBoundary(grid.mainPart(), random) : pointIn(grid.mainPart(), random, factory);
                    }
                }
                String code = String.format("JN-%s-%05d", kind.codePrefix(), n + 1);
                cameras.add(new Camera(code, kind, round(at.x), round(at.y), grid.code(), Camera.DEMO_STREAMS + code));
            }
        }
        return cameras;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static Region nearestGrid(DistrictMap map, Coordinate c) {
        var point = new GeometryFactory().createPoint(c);
        Region best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Region g : map.grids()) {
            double d = g.shape().distance(point);
            if (d < bestDistance) {
                bestDistance = d;
                best = g;
            }
        }
        return best;
    }

    private static Coordinate onBoundary(Polygon shape, Random random) {
        Coordinate[] ring = shape.getExteriorRing().getCoordinates();
        int i = random.nextInt(ring.length - 1);
        double t = random.nextDouble();
        Coordinate a = ring[i];
        Coordinate b = ring[i + 1];
        // just inside the grid: 2 % of the way to its centre
        Coordinate centre = shape.getCentroid().getCoordinate();
        double x = a.x + t * (b.x - a.x);
        double y = a.y + t * (b.y - a.y);
        return new Coordinate(x + 0.02 * (centre.x - x), y + 0.02 * (centre.y - y));
    }

    private static Coordinate pointIn(Polygon shape, Random random, GeometryFactory factory) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(shape);
        Envelope box = shape.getEnvelopeInternal();
        for (int attempt = 0; attempt < 200; attempt++) {
            Coordinate c = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (prepared.contains(factory.createPoint(c))) {
                return c;
            }
        }
        return shape.getInteriorPoint().getCoordinate();
    }
}
