package org.griddesk.store.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.griddesk.domain.Phone;
import org.griddesk.domain.district.DistrictCode;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitEntry;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.OrganisationAdministration.NewUnit;
import org.griddesk.security.Session;
import org.griddesk.store.district.BaseDataRepository;
import org.griddesk.store.district.BaseDataRepository.UnitUses;
import org.griddesk.store.district.DistrictRepository;

/// The organisation for [DistrictAdministrationService]: centres, teams and departments, held to
/// the organisation file's rules (a town centre's id is its town's code, a team under the centre of
/// its level with a team type of that level from the catalogue, one district centre). A unit still
/// named by tickets, accounts, units or keys is not removed; the refusal says what names it.
final class OrganisationAdministrator {
    private static final int MAX_NAME = 100;
    private static final int MAX_CONTACT = 50;

    private final DistrictEdit edit;

    OrganisationAdministrator(DistrictEdit edit) {
        this.edit = edit;
    }

    List<UnitEntry> units(Session by) {
        edit.require(by, "units");
        return new BaseDataRepository(edit.dsl()).units();
    }

    List<TeamType> teamTypes(Session by) {
        edit.require(by, "units");
        return new DistrictRepository(edit.dsl()).taxonomy().teamTypes();
    }

    void add(Session by, NewUnit entry) {
        String id = DistrictEdit.typed(entry.id());
        String target = target(id);
        edit.require(by, target);
        Map<String, UnitEntry> all = byId();
        if (!DistrictCode.valid(id)) {
            throw edit.refuse(by, target, "admin.district.org.badId", id == null ? "" : id);
        }
        if (all.containsKey(id)) {
            throw edit.refuse(by, target, "admin.district.org.idTaken", id);
        }
        if (entry.level() == null || entry.kind() == null) {
            throw edit.refuse(by, target, "admin.district.org.kindLevel");
        }
        String name = checkedName(by, target, entry.name());
        Unit unit = new Unit(id, name, entry.level(), entry.kind(), DistrictEdit.typed(entry.parentId()));
        checkPlace(by, unit, all);
        String teamType = unit.isTeam() ? checkedTeamType(by, target, unit.level(), entry.teamTypeCode()) : null;
        if (unit.isCentre() && DistrictEdit.typed(entry.teamTypeCode()) != null) {
            throw edit.refuse(by, target, "admin.district.org.centreNoTeamType");
        }
        String contact = DistrictEdit.typed(entry.contactName());
        String phone = DistrictEdit.typed(entry.contactPhone());
        String[] checked = contact == null && phone == null ? new String[2] : checkedContact(by, target, contact, phone);
        UnitEntry added = new UnitEntry(unit, teamType, checked[0], checked[1]);
        edit.commit(by, target, "added " + unit.kind() + " " + unit.level() + " " + name
                + (added.unit().parentId() == null ? "" : " under " + added.unit().parentId()) + (teamType == null ? "" : " type " + teamType),
                tx -> new BaseDataRepository(tx).saveUnit(added));
    }

    void rename(Session by, String unitId, String name) {
        String target = target(unitId);
        edit.require(by, target);
        UnitEntry before = existing(by, target, unitId);
        String checked = checkedName(by, target, name);
        Unit u = before.unit();
        edit.commit(by, target, "renamed from " + u.name() + " to " + checked, tx -> new BaseDataRepository(tx).saveUnit(
                new UnitEntry(new Unit(u.id(), checked, u.level(), u.kind(), u.parentId()), before.teamTypeCode(),
                        before.contactName(), before.contactPhone())));
    }

    void changeContact(Session by, String unitId, String name, String phone) {
        String target = target(unitId);
        edit.require(by, target);
        UnitEntry before = existing(by, target, unitId);
        String contact = DistrictEdit.typed(name);
        // a phone left blank beside a name keeps the one stored (the screen never shows it whole)
        String typedPhone = DistrictEdit.typed(phone) == null && contact != null ? before.contactPhone() : DistrictEdit.typed(phone);
        String[] checked = contact == null && typedPhone == null ? new String[2] : checkedContact(by, target, contact, typedPhone);
        // the audit names the change, not the person's phone (personal data stays out of the log)
        edit.commit(by, target, checked[0] == null ? "contact cleared" : "contact changed", tx -> new BaseDataRepository(tx)
                .saveUnit(new UnitEntry(before.unit(), before.teamTypeCode(), checked[0], checked[1])));
    }

