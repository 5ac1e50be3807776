package org.griddesk.store.mapversion;

import static org.griddesk.store.jooq.Tables.CAMERA;
import static org.griddesk.store.jooq.Tables.DISTRICT_FEATURE;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictChanges;
import org.griddesk.store.district.DistrictRepository;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/// Writes a new version of the district's map into a live store, in one transaction: regions
/// updated in place by code (a code keeps its history), new ones added, those the new version no
/// longer has retired (kept, marked), a centre for each new town, the outline, each camera of a
/// moved grid put in the grid its point now lies in, and the record desks and gateways follow
/// ([DistrictChanges]). Refused whole, before anything is written, when a code would change level.
public final class MapVersionWriter {
    /// What the new version changed, and what a person should look at next.
    ///
    /// @param changeSeq         the district change's number (0 when nothing changed)
    /// @param newCentres        centres made for new towns
    /// @param camerasMoved      cameras now in another grid
    /// @param camerasOutside    cameras of moved grids whose point lies in no grid now (left as they were)
    /// @param workersOnRetired  grid workers whose grid was retired, as `name (grid)`: to be assigned anew
    /// @param householdsOnRetired must-visit households of retired grids
    public record Outcome(MapDiff diff, long changeSeq, List<String> newCentres, int camerasMoved, int camerasOutside,
                          List<String> workersOnRetired, int householdsOnRetired) {
    }

    /// A new version that cannot go in as it is.
    public static final class Refused extends RuntimeException {
        private final List<MapDiff.LevelChange> codes;

        Refused(List<MapDiff.LevelChange> codes) {
            super("codes would change level: " + codes);
            this.codes = List.copyOf(codes);
        }

