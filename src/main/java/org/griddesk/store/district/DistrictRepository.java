package org.griddesk.store.district;

import static org.griddesk.store.jooq.Tables.CAMERA;
import static org.griddesk.store.jooq.Tables.DISTRICT_FEATURE;
import static org.griddesk.store.jooq.Tables.GRID_POPULATION;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.TAXONOMY_CATEGORY;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;
import static org.griddesk.store.jooq.Tables.TEAM_TYPE;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.visit.VisitCoverage;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.geo.DistrictMap;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.Opened;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.RowInsert;
import org.griddesk.store.jooq.tables.records.VisitHouseholdRecord;
import org.griddesk.store.visit.VisitRepository;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The district in the store: organisation, geography, taxonomy, grid workers, people, cameras.
/// Saved whole in one transaction (a district is loaded all or nothing), read back by part.
public final class DistrictRepository {
    private static final Logger log = LoggerFactory.getLogger(DistrictRepository.class);
    private static final int BATCH = 2000;
    private static final List<Field<?>> VISIT_COLUMNS = List.of(HOUSEHOLD_VISIT.HOUSEHOLD_ID, HOUSEHOLD_VISIT.WORKER_ID,
            HOUSEHOLD_VISIT.VISITED_ON, HOUSEHOLD_VISIT.NOTE);

    private final DSLContext dsl;

    public DistrictRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public boolean hasDistrict() {
        return dsl.fetchExists(REGION);
    }

