package org.griddesk.store.assessment;

import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;

import java.util.LinkedHashMap;
import java.util.Map;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.geo.RegionLevel;
import org.jooq.DSLContext;

/// The units of each dimension with their Chinese names, read from the organisation, the regions and
/// the grid workers.
final class UnitNames {
    private final DSLContext dsl;

    UnitNames(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The district centre (the unit of [UnitDimension#DISTRICT]): id and name.
    Map.Entry<String, String> district() {
        var r = dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT)
                .where(ORG_UNIT.UNIT_LEVEL.eq(UnitLevel.DISTRICT.name()), ORG_UNIT.UNIT_KIND.eq(UnitKind.CENTRE.name()))
                .orderBy(ORG_UNIT.ID).limit(1).fetchOne();
        return r == null ? Map.entry("JN", "全区") : Map.entry(r.value1(), r.value2());
    }

    /// Every unit of the dimension, id → name, in id order. Centres: those of the district and its
    /// towns (the city centre is named when a ticket escalated to it has figures: see [#everyName]).
    Map<String, String> of(UnitDimension dimension) {
        Map<String, String> names = new LinkedHashMap<>();
        switch (dimension) {
            case DISTRICT -> {
                var d = district();
                names.put(d.getKey(), d.getValue());
            }
            case CENTRE -> units(names, UnitKind.CENTRE, UnitLevel.DISTRICT, UnitLevel.STREET);
            case DEPARTMENT -> units(names, UnitKind.TEAM, UnitLevel.DISTRICT);
            case TEAM -> units(names, UnitKind.TEAM, UnitLevel.STREET);
            case COMMUNITY, GRID -> dsl.select(REGION.CODE, REGION.NAME).from(REGION)
                    .where(REGION.REGION_LEVEL.eq((dimension == UnitDimension.GRID ? RegionLevel.GRID : RegionLevel.COMMUNITY).name()))
                    .orderBy(REGION.CODE).forEach(r -> names.put(r.value1(), r.value2()));
            case GRID_WORKER -> dsl.select(GRID_WORKER.ID, GRID_WORKER.NAME).from(GRID_WORKER)
                    .where(GRID_WORKER.IS_LEADER.isFalse(), GRID_WORKER.GRID_CODE.isNotNull()).orderBy(GRID_WORKER.ID)
                    .forEach(r -> names.put(r.value1(), r.value2()));
        }
        return names;
    }

    /// The name of any centre (the city centre too), for a unit with figures outside [#of].
    String centreName(String id) {
        return dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(id)).fetchOptional(ORG_UNIT.NAME).orElse(id);
    }

    private void units(Map<String, String> names, UnitKind kind, UnitLevel... levels) {
        dsl.select(ORG_UNIT.ID, ORG_UNIT.NAME).from(ORG_UNIT)
                .where(ORG_UNIT.UNIT_KIND.eq(kind.name()), ORG_UNIT.UNIT_LEVEL.in(java.util.Arrays.stream(levels).map(Enum::name).toList()))
                .orderBy(ORG_UNIT.ID).forEach(r -> names.put(r.value1(), r.value2()));
    }
}
