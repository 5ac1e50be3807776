package org.griddesk.store.district;

import static org.griddesk.store.jooq.Tables.ACCOUNT;
import static org.griddesk.store.jooq.Tables.CAMERA;
import static org.griddesk.store.jooq.Tables.CHANNEL_KEY;
import static org.griddesk.store.jooq.Tables.EXTENSION_REQUEST;
import static org.griddesk.store.jooq.Tables.GRID_WORKER;
import static org.griddesk.store.jooq.Tables.ORG_UNIT;
import static org.griddesk.store.jooq.Tables.TICKET;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;
import static org.griddesk.store.jooq.Tables.VISIT_HOUSEHOLD;
import static org.griddesk.store.jooq.Tables.WHISTLE;

import java.util.List;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.PersonalField;
import org.griddesk.store.PersonalDataVault;
import org.griddesk.store.RowInsert;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/// The district's base data as its own files give it (griddesk district import): centres, teams
/// and departments with their contacts, grid workers, cameras and must-visit households. Each row
/// adds what is new and replaces what has the same id; rows the files do not name stay.
public final class BaseDataRepository {
    private static final int CHUNK = 1000;

    private final DSLContext dsl;

    public BaseDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// Writes all of it in one transaction, or nothing. Households are sealed with the store's data
    /// key (a store without one refuses them: [PersonalDataVault.NoDataKeyException]).
    public void write(List<UnitEntry> units, List<GridWorker> workers, List<Camera> cameras, List<VisitHousehold> households) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            PersonalDataVault vault = PersonalDataVault.of(dsl);
            replace(tx, ORG_UNIT, ORG_UNIT.ID, units.stream().map(u -> new Object[] {u.unit().id(), u.unit().name(),
                    u.unit().level().name(), u.unit().kind().name(), u.unit().parentId(), u.teamTypeCode(), u.contactName(),
                    u.contactPhone()}).toList(), ORG_UNIT.ID, ORG_UNIT.NAME, ORG_UNIT.UNIT_LEVEL, ORG_UNIT.UNIT_KIND,
                    ORG_UNIT.PARENT_ID, ORG_UNIT.TEAM_TYPE, ORG_UNIT.CONTACT_NAME, ORG_UNIT.CONTACT_PHONE);
            replace(tx, GRID_WORKER, GRID_WORKER.ID, workers.stream().map(w -> new Object[] {w.id(), w.name(), w.phone(),
                    w.gridCode(), w.communityCode(), w.leader()}).toList(), GRID_WORKER.ID, GRID_WORKER.NAME,
                    GRID_WORKER.PHONE, GRID_WORKER.GRID_CODE, GRID_WORKER.COMMUNITY_CODE, GRID_WORKER.IS_LEADER);
            replace(tx, CAMERA, CAMERA.CODE, cameras.stream().map(c -> new Object[] {c.code(), c.kind().name(), c.lon(), c.lat(),
                    c.gridCode(), c.streamUrl()}).toList(), CAMERA.CODE, CAMERA.CAMERA_KIND, CAMERA.LON, CAMERA.LAT,
                    CAMERA.GRID_CODE, CAMERA.STREAM_URL);
            replace(tx, VISIT_HOUSEHOLD, VISIT_HOUSEHOLD.ID, households.stream().map(h -> new Object[] {h.id(), h.gridCode(),
                    h.category().name(), vault.seal(PersonalField.HOUSEHOLD_NAME, h.headName()),
                    vault.seal(PersonalField.HOUSEHOLD_PHONE, h.phone()), vault.seal(PersonalField.HOUSEHOLD_ADDRESS, h.address()),
                    vault.phoneIndex(h.phone()), vault.currentKeyId()}).toList(), VISIT_HOUSEHOLD.ID, VISIT_HOUSEHOLD.GRID_CODE,
                    VISIT_HOUSEHOLD.CATEGORY, VISIT_HOUSEHOLD.HEAD_NAME, VISIT_HOUSEHOLD.PHONE, VISIT_HOUSEHOLD.ADDRESS,
                    VISIT_HOUSEHOLD.PHONE_INDEX, VISIT_HOUSEHOLD.KEY_ID);
        });
    }

    /// Deletes the rows with the ids of `rows` (their first value), then inserts `rows`.
    private static void replace(DSLContext tx, Table<?> table, TableField<?, String> id, List<Object[]> rows, Field<?>... columns) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> ids = rows.stream().map(r -> (String) r[0]).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            tx.deleteFrom(table).where(id.in(ids.subList(from, Math.min(ids.size(), from + CHUNK)))).execute();
        }
        tx.connection(c -> {
            try (RowInsert.Batch batch = RowInsert.into(tx, table, List.of(columns)).prepare(c)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    batch.addAll(rows.subList(from, Math.min(rows.size(), from + CHUNK)));
                    batch.send();
                }
            }
        });
    }

    /// Every centre, team and department with its team type and contact, in id order.
    public List<UnitEntry> units() {
        return dsl.selectFrom(ORG_UNIT).orderBy(ORG_UNIT.ID).fetch(r -> new UnitEntry(new Unit(r.getId(), r.getName(),
                UnitLevel.valueOf(r.getUnitLevel()), UnitKind.valueOf(r.getUnitKind()), r.getParentId()), r.getTeamType(),
                r.getContactName(), r.getContactPhone()));
    }

    /// Every grid worker and grid leader, in id order.
    public List<GridWorker> workers() {
        return dsl.selectFrom(GRID_WORKER).orderBy(GRID_WORKER.ID).fetch(r -> new GridWorker(r.getId(), r.getName(), r.getPhone(),
                r.getCommunityCode(), r.getGridCode(), r.getIsLeader()));
    }

    /// Adds the unit, or changes the one with its id (name, parent, team type, contact).
    public void saveUnit(UnitEntry entry) {
        Unit u = entry.unit();
        int changed = dsl.update(ORG_UNIT).set(ORG_UNIT.NAME, u.name()).set(ORG_UNIT.UNIT_LEVEL, u.level().name())
                .set(ORG_UNIT.UNIT_KIND, u.kind().name()).set(ORG_UNIT.PARENT_ID, u.parentId())
                .set(ORG_UNIT.TEAM_TYPE, entry.teamTypeCode()).set(ORG_UNIT.CONTACT_NAME, entry.contactName())
                .set(ORG_UNIT.CONTACT_PHONE, entry.contactPhone()).where(ORG_UNIT.ID.eq(u.id())).execute();
        if (changed == 0) {
            dsl.insertInto(ORG_UNIT).set(ORG_UNIT.ID, u.id()).set(ORG_UNIT.NAME, u.name()).set(ORG_UNIT.UNIT_LEVEL, u.level().name())
                    .set(ORG_UNIT.UNIT_KIND, u.kind().name()).set(ORG_UNIT.PARENT_ID, u.parentId())
                    .set(ORG_UNIT.TEAM_TYPE, entry.teamTypeCode()).set(ORG_UNIT.CONTACT_NAME, entry.contactName())
                    .set(ORG_UNIT.CONTACT_PHONE, entry.contactPhone()).execute();
        }
    }

    /// What still names a unit: tickets it owns, accepts, handles or acted on, accounts of its people,
    /// units under it and gateway keys of its team. A unit named by any of them must stay.
    public record UnitUses(int tickets, int accounts, int units, int keys) {
        public boolean any() {
            return tickets + accounts + units + keys > 0;
        }
    }

    public UnitUses uses(String unitId) {
        int accounts = dsl.fetchCount(ACCOUNT, ACCOUNT.UNIT_ID.eq(unitId));
        int units = dsl.fetchCount(ORG_UNIT, ORG_UNIT.PARENT_ID.eq(unitId));
        int keys = dsl.fetchCount(CHANNEL_KEY, CHANNEL_KEY.TEAM_UNIT.eq(unitId));
        int tickets = dsl.fetchCount(TICKET, TICKET.OWNER_UNIT.eq(unitId).or(TICKET.ACCEPTING_UNIT.eq(unitId))
                .or(TICKET.ASSIGNED_TEAM.eq(unitId)));
        if (tickets + accounts + units + keys == 0) {
            // a ticket's history names units too (who acted, which team was whistled, who asked for
            // more time): read only when nothing cheaper has already said the unit stays
            tickets = dsl.fetchCount(DSL.select(TICKET_EVENT.TICKET_ID).from(TICKET_EVENT).where(TICKET_EVENT.ACTOR_UNIT.eq(unitId))
                    .union(DSL.select(WHISTLE.TICKET_ID).from(WHISTLE).where(WHISTLE.TEAM_UNIT.eq(unitId)))
                    .union(DSL.select(EXTENSION_REQUEST.TICKET_ID).from(EXTENSION_REQUEST)
                            .where(EXTENSION_REQUEST.REQUESTING_UNIT.eq(unitId))));
        }
        return new UnitUses(tickets, accounts, units, keys);
    }

    /// Removes a unit (ask [#uses] first); false when there was none.
    public boolean removeUnit(String unitId) {
        return dsl.deleteFrom(ORG_UNIT).where(ORG_UNIT.ID.eq(unitId)).execute() > 0;
    }

    /// Makes `worker` the one full-time worker of its grid, or the one leader of its community:
    /// whoever held the post before leaves it (their row goes), and a row with the same id is replaced.
    public void holdPost(GridWorker worker) {
        var post = worker.leader()
                ? GRID_WORKER.IS_LEADER.isTrue().and(GRID_WORKER.COMMUNITY_CODE.eq(worker.communityCode()))
                : GRID_WORKER.IS_LEADER.isFalse().and(GRID_WORKER.GRID_CODE.eq(worker.gridCode()));
        dsl.deleteFrom(GRID_WORKER).where(post.or(GRID_WORKER.ID.eq(worker.id()))).execute();
        dsl.insertInto(GRID_WORKER).set(GRID_WORKER.ID, worker.id()).set(GRID_WORKER.NAME, worker.name())
                .set(GRID_WORKER.PHONE, worker.phone()).set(GRID_WORKER.GRID_CODE, worker.gridCode())
                .set(GRID_WORKER.COMMUNITY_CODE, worker.communityCode()).set(GRID_WORKER.IS_LEADER, worker.leader()).execute();
    }

    /// Adds the camera, or replaces the one with its code (its stream address kept unless given).
    public void saveCamera(Camera camera) {
        String stream = camera.streamUrl() != null ? camera.streamUrl()
                : dsl.select(CAMERA.STREAM_URL).from(CAMERA).where(CAMERA.CODE.eq(camera.code())).fetchOne(CAMERA.STREAM_URL);
        dsl.deleteFrom(CAMERA).where(CAMERA.CODE.eq(camera.code())).execute();
        dsl.insertInto(CAMERA).set(CAMERA.CODE, camera.code()).set(CAMERA.CAMERA_KIND, camera.kind().name())
                .set(CAMERA.LON, camera.lon()).set(CAMERA.LAT, camera.lat()).set(CAMERA.GRID_CODE, camera.gridCode())
                .set(CAMERA.STREAM_URL, stream).execute();
    }
}