    void changeTeamType(Session by, String unitId, String teamTypeCode) {
        String target = target(unitId);
        edit.require(by, target);
        UnitEntry before = existing(by, target, unitId);
        if (!before.unit().isTeam()) {
            throw edit.refuse(by, target, "admin.district.org.centreNoTeamType");
        }
        String type = checkedTeamType(by, target, before.unit().level(), teamTypeCode);
        edit.commit(by, target, "team type " + before.teamTypeCode() + " -> " + type, tx -> new BaseDataRepository(tx)
                .saveUnit(new UnitEntry(before.unit(), type, before.contactName(), before.contactPhone())));
    }

    void remove(Session by, String unitId) {
        String target = target(unitId);
        edit.require(by, target);
        UnitEntry before = existing(by, target, unitId);
        UnitUses uses = new BaseDataRepository(edit.dsl()).uses(unitId);
        if (uses.any()) {
            throw edit.refuse(by, target, "admin.district.org.inUse", before.unit().name(), uses.tickets(), uses.accounts(),
                    uses.units(), uses.keys());
        }
        edit.commit(by, target, "removed " + before.unit().name(), tx -> new BaseDataRepository(tx).removeUnit(before.unit().id()));
    }

    private Map<String, UnitEntry> byId() {
        return new BaseDataRepository(edit.dsl()).units().stream().collect(Collectors.toMap(e -> e.unit().id(), Function.identity()));
    }

    private UnitEntry existing(Session by, String target, String unitId) {
        return Optional.ofNullable(unitId).map(id -> byId().get(id.strip()))
                .orElseThrow(() -> edit.refuse(by, target, "admin.district.org.noUnit", unitId));
    }

    private String checkedName(Session by, String target, String name) {
        String typed = DistrictEdit.typed(name);
        if (!DistrictEdit.name(typed, MAX_NAME)) {
            throw edit.refuse(by, target, "admin.district.badName", MAX_NAME);
        }
        return typed;
    }

    /// {name, phone digits}: both needed once either is given.
    private String[] checkedContact(Session by, String target, String name, String phone) {
        if (!DistrictEdit.name(name, MAX_CONTACT)) {
            throw edit.refuse(by, target, "admin.district.badName", MAX_CONTACT);
        }
        String digits = Phone.personal(phone);
        if (digits == null) {
            throw edit.refuse(by, target, "admin.district.badPhone", phone == null ? "" : phone);
        }
        return new String[] {name, digits};
    }

    private String checkedTeamType(Session by, String target, UnitLevel level, String code) {
        String typed = DistrictEdit.typed(code);
        Optional<TeamType> type = new DistrictRepository(edit.dsl()).taxonomy().teamTypes().stream()
                .filter(t -> t.code().equals(typed)).findFirst();
        if (type.isEmpty()) {
            throw edit.refuse(by, target, "admin.district.noTeamType", typed == null ? "" : typed);
        }
        if (type.get().level() != level) {
            throw edit.refuse(by, target, "admin.district.org.teamTypeLevel", typed, type.get().name());
        }
        return typed;
    }

    /// A team under the centre of its level; a town centre (its id its town's code) under the
    /// district centre; one district centre, under the city or nothing.
    private void checkPlace(Session by, Unit unit, Map<String, UnitEntry> all) {
        String target = target(unit.id());
        String parentId = DistrictEdit.typed(unit.parentId());
        Unit parent = parentId == null ? null : Optional.ofNullable(all.get(parentId)).map(UnitEntry::unit).orElse(null);
        if (parentId != null && parent == null) {
            throw edit.refuse(by, target, "admin.district.org.noParent", parentId);
        }
        UnitLevel wanted = unit.isTeam() ? unit.level() : switch (unit.level()) {
            case STREET -> UnitLevel.DISTRICT;
            case DISTRICT -> UnitLevel.CITY;
            case CITY -> null;
        };
        boolean needsParent = unit.isTeam() || unit.level() == UnitLevel.STREET;
        if (needsParent && parent == null || parent != null && (!parent.isCentre() || parent.level() != wanted)) {
            throw edit.refuse(by, target, "admin.district.org.badParent", parentId == null ? "" : parentId);
        }
        if (unit.isCentre() && unit.level() == UnitLevel.STREET
                && new DistrictRepository(edit.dsl()).region(unit.id()).filter(r -> r.level() == RegionLevel.AREA).isEmpty()) {
            throw edit.refuse(by, target, "admin.district.org.townCode", unit.id());
        }
        if (unit.isCentre() && unit.level() == UnitLevel.DISTRICT
                && all.values().stream().anyMatch(e -> e.unit().isCentre() && e.unit().level() == UnitLevel.DISTRICT)) {
            throw edit.refuse(by, target, "admin.district.org.oneDistrictCentre");
        }
    }

    private static String target(String unitId) {
        return "unit:" + (unitId == null ? "" : unitId.strip());
    }
}
