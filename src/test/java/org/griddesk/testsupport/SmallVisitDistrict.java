package org.griddesk.testsupport;

import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.REGION;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;

import java.time.Instant;
import java.time.LocalDate;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.jooq.DSLContext;

/// A district of must-visit households small enough to reason about by hand, for the visit plans'
/// tests and the overdue-visits screen's.
///
/// Two towns: A1 (甲镇) with communities C1 (grids G1, G2) and C2 (grid G3); A2 (乙镇) with C3 (grid G4).
/// Their centres are the units `A1` and `A2` under the district centre `JN` (a town centre's id is
/// its area's code, as in the demo). At [#NOW], Wednesday 18 November 2026, noon in Tianjin, the
/// overdue visits are G3-H002 (a quarterly veteran never visited), G2-H001 (monthly, last in
/// September), G4-H001 (monthly, never visited) and G1-H002 (an elder living alone, weekly, last
/// visited 2 November), in that order.
public final class SmallVisitDistrict {
    /// Wednesday 18 November 2026, noon in Tianjin
    public static final Instant NOW = Instant.parse("2026-11-18T04:00:00Z");

    private SmallVisitDistrict() {
    }

    /// Writes the regions, the centres, the households (head 户主, or the name given) and their visits.
    public static void write(DSLContext dsl) {
        unit(dsl, "JN", "区中心", "DISTRICT", null);
        unit(dsl, "A1", "甲镇网格化管理中心", "STREET", "JN");
        unit(dsl, "A2", "乙镇网格化管理中心", "STREET", "JN");
        region(dsl, "A1", "甲镇", "AREA", null);
        region(dsl, "A2", "乙镇", "AREA", null);
        region(dsl, "C1", "甲一社区", "COMMUNITY", "A1");
        region(dsl, "C2", "甲二社区", "COMMUNITY", "A1");
        region(dsl, "C3", "乙一社区", "COMMUNITY", "A2");
        region(dsl, "G1", "甲一社区第1网格", "GRID", "C1");
        region(dsl, "G2", "甲一社区第2网格", "GRID", "C1");
        region(dsl, "G3", "甲二社区第1网格", "GRID", "C2");
        region(dsl, "G4", "乙一社区第1网格", "GRID", "C3");
        household(dsl, "G1-H001", Category.ELDER_ALONE, LocalDate.of(2026, 11, 12));
        household(dsl, "G1-H002", Category.ELDER_ALONE, LocalDate.of(2026, 11, 2));
        household(dsl, "G1-H003", Category.POOR, LocalDate.of(2026, 11, 5));
        household(dsl, "G1-H004", Category.POOR, LocalDate.of(2026, 10, 20));
        household(dsl, "G2-H001", Category.POOR, LocalDate.of(2026, 9, 30));
        household(dsl, "G3-H001", Category.VETERAN, LocalDate.of(2026, 8, 1));
        household(dsl, "G3-H002", Category.VETERAN, null);
        household(dsl, "G4-H001", Category.HARDSHIP, null);
    }

    private static void unit(DSLContext dsl, String id, String name, String level, String parent) {
        dsl.insertInto(ORG_UNIT).set(ORG_UNIT.ID, id).set(ORG_UNIT.NAME, name).set(ORG_UNIT.UNIT_LEVEL, level)
                .set(ORG_UNIT.UNIT_KIND, "CENTRE").set(ORG_UNIT.PARENT_ID, parent).execute();
    }

    private static void region(DSLContext dsl, String code, String name, String level, String parent) {
        dsl.insertInto(REGION).set(REGION.CODE, code).set(REGION.NAME, name).set(REGION.REGION_LEVEL, level)
                .set(REGION.PARENT_CODE, parent).set(REGION.DENSITY_WEIGHT, 1.0)
                .set(REGION.GEOMETRY_WKT, "POLYGON ((117.3 38.9, 117.31 38.9, 117.31 38.91, 117.3 38.9))").execute();
    }

    private static void household(DSLContext dsl, String id, Category category, LocalDate visited) {
        String grid = id.substring(0, 2);
        dsl.insertInto(VISIT_HOUSEHOLD).set(VISIT_HOUSEHOLD.ID, id).set(VISIT_HOUSEHOLD.GRID_CODE, grid)
                .set(VISIT_HOUSEHOLD.CATEGORY, category.name()).set(VISIT_HOUSEHOLD.HEAD_NAME, "王户主" + id.substring(id.length() - 1))
                .set(VISIT_HOUSEHOLD.PHONE, "13800000000").set(VISIT_HOUSEHOLD.ADDRESS, "某社区1号楼").execute();
        if (visited != null) {
            visit(dsl, id, visited);
        }
    }

    /// A visit known by its day only (as the demo's are).
    public static void visit(DSLContext dsl, String household, LocalDate day) {
        dsl.insertInto(HOUSEHOLD_VISIT).set(HOUSEHOLD_VISIT.HOUSEHOLD_ID, household)
                .set(HOUSEHOLD_VISIT.WORKER_ID, "W-" + household.substring(0, 2)).set(HOUSEHOLD_VISIT.VISITED_ON, day).execute();
    }
}
