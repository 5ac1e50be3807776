package org.griddesk.onboard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.geo.RegionLevel;

/// The organisation file: centres, town teams and district departments, with their team types and
/// contacts. A town centre's id is its town's code in the grids (its tickets are those of the
/// town's grids); a team hangs under the centre of its own level; a team's type is one of the
/// catalogue's at that level. Units already in the store are replaced by the rows with their id.
final class UnitsFile {
    static final Column ID = Column.required("id", "编号");
    static final Column NAME = Column.required("name", "名称");
    static final Column KIND = Column.required("kind", "类别");
    static final Column LEVEL = Column.optional("level", "层级");
    static final Column PARENT = Column.optional("parent", "上级");
    static final Column TEAM_TYPE = Column.optional("team_type", "队伍类型");
    static final Column CONTACT = Column.optional("contact", "联系人");
    static final Column PHONE = Column.optional("phone", "联系电话");
    static final List<Column> COLUMNS = List.of(ID, NAME, KIND, LEVEL, PARENT, TEAM_TYPE, CONTACT, PHONE);

    /// What a row says a unit is: a centre, a town's team or a district department.
    enum Kind {
        CENTRE, TEAM, DEPARTMENT
    }

    static final Choice<Kind> KINDS = new Choice<Kind>().with(Kind.CENTRE, "中心", "centre", "center")
            .with(Kind.TEAM, "队伍", "team", "处置队伍").with(Kind.DEPARTMENT, "部门", "department", "职能部门");
    static final Choice<UnitLevel> LEVELS = new Choice<UnitLevel>().with(UnitLevel.CITY, "市", "city", "市级")
            .with(UnitLevel.DISTRICT, "区", "district", "区级").with(UnitLevel.STREET, "镇街", "street", "town", "街镇", "镇", "街道");

    private UnitsFile() {
    }

    /// The units of the file, checked against each other and the store.
    static List<UnitEntry> read(Sheet sheet, StoredDistrict stored) {
        ById<UnitEntry> byId = new ById<>(ID, e -> e.unit().id());
        for (Sheet.Row row : sheet.rows()) {
            entry(row, stored).ifPresent(e -> byId.add(row, e));
        }
        Map<String, Unit> all = new HashMap<>(stored.units());
        byId.values().forEach(e -> all.put(e.unit().id(), e.unit()));
        for (UnitEntry e : byId.values()) {
            checkParent(e.unit(), byId.row(e.unit().id()), all);
        }
        checkOneDistrictCentre(byId, all);
        return byId.values();
    }

    private static Optional<UnitEntry> entry(Sheet.Row row, StoredDistrict stored) {
        // every cell is read before giving up on the row, so that one pass names all its problems
        String id = Cells.code(row, ID);
        String name = Cells.text(row, NAME, 100);
        Kind kind = Cells.choice(row, KIND, KINDS);
        String levelText = row.get(LEVEL);
        UnitLevel given = levelText.isEmpty() ? null : Cells.choice(row, LEVEL, LEVELS);
        String contact = row.get(CONTACT).isEmpty() ? null : Cells.text(row, CONTACT, 50);
        String phone = row.get(PHONE).isEmpty() ? null : Cells.phone(row, PHONE);
        UnitLevel level = kind == null ? null : level(row, kind, given);
        String teamType = level == null ? null : teamType(row, kind, level, stored);
        if (id == null || name == null || level == null) {
            return Optional.empty();
        }
        String parent = row.get(PARENT).isEmpty() ? null : row.get(PARENT);
        Unit unit = new Unit(id, name, level, kind == Kind.CENTRE ? UnitKind.CENTRE : UnitKind.TEAM, parent);
        checkStored(unit, row, stored);
        // a flawed row takes no part in the checks across rows: they would only echo its problem
        return row.flawed() ? Optional.empty() : Optional.of(new UnitEntry(unit, teamType, contact, phone));
    }

