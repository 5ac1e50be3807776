package org.griddesk.store.security;

import java.util.List;
import java.util.Optional;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.taxonomy.TeamType;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.security.Session;
import org.griddesk.store.district.DistrictRepository;

/// The responsibility catalogue for [DistrictAdministrationService]: an item's deadline, its
/// consultation flag and the team types that handle it in a town and at the district — each a team
/// type the catalogue has, at its level (a type it does not have would leave the item's tickets
/// with no team to go to).
final class TaxonomyAdministrator {
    private final DistrictEdit edit;

    TaxonomyAdministrator(DistrictEdit edit) {
        this.edit = edit;
    }

    List<Item> items(Session by) {
        edit.require(by, "taxonomy");
        return new DistrictRepository(edit.dsl()).taxonomy().items();
    }

    List<TeamType> teamTypes(Session by) {
        edit.require(by, "taxonomy");
        return new DistrictRepository(edit.dsl()).taxonomy().teamTypes();
    }

    void changeRule(Session by, String itemCode, DeadlinePolicy deadline, boolean consultation, String streetTeamType,
                    String districtTeamType) {
        String code = DistrictEdit.typed(itemCode);
        String target = "item:" + (code == null ? "" : code);
        edit.require(by, target);
        Taxonomy taxonomy = new DistrictRepository(edit.dsl()).taxonomy();
        Item before = Optional.ofNullable(code).map(c -> taxonomy.itemsByCode().get(c))
                .orElseThrow(() -> edit.refuse(by, target, "admin.district.taxonomy.noItem", code == null ? "" : code));
        if (deadline == null) {
            throw edit.refuse(by, target, "admin.district.taxonomy.noDeadline");
        }
        String street = teamType(by, target, taxonomy, streetTeamType, UnitLevel.STREET);
        String district = teamType(by, target, taxonomy, districtTeamType, UnitLevel.DISTRICT);
        edit.commit(by, target, String.format("deadline %s %d (was %s %d), consultation %s, teams %s/%s (were %s/%s)",
                        deadline.deadlineClass(), deadline.workingDays(), before.deadline().deadlineClass(),
                        before.deadline().workingDays(), consultation, street, district, before.streetTeamType(),
                        before.districtTeamType()),
                tx -> new DistrictRepository(tx).setItemRule(before.code(), deadline, consultation, street, district));
    }

    private String teamType(Session by, String target, Taxonomy taxonomy, String code, UnitLevel level) {
        String typed = DistrictEdit.typed(code);
        Optional<TeamType> type = taxonomy.teamTypes().stream().filter(t -> t.code().equals(typed)).findFirst();
        if (type.isEmpty()) {
            throw edit.refuse(by, target, "admin.district.noTeamType", typed == null ? "" : typed);
        }
        if (type.get().level() != level) {
            throw edit.refuse(by, target, "admin.district.taxonomy.teamTypeLevel", typed, type.get().name(),
                    level == UnitLevel.STREET ? 0 : 1);
        }
        return typed;
    }
}
