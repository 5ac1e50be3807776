package org.griddesk.onboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;

/// The grid workers file: one full-time grid worker (网格员) per grid, and the communities' grid
/// leaders (网格长). A worker names the grid, a leader the community; the community of a worker's
/// grid follows from the grids and, when written, must agree.
final class WorkersFile {
    static final Column ID = Column.required("id", "编号");
    static final Column NAME = Column.required("name", "姓名");
    static final Column PHONE = Column.required("phone", "电话");
    static final Column GRID = Column.optional("grid", "网格");
    static final Column COMMUNITY = Column.optional("community", "社区");
    static final Column ROLE = Column.optional("role", "角色");
    static final List<Column> COLUMNS = List.of(ID, NAME, PHONE, GRID, COMMUNITY, ROLE);

    static final Choice<Boolean> ROLES = new Choice<Boolean>().with(false, "网格员", "worker", "grid worker", "专职网格员")
            .with(true, "网格长", "leader", "grid leader");

    private WorkersFile() {
    }

    static List<GridWorker> read(Sheet sheet, StoredDistrict stored) {
        ById<GridWorker> byId = new ById<>(ID, GridWorker::id);
        Map<String, GridWorker> byGrid = new HashMap<>();
        for (Sheet.Row row : sheet.rows()) {
            Optional<GridWorker> read = worker(row, stored);
            if (read.isEmpty() || read.get().leader()) {
                read.ifPresent(w -> byId.add(row, w));
                continue;
            }
            GridWorker w = read.get();
            GridWorker other = byGrid.get(w.gridCode());
            if (other != null) {
                int line = byId.row(other.id()).line();
                row.problem(GRID, "网格 " + w.gridCode() + " 已有网格员 " + other.id() + "（第 " + line + " 行）：每个网格一名专职网格员",
                        "grid " + w.gridCode() + " already has worker " + other.id() + " (line " + line + "): one full-time worker per grid");
            } else if (byId.add(row, w)) {
                byGrid.put(w.gridCode(), w);
            }
        }
        // a grid's worker in the store keeps the grid unless the file names them elsewhere
        for (GridWorker before : stored.workers()) {
            GridWorker now = before.leader() ? null : byGrid.get(before.gridCode());
            if (now != null && !now.id().equals(before.id()) && !byId.contains(before.id())) {
                byId.row(now.id()).problem(GRID, "网格 " + before.gridCode() + " 在库中已有网格员 " + before.id() + "：换人请沿用该编号",
                        "grid " + before.gridCode() + " has worker " + before.id() + " in the store: to change the person keep that id");
            }
        }
        return byId.values();
    }

    private static Optional<GridWorker> worker(Sheet.Row row, StoredDistrict stored) {
        String id = Cells.code(row, ID);
        String name = Cells.text(row, NAME, 50);
        String phone = Cells.phone(row, PHONE);
        Boolean leader = row.get(ROLE).isEmpty() ? Boolean.FALSE : Cells.choice(row, ROLE, ROLES);
        String community = leader == null ? null : leader ? leaderCommunity(row, stored) : workerCommunity(row, stored);
        if (leader == null || id == null || name == null || phone == null || community == null) {
            return Optional.empty();
        }
        return Optional.of(new GridWorker(id, name, phone, community, leader ? null : row.get(GRID), leader));
    }

    /// A worker's community: its grid's.
    private static String workerCommunity(Sheet.Row row, StoredDistrict stored) {
        String grid = row.get(GRID);
        if (grid.isEmpty()) {
            row.problem(GRID, "网格员须写明所在网格的代码", "a grid worker needs the code of the grid");
            return null;
        }
        Optional<Region> found = stored.region(grid, RegionLevel.GRID);
        if (found.isEmpty()) {
            row.problem(GRID, "库中没有网格 " + grid, "the store has no grid " + grid);
            return null;
        }
        String community = found.get().parentCode();
        if (!row.get(COMMUNITY).isEmpty() && !row.get(COMMUNITY).equals(community)) {
            row.problem(COMMUNITY, "网格 " + grid + " 属于社区 " + community + "，不是 " + row.get(COMMUNITY),
                    "grid " + grid + " is in community " + community + ", not " + row.get(COMMUNITY));
            return null;
        }
        return community;
    }

    private static String leaderCommunity(Sheet.Row row, StoredDistrict stored) {
        String community = row.get(COMMUNITY);
        if (!row.get(GRID).isEmpty()) {
            row.problem(GRID, "网格长属于社区，不填网格", "a grid leader belongs to a community: leave the grid empty");
            return null;
        }
        if (community.isEmpty()) {
            row.problem(COMMUNITY, "网格长须写明社区代码", "a grid leader needs the community's code");
            return null;
        }
        if (stored.region(community, RegionLevel.COMMUNITY).isEmpty()) {
            row.problem(COMMUNITY, "库中没有社区 " + community, "the store has no community " + community);
            return null;
        }
        return community;
    }
}