        /// Each code whose level the new version changes, with both levels.
        public List<MapDiff.LevelChange> codes() {
            return codes;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public MapVersionWriter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// Replaces the map by `areas`, `communities` and `grids` (WGS-84, checked whole by the import)
    /// and `outline`; `actor` is who did it, as the district's change record names them.
    public Outcome replace(List<Region> areas, List<Region> communities, List<Region> grids, Geometry outline, String actor) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            DistrictRepository stored = new DistrictRepository(tx);
            List<Region> current = new ArrayList<>();
            for (RegionLevel level : List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
                current.addAll(stored.regions(level));
            }
            Map<String, RegionLevel> levels = new HashMap<>();
            tx.select(REGION.CODE, REGION.REGION_LEVEL).from(REGION)
                    .forEach(r -> levels.put(r.value1(), RegionLevel.valueOf(r.value2())));
            List<Region> next = new ArrayList<>(areas);
            next.addAll(communities);
            next.addAll(grids);
            MapDiff diff = MapDiff.of(current, levels, next);
            if (!diff.levelChanged().isEmpty()) {
                throw new Refused(diff.levelChanged());
            }
            if (diff.isEmpty() && diff.otherTown().isEmpty()) {
                return new Outcome(diff, 0, List.of(), 0, 0, List.of(), 0);
            }
            OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
            Set<String> changed = new HashSet<>(diff.added());
            changed.addAll(diff.reshaped());
            changed.addAll(diff.renamed());
            writeRegions(tx, next.stream().filter(r -> changed.contains(r.code())).toList(), levels);
            if (!diff.retired().isEmpty()) {
                tx.update(REGION).set(REGION.RETIRED_AT, now).where(REGION.CODE.in(diff.retired())).execute();
            }
            tx.update(DISTRICT_FEATURE).set(DISTRICT_FEATURE.GEOMETRY_WKT, new WKTWriter().write(outline))
                    .where(DISTRICT_FEATURE.CODE.eq("OUTLINE")).execute();
            List<String> centres = newCentres(tx, areas);
            int[] cameras = placeCameras(tx, diff, grids);
            List<String> workers = tx.select(GRID_WORKER.NAME, GRID_WORKER.GRID_CODE).from(GRID_WORKER)
                    .where(GRID_WORKER.GRID_CODE.in(diff.retired())).orderBy(GRID_WORKER.GRID_CODE)
                    .fetch(r -> r.value1() + " (" + r.value2() + ")");
            int households = tx.fetchCount(VISIT_HOUSEHOLD, VISIT_HOUSEHOLD.GRID_CODE.in(diff.retired()));
            long seq = new DistrictChanges(tx, clock).record(DistrictChangeKind.MAP, actor, String.format(
                    "new map: %d added, %d reshaped, %d renamed, %d retired, %d in another town; %d new centres, %d cameras moved",
                    diff.added().size(), diff.reshaped().size(), diff.renamed().size(), diff.retired().size(),
                    diff.otherTown().size(), centres.size(), cameras[0]));
            return new Outcome(diff, seq, centres, cameras[0], cameras[1], workers, households);
        });
    }

    /// New regions inserted, changed ones (or ones brought back from retirement) updated in place.
    private static void writeRegions(DSLContext tx, List<Region> next, Map<String, RegionLevel> stored) {
        WKTWriter wkt = new WKTWriter();
        List<Query> writes = new ArrayList<>();
        for (Region r : next) {
            String shape = wkt.write(r.shape());
            writes.add(stored.containsKey(r.code())
                    ? tx.update(REGION).set(REGION.NAME, r.name()).set(REGION.PARENT_CODE, r.parentCode())
                            .set(REGION.DENSITY_WEIGHT, r.weight()).set(REGION.GEOMETRY_WKT, shape)
                            .setNull(REGION.RETIRED_AT).where(REGION.CODE.eq(r.code()))
                    : tx.insertInto(REGION).set(REGION.CODE, r.code()).set(REGION.NAME, r.name())
                            .set(REGION.REGION_LEVEL, r.level().name()).set(REGION.PARENT_CODE, r.parentCode())
                            .set(REGION.DENSITY_WEIGHT, r.weight()).set(REGION.GEOMETRY_WKT, shape));
        }
        if (!writes.isEmpty()) {
            tx.batch(writes).execute();
        }
    }

    /// A centre for each town that has none yet (its id is the town's code, under the district centre).
    private static List<String> newCentres(DSLContext tx, List<Region> areas) {
        String district = tx.select(ORG_UNIT.ID).from(ORG_UNIT)
                .where(ORG_UNIT.UNIT_LEVEL.eq(UnitLevel.DISTRICT.name()), ORG_UNIT.UNIT_KIND.eq(UnitKind.CENTRE.name()))
                .orderBy(ORG_UNIT.ID).limit(1).fetchOne(ORG_UNIT.ID);
        Set<String> units = Set.copyOf(tx.select(ORG_UNIT.ID).from(ORG_UNIT).fetch(ORG_UNIT.ID));
        List<String> made = new ArrayList<>();
        for (Region area : areas) {
            if (!units.contains(area.code())) {
                String name = area.name() + "网格化管理中心";
                tx.insertInto(ORG_UNIT).set(ORG_UNIT.ID, area.code()).set(ORG_UNIT.NAME, name)
                        .set(ORG_UNIT.UNIT_LEVEL, UnitLevel.STREET.name()).set(ORG_UNIT.UNIT_KIND, UnitKind.CENTRE.name())
                        .set(ORG_UNIT.PARENT_ID, district).execute();
                made.add(name);
            }
        }
        return made;
    }

    /// Each camera of a retired grid, and each of a reshaped grid whose point its grid no longer
    /// holds, goes to the grid its point lies in now (a camera set just outside its grid on purpose,
    /// on a grid that did not change, stays): {moved, in no grid}.
    private static int[] placeCameras(DSLContext tx, MapDiff diff, List<Region> next) {
        GridIndex grids = new GridIndex(next);
        Map<String, Geometry> shapes = new HashMap<>();
        next.forEach(g -> shapes.put(g.code(), g.shape()));
        GeometryFactory points = new GeometryFactory();
        Set<String> looked = new HashSet<>(diff.retired());
        looked.addAll(diff.reshaped());
        int moved = 0;
        int outside = 0;
        List<Query> writes = new ArrayList<>();
        for (var c : tx.select(CAMERA.CODE, CAMERA.LON, CAMERA.LAT, CAMERA.GRID_CODE).from(CAMERA)
                .where(CAMERA.GRID_CODE.in(looked)).fetch()) {
            Geometry own = shapes.get(c.value4());
            if (own != null && own.covers(points.createPoint(new Coordinate(c.value2(), c.value3())))) {
                continue;
            }
            var now = grids.locate(c.value2(), c.value3());
            if (now.isEmpty()) {
                outside++;
            } else if (!now.get().code().equals(c.value4())) {
                writes.add(tx.update(CAMERA).set(CAMERA.GRID_CODE, now.get().code()).where(CAMERA.CODE.eq(c.value1())));
                moved++;
            }
        }
        if (!writes.isEmpty()) {
            tx.batch(writes).execute();
        }
        return new int[] {moved, outside};
    }
}