    /// Writes a whole district into an empty store; refuses when one is there already.
    public void save(DistrictMap map, Organisation organisation, Map<String, String> teamTypeByUnit, Taxonomy taxonomy,
                     List<GridWorker> workers, List<GridPopulation> population, List<Camera> cameras,
                     List<VisitHousehold> households) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(REGION)) {
                throw new IllegalStateException("this store already holds a district");
            }
            WKTWriter wkt = new WKTWriter();
            Rows rows = new Rows(tx);
            addTaxonomy(rows, taxonomy);
            for (Unit u : organisation.units()) {
                rows.add(ORG_UNIT, u.id(), u.name(), u.level().name(), u.kind().name(), u.parentId(), teamTypeByUnit.get(u.id()),
                        null, null); // contacts come from the district's own file (griddesk district import)
            }
            for (List<Region> level : List.of(map.areas(), map.communities(), map.grids())) {
                for (Region r : level) {
                    rows.add(REGION, r.code(), r.name(), r.level().name(), r.parentCode(), r.weight(), wkt.write(r.shape()), null);
                }
            }
            rows.add(DISTRICT_FEATURE, "OUTLINE", map.name(), wkt.write(map.outline()));
            if (map.river() != null) {
                rows.add(DISTRICT_FEATURE, "RIVER", "海河", wkt.write(map.river()));
            }
            for (GridWorker w : workers) {
                rows.add(GRID_WORKER, w.id(), w.name(), w.phone(), w.gridCode(), w.communityCode(), w.leader());
            }
            for (GridPopulation p : population) {
                rows.add(GRID_POPULATION, p.gridCode(), p.households(), p.residents(), p.specialGroups());
            }
            for (Camera c : cameras) {
                rows.add(CAMERA, c.code(), c.kind().name(), c.lon(), c.lat(), c.gridCode(), c.streamUrl());
            }
            PersonalDataVault vault = PersonalDataVault.of(dsl);
            for (VisitHousehold h : households) {
                // in the table's order: the head's name, phone and address sealed, then the phone's index and the key
                rows.add(VISIT_HOUSEHOLD, h.id(), h.gridCode(), h.category().name(),
                        vault.seal(PersonalField.HOUSEHOLD_NAME, h.headName()), vault.seal(PersonalField.HOUSEHOLD_PHONE, h.phone()),
                        vault.seal(PersonalField.HOUSEHOLD_ADDRESS, h.address()), vault.phoneIndex(h.phone()), vault.currentKeyId());
            }
            rows.execute();
        });
    }

    /// Rows per table, written as one prepared insert per table sent in JDBC batches (see
    /// [RowInsert]): a first start writes tens of thousands of them.
    private static final class Rows {
        private final DSLContext tx;
        private final Map<Table<?>, List<Object[]>> byTable = new LinkedHashMap<>();
        private final Map<Table<?>, List<Field<?>>> columns = new HashMap<>();

        Rows(DSLContext tx) {
            this.tx = tx;
        }

        /// A row with a value for every column of the table, in the table's order.
        void add(Table<?> table, Object... values) {
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        }

        /// A row that fills only some columns (the rest take their defaults, e.g. identities).
        void addColumns(Table<?> table, List<Field<?>> fields, Object... values) {
            columns.putIfAbsent(table, fields);
            add(table, values);
        }

        void execute() {
            tx.connection(c -> {
                for (Map.Entry<Table<?>, List<Object[]>> e : byTable.entrySet()) {
                    Table<?> table = e.getKey();
                    List<Field<?>> fields = columns.getOrDefault(table, List.of(table.fields()));
                    try (RowInsert.Batch batch = RowInsert.into(tx, table, fields).prepare(c)) {
                        List<Object[]> rows = e.getValue();
                        for (int from = 0; from < rows.size(); from += BATCH) {
                            batch.addAll(rows.subList(from, Math.min(rows.size(), from + BATCH)));
                            batch.send();
                        }
                    }
                }
            });
        }
    }

    /// The stored taxonomy and responsibility catalogue, with the team types.
    public Taxonomy taxonomy() {
        List<TeamType> teamTypes = dsl.selectFrom(TEAM_TYPE).orderBy(TEAM_TYPE.CODE)
                .fetch(r -> new TeamType(r.getCode(), UnitLevel.valueOf(r.getTypeLevel()), r.getName()));
        List<Category> all = dsl.selectFrom(TAXONOMY_CATEGORY).orderBy(TAXONOMY_CATEGORY.CODE)
                .fetch(r -> new Category(r.getCode(), r.getName(), r.getParentCode()));
        List<Item> items = dsl.selectFrom(TAXONOMY_ITEM).orderBy(TAXONOMY_ITEM.CODE).fetch(r -> new Item(r.getCode(), r.getName(),
                r.getCategoryCode(), r.getSubcategoryCode(),
                new DeadlinePolicy(DeadlineClass.valueOf(r.getDeadlineClass()),
                        r.getDeadlineDays()), r.getConsultation(), r.getStreetTeamType(), r.getDistrictTeamType()));
        return new Taxonomy(all.stream().filter(c -> c.parentCode() == null).toList(),
                all.stream().filter(c -> c.parentCode() != null).toList(), items, teamTypes);
    }

    /// Replaces the taxonomy, responsibility catalogue and team types whole, in one transaction.
    public void replaceTaxonomy(Taxonomy taxonomy) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(TAXONOMY_ITEM).execute();
            tx.deleteFrom(TAXONOMY_CATEGORY).execute();
            tx.deleteFrom(TEAM_TYPE).execute();
            Rows rows = new Rows(tx);
            addTaxonomy(rows, taxonomy);
            rows.execute();
        });
    }

    /// The whole stored map: outline, river (when known), areas, communities and grids.
    public Optional<DistrictMap> districtMap() {
        WKTReader reader = new WKTReader();
        var outline = dsl.selectFrom(DISTRICT_FEATURE).where(DISTRICT_FEATURE.CODE.eq("OUTLINE")).fetchOptional();
        if (outline.isEmpty()) {
            return Optional.empty();
        }
        var river = dsl.selectFrom(DISTRICT_FEATURE).where(DISTRICT_FEATURE.CODE.eq("RIVER")).fetchOptional()
                .map(r -> (LineString) read(reader, r.getGeometryWkt())).orElse(null);
        return Optional.of(new DistrictMap(outline.get().getName(), read(reader, outline.get().getGeometryWkt()), river,
                regions(RegionLevel.AREA), regions(RegionLevel.COMMUNITY), regions(RegionLevel.GRID)));
    }

    /// Per grid: its worker, people, cameras and this month's must-visits under the frequencies in
    /// force ([VisitRepository#coverage]), in one pass per table. A misconfigured frequency is logged
    /// and the defaults count (the map still draws; the visit plans refuse it in words).
    public Map<String, GridSummary> gridSummaries(YearMonth month) {
        Map<String, String> workers = dsl.select(GRID_WORKER.GRID_CODE, GRID_WORKER.NAME).from(GRID_WORKER)
                .where(GRID_WORKER.IS_LEADER.isFalse()).fetchMap(GRID_WORKER.GRID_CODE, GRID_WORKER.NAME);
        Map<String, Integer> cameras = dsl.select(CAMERA.GRID_CODE, DSL.count()).from(CAMERA).groupBy(CAMERA.GRID_CODE)
                .fetchMap(CAMERA.GRID_CODE, DSL.count());
        VisitRepository visitRows = new VisitRepository(dsl);
        VisitSchedule schedule;
        try {
            schedule = visitRows.schedule();
        } catch (IllegalArgumentException wrong) {
            log.warn("visit frequencies: {}; the map counts the defaults", wrong.getMessage());
            schedule = VisitSchedule.DEFAULT;
        }
        Map<String, VisitCoverage> visits = visitRows.coverage(month, schedule);
        Map<String, GridSummary> result = new HashMap<>();
        dsl.select(REGION.CODE, GRID_POPULATION.HOUSEHOLDS, GRID_POPULATION.RESIDENTS).from(REGION)
                .leftJoin(GRID_POPULATION).on(GRID_POPULATION.GRID_CODE.eq(REGION.CODE))
                .where(REGION.REGION_LEVEL.eq(RegionLevel.GRID.name()), REGION.RETIRED_AT.isNull())
                .forEach(r -> {
                    String code = r.get(REGION.CODE);
                    result.put(code, new GridSummary(code, workers.getOrDefault(code, ""),
                            r.get(GRID_POPULATION.HOUSEHOLDS) == null ? 0 : r.get(GRID_POPULATION.HOUSEHOLDS),
                            r.get(GRID_POPULATION.RESIDENTS) == null ? 0 : r.get(GRID_POPULATION.RESIDENTS),
                            cameras.getOrDefault(code, 0), visits.getOrDefault(code, VisitCoverage.NONE)));
                });
        return result;
    }

    /// Every camera of the district.
    public List<Camera> cameras() {
        return dsl.selectFrom(CAMERA).orderBy(CAMERA.CODE).fetch(r -> new Camera(r.getCode(),
                Camera.Kind.valueOf(r.getCameraKind()), r.getLon(), r.getLat(), r.getGridCode(), r.getStreamUrl()));
    }

    /// The rows of the team types, categories, subcategories and items.
    private static void addTaxonomy(Rows rows, Taxonomy taxonomy) {
        for (TeamType t : taxonomy.teamTypes()) {
            rows.add(TEAM_TYPE, t.code(), t.level().name(), t.name());
        }
        for (Category c : taxonomy.categories()) {
            rows.add(TAXONOMY_CATEGORY, c.code(), c.name(), c.parentCode());
        }
        for (Category c : taxonomy.subcategories()) {
            rows.add(TAXONOMY_CATEGORY, c.code(), c.name(), c.parentCode());
        }
        for (Item i : taxonomy.items()) {
            rows.add(TAXONOMY_ITEM, i.code(), i.name(), i.categoryCode(), i.subcategoryCode(), i.deadline().deadlineClass().name(),
                    i.deadline().workingDays(), i.consultation(), i.streetTeamType(), i.districtTeamType());
        }
    }

    /// The current regions of one level, with their shapes (not those a newer map retired).
    public List<Region> regions(RegionLevel level) {
        WKTReader reader = new WKTReader();
        return dsl.selectFrom(REGION).where(REGION.REGION_LEVEL.eq(level.name()), REGION.RETIRED_AT.isNull()).orderBy(REGION.CODE)
                .fetch(r -> new Region(r.getCode(), r.getName(), RegionLevel.valueOf(r.getRegionLevel()), r.getParentCode(),
                        read(reader, r.getGeometryWkt()), r.getDensityWeight()));
    }

    /// The current regions one level below `parentCode` (an area's communities, a community's grids), with their shapes.
    public List<Region> children(String parentCode) {
        WKTReader reader = new WKTReader();
        return dsl.selectFrom(REGION).where(REGION.PARENT_CODE.eq(parentCode), REGION.RETIRED_AT.isNull()).orderBy(REGION.CODE)
                .fetch(r -> new Region(r.getCode(), r.getName(), RegionLevel.valueOf(r.getRegionLevel()), r.getParentCode(),
                        read(reader, r.getGeometryWkt()), r.getDensityWeight()));
    }

    /// The region of this code, current or retired by a newer map (history names it).
    public Optional<Region> region(String code) {
        WKTReader reader = new WKTReader();
        return dsl.selectFrom(REGION).where(REGION.CODE.eq(code)).fetchOptional()
                .map(r -> new Region(r.getCode(), r.getName(), RegionLevel.valueOf(r.getRegionLevel()), r.getParentCode(),
                        read(reader, r.getGeometryWkt()), r.getDensityWeight()));
    }

    public Organisation organisation() {
        return Organisation.of(dsl.selectFrom(ORG_UNIT).orderBy(ORG_UNIT.ID).fetch(r -> new Unit(r.getId(), r.getName(),
                UnitLevel.valueOf(r.getUnitLevel()), UnitKind.valueOf(r.getUnitKind()), r.getParentId())));
    }

    /// Every handling team with its team type (the responsibility catalogue's link to the items).
    public List<Team> teams() {
        return dsl.selectFrom(ORG_UNIT).where(ORG_UNIT.UNIT_KIND.eq(UnitKind.TEAM.name()), ORG_UNIT.TEAM_TYPE.isNotNull())
                .orderBy(ORG_UNIT.ID)
                .fetch(r -> new Team(new Unit(r.getId(), r.getName(), UnitLevel.valueOf(r.getUnitLevel()),
                        UnitKind.TEAM, r.getParentId()), r.getTeamType()));
    }

    public Optional<GridWorker> gridWorker(String gridCode) {
        return dsl.selectFrom(GRID_WORKER).where(GRID_WORKER.GRID_CODE.eq(gridCode), GRID_WORKER.IS_LEADER.isFalse())
                .fetchOptional(r -> new GridWorker(r.getId(), r.getName(), r.getPhone(), r.getCommunityCode(), r.getGridCode(),
                        r.getIsLeader()));
    }

    public int count(RegionLevel level) {
        return dsl.fetchCount(REGION, REGION.REGION_LEVEL.eq(level.name()), REGION.RETIRED_AT.isNull());
    }

    public int cameraCount() {
        return dsl.fetchCount(CAMERA);
    }

    /// Records visits in one transaction.
    public void recordVisits(List<HouseholdVisit> visits) {
        dsl.transaction(cfg -> {
            Rows rows = new Rows(cfg.dsl());
            for (HouseholdVisit v : visits) {
                rows.addColumns(HOUSEHOLD_VISIT, VISIT_COLUMNS, v.householdId(), v.workerId(), v.visitedOn(), v.note());
            }
            rows.execute();
        });
    }

    /// Share of a grid's must-visit households visited at least once in `month` (1.0 when it has none).
    public double visitCoverage(String gridCode, YearMonth month) {
        int planned = dsl.fetchCount(VISIT_HOUSEHOLD, VISIT_HOUSEHOLD.GRID_CODE.eq(gridCode));
        if (planned == 0) {
            return 1.0;
        }
        int visited = dsl.fetchCount(dsl.selectDistinct(HOUSEHOLD_VISIT.HOUSEHOLD_ID).from(HOUSEHOLD_VISIT)
                .join(VISIT_HOUSEHOLD).on(VISIT_HOUSEHOLD.ID.eq(HOUSEHOLD_VISIT.HOUSEHOLD_ID))
                .where(VISIT_HOUSEHOLD.GRID_CODE.eq(gridCode),
                        HOUSEHOLD_VISIT.VISITED_ON.between(month.atDay(1), month.atEndOfMonth())));
        return (double) visited / planned;
    }

    /// The must-visit households of a grid, personal data opened with this desk's key (mask it for
    /// display); without the key their name, phone and address are null ([VisitHousehold#readable]).
    public List<VisitHousehold> visitHouseholds(String gridCode) {
        return dsl.selectFrom(VISIT_HOUSEHOLD).where(VISIT_HOUSEHOLD.GRID_CODE.eq(gridCode)).orderBy(VISIT_HOUSEHOLD.ID)
                .fetch(this::toHousehold);
    }

    /// Every must-visit household of the district, in id order, as [#visitHouseholds] reads them.
    public List<VisitHousehold> visitHouseholds() {
        return dsl.selectFrom(VISIT_HOUSEHOLD).orderBy(VISIT_HOUSEHOLD.ID).fetch(this::toHousehold);
    }

    /// One must-visit household, as [#visitHouseholds] reads them.
    public Optional<VisitHousehold> visitHousehold(String id) {
        return dsl.selectFrom(VISIT_HOUSEHOLD).where(VISIT_HOUSEHOLD.ID.eq(id)).fetchOptional(this::toHousehold);
    }

    /// The must-visit households with this phone, in any spelling, by its blind index; none without the key.
    public List<VisitHousehold> visitHouseholdsByPhone(String phone) {
        String index = PersonalDataVault.of(dsl).phoneIndex(phone);
        return index == null ? List.of()
                : dsl.selectFrom(VISIT_HOUSEHOLD).where(VISIT_HOUSEHOLD.PHONE_INDEX.eq(index)).orderBy(VISIT_HOUSEHOLD.ID)
                        .fetch(this::toHousehold);
    }

    private VisitHousehold toHousehold(VisitHouseholdRecord r) {
        PersonalDataVault vault = PersonalDataVault.of(dsl);
        Opened name = vault.open(PersonalField.HOUSEHOLD_NAME, r.getHeadName());
        Opened phone = vault.open(PersonalField.HOUSEHOLD_PHONE, r.getPhone());
        Opened address = vault.open(PersonalField.HOUSEHOLD_ADDRESS, r.getAddress());
        boolean readable = name.readable() && phone.readable() && address.readable();
        return new VisitHousehold(r.getId(), r.getGridCode(), VisitHousehold.Category.valueOf(r.getCategory()),
                readable ? name.textOrNull() : null, readable ? phone.textOrNull() : null, readable ? address.textOrNull() : null);
    }

    public int visitHouseholdCount() {
        return dsl.fetchCount(VISIT_HOUSEHOLD);
    }

    public int itemCount() {
        return dsl.fetchCount(TAXONOMY_ITEM);
    }

    public long residents() {
        Number sum = dsl.select(DSL.sum(GRID_POPULATION.RESIDENTS)).from(GRID_POPULATION).fetchOne(0, Number.class);
        return sum == null ? 0 : sum.longValue();
    }

    private static Geometry read(WKTReader reader, String wkt) {
        try {
            return reader.read(wkt);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry in the store", e);
        }
    }

    /// Changes what the responsibility catalogue says about one item (its deadline, whether the centre
    /// may answer it, its town and district team types); false when there is no such item.
    public boolean setItemRule(String itemCode, DeadlinePolicy deadline, boolean consultation, String streetTeamType,
                               String districtTeamType) {
        return dsl.update(TAXONOMY_ITEM).set(TAXONOMY_ITEM.DEADLINE_CLASS, deadline.deadlineClass().name())
                .set(TAXONOMY_ITEM.DEADLINE_DAYS, deadline.workingDays()).set(TAXONOMY_ITEM.CONSULTATION, consultation)
                .set(TAXONOMY_ITEM.STREET_TEAM_TYPE, streetTeamType).set(TAXONOMY_ITEM.DISTRICT_TEAM_TYPE, districtTeamType)
                .where(TAXONOMY_ITEM.CODE.eq(itemCode)).execute() > 0;
    }

    /// A region's code, name and parent, without its shape.
    public record RegionName(String code, String name, String parentCode) {
    }

    /// The current (not retired) regions of one level by code, without their shapes: for lists.
    public List<RegionName> regionNames(RegionLevel level) {
        return dsl.select(REGION.CODE, REGION.NAME, REGION.PARENT_CODE).from(REGION)
                .where(REGION.REGION_LEVEL.eq(level.name()), REGION.RETIRED_AT.isNull()).orderBy(REGION.CODE)
                .fetch(r -> new RegionName(r.value1(), r.value2(), r.value3()));
    }
}
