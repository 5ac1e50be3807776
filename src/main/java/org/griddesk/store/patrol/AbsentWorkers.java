package org.griddesk.store.patrol;

import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.PATROL_BATCH;
import static org.griddesk.store.jooq.Tables.REGION;

import java.time.LocalDate;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.jooq.DSLContext;

/// The town centre's list of grid workers with neither a patrol nor a visit on a working day (无巡查
///无走访). A worker's patrol is a batch that counts for their grid (the grid most of its points lie
/// in: each grid has one full-time worker, and the app's account is not tied to a worker record);
/// a visit is a must-visit household visit recorded under the worker's id that day.
public final class AbsentWorkers {
    /// A worker on the list: who, which grid and community, and their phone masked.
    public record Absent(String workerId, String name, String maskedPhone, String gridCode, String gridName,
                         String communityCode) {
    }

    private final DSLContext dsl;
    private final WorkCalendar calendar;

    /// Whether `unitId` is a town or street centre (its id is its area's code): its list is its
    /// town's; any other unit's (the district centre's) is the whole district's.
    public String townOf(String unitId) {
        return dsl.fetchExists(REGION, REGION.CODE.eq(unitId), REGION.REGION_LEVEL.eq("AREA")) ? unitId : null;
    }

    public AbsentWorkers(DSLContext dsl, WorkCalendar calendar) {
        this.dsl = dsl;
        this.calendar = calendar;
    }

    /// The workers of the town (area code = the town centre's id; null: the whole district) absent on
    /// `day`, by grid; empty on a day off (nobody is expected out).
    public List<Absent> of(String townCode, LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            return List.of();
        }
        var grid = REGION.as("g");
        var community = REGION.as("c");
        return dsl.select(GRID_WORKER.ID, GRID_WORKER.NAME, GRID_WORKER.PHONE, GRID_WORKER.GRID_CODE, grid.NAME,
                        GRID_WORKER.COMMUNITY_CODE)
                .from(GRID_WORKER).join(grid).on(grid.CODE.eq(GRID_WORKER.GRID_CODE))
                .join(community).on(community.CODE.eq(grid.PARENT_CODE))
                .where(townCode == null ? org.jooq.impl.DSL.noCondition() : community.PARENT_CODE.eq(townCode),
                        GRID_WORKER.IS_LEADER.isFalse(), grid.RETIRED_AT.isNull())
                .andNotExists(dsl.selectOne().from(PATROL_BATCH)
                        .where(PATROL_BATCH.PATROL_DAY.eq(day), PATROL_BATCH.GRID_CODE.eq(GRID_WORKER.GRID_CODE)))
                .andNotExists(dsl.selectOne().from(HOUSEHOLD_VISIT)
                        .where(HOUSEHOLD_VISIT.VISITED_ON.eq(day), HOUSEHOLD_VISIT.WORKER_ID.eq(GRID_WORKER.ID)))
                .orderBy(GRID_WORKER.GRID_CODE)
                .fetch(r -> new Absent(r.value1(), r.value2(), org.griddesk.domain.Masking.phone(r.value3()), r.value4(),
                        r.value5(), r.value6()));
    }
}