    /// A team is at town level, a department at district level; a centre's level is written.
    private static UnitLevel level(Sheet.Row row, Kind kind, UnitLevel given) {
        if (!row.get(LEVEL).isEmpty() && given == null) {
            return null; // not a level: already a problem
        }
        UnitLevel level = switch (kind) {
            case TEAM -> UnitLevel.STREET;
            case DEPARTMENT -> UnitLevel.DISTRICT;
            case CENTRE -> given;
        };
        if (level == null) {
            row.problem(LEVEL, "中心须写明层级（" + LEVELS.accepted() + "）", "a centre needs its level (" + LEVELS.accepted() + ")");
        } else if (given != null && given != level) {
            row.problem(LEVEL, KINDS.write(kind) + "的层级是" + LEVELS.write(level) + "，不是" + LEVELS.write(given),
                    "a " + lower(kind) + " is at " + lower(level) + " level, not " + lower(given));
            return null;
        }
        return level;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /// The team type of a team or department (known to the catalogue at its level); none for a centre.
    private static String teamType(Sheet.Row row, Kind kind, UnitLevel level, StoredDistrict stored) {
        String code = row.get(TEAM_TYPE);
        if (kind == Kind.CENTRE) {
            if (!code.isEmpty()) {
                row.problem(TEAM_TYPE, "中心没有队伍类型（只有队伍和部门有）", "a centre has no team type (teams and departments do)");
            }
            return null;
        }
        if (code.isEmpty()) {
            row.problem(TEAM_TYPE, "队伍和部门须写明职责目录中的队伍类型", "a team or department needs its team type from the catalogue");
            return null;
        }
        TeamType type = stored.teamTypes().get(code);
        if (type == null) {
            row.problem(TEAM_TYPE, "职责目录中没有队伍类型 " + code + (stored.teamTypes().isEmpty()
                            ? "（库中还没有职责目录：先运行 griddesk taxonomy import）" : ""),
                    "the catalogue has no team type " + code + (stored.teamTypes().isEmpty()
                            ? " (the store has no catalogue yet: run griddesk taxonomy import first)" : ""));
            return null;
        }
        if (type.level() != level) {
            row.problem(TEAM_TYPE, "队伍类型 " + code + "（" + type.name() + "）属于" + LEVELS.write(type.level()) + "级，不是"
                    + LEVELS.write(level) + "级", "team type " + code + " is a " + lower(type.level()) + " type, not " + lower(level));
            return null;
        }
        return code;
    }

    /// A team's parent is the centre of its level; a centre's the centre one level up.
    private static void checkParent(Unit unit, Sheet.Row row, Map<String, Unit> all) {
        UnitLevel wanted = unit.isTeam() ? unit.level() : switch (unit.level()) {
            case STREET -> UnitLevel.DISTRICT;
            case DISTRICT -> UnitLevel.CITY;
            case CITY -> null;
        };
        if (unit.parentId() == null) {
            if (unit.isTeam() || unit.level() == UnitLevel.STREET) {
                row.problem(PARENT, "须写明上级中心的编号", "needs the id of the centre above it");
            }
            return;
        }
        Unit parent = all.get(unit.parentId());
        if (parent == null) {
            row.problem(PARENT, "未知上级 " + unit.parentId(), "unknown parent " + unit.parentId());
        } else if (!parent.isCentre() || parent.level() != wanted) {
            row.problem(PARENT, "上级 " + unit.parentId() + " 不是" + (wanted == null ? "" : LEVELS.write(wanted) + "级") + "中心",
                    "parent " + unit.parentId() + " is not a " + (wanted == null ? "" : lower(wanted) + " ") + "centre");
        }
    }

    /// A town centre owns its town's tickets by having the town's code; a unit keeps its kind.
    private static void checkStored(Unit unit, Sheet.Row row, StoredDistrict stored) {
        if (unit.isCentre() && unit.level() == UnitLevel.STREET && stored.region(unit.id(), RegionLevel.AREA).isEmpty()) {
            row.problem(ID, "镇街中心的编号须是其镇街在网格数据中的代码，库中没有镇街 " + unit.id(),
                    "a town centre's id is its town's code in the grids; the store has no town " + unit.id());
        }
        Unit before = stored.units().get(unit.id());
        if (before != null && before.kind() != unit.kind()) {
            row.problem(KIND, "库中的 " + unit.id() + " 是" + (before.isCentre() ? "中心" : "队伍") + "，类别不能改",
                    unit.id() + " is a " + lower(before.kind()) + " in the store; its kind cannot change");
        }
    }

    private static void checkOneDistrictCentre(ById<UnitEntry> byId, Map<String, Unit> all) {
        List<String> centres = all.values().stream()
                .filter(u -> u.isCentre() && u.level() == UnitLevel.DISTRICT).map(Unit::id).sorted().toList();
        if (centres.size() > 1) {
            byId.values().stream().filter(e -> centres.contains(e.unit().id())).findFirst().ifPresent(e ->
                    byId.row(e.unit().id()).problem(LEVEL, "一个区只有一个区级中心，现有 " + String.join("、", centres),
                            "a district has one district centre, here there would be " + String.join(", ", centres)));
        }
    }
}
