package org.griddesk.store.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.security.Session;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;

/// The visit frequencies for [DistrictAdministrationService]: a group's frequency is a system
/// property (`visits.frequency.GROUP`), written with its audit record and the district's change
/// record in one transaction, as `griddesk visits frequencies --set` writes it from the console.
final class VisitFrequencyAdministrator {
    private static final String TARGET = "visit-frequencies";

    private final DistrictEdit edit;
    private final Clock clock;

    VisitFrequencyAdministrator(DistrictEdit edit, Clock clock) {
        this.edit = edit;
        this.clock = clock;
    }

    /// Each group's frequency, read group by group: a value written by hand that is no frequency is
    /// shown on its group's row (to be set right there), not a refusal of the whole table.
    List<GroupFrequency> list(Session by) {
        edit.require(by, TARGET);
        SystemPropertyRepository properties = new SystemPropertyRepository(edit.dsl(), clock);
        return Arrays.stream(Category.values()).map(group -> {
            VisitFrequency standard = VisitSchedule.DEFAULT.of(group);
            String stored = properties.find(VisitSchedule.PROPERTY_PREFIX + group.name()).map(SystemProperty::value).orElse(null);
            if (stored == null) {
                return new GroupFrequency(group, standard, standard);
            }
            return Arrays.stream(VisitFrequency.values()).filter(f -> f.name().equalsIgnoreCase(stored.strip())).findFirst()
                    .map(f -> new GroupFrequency(group, f, standard))
                    .orElseGet(() -> new GroupFrequency(group, standard, standard, stored));
        }).toList();
    }

    void set(Session by, Category group, VisitFrequency frequency) {
        String target = group == null ? TARGET : VisitSchedule.PROPERTY_PREFIX + group.name();
        edit.require(by, target);
        if (group == null || frequency == null) {
            throw edit.refuse(by, target, "admin.visits.missing");
        }
        edit.commit(by, tx -> {
            SystemPropertyRepository properties = new SystemPropertyRepository(tx, clock);
            String before = properties.find(target).map(SystemProperty::value).orElse(VisitSchedule.DEFAULT.of(group).name());
            properties.put(target, frequency.name());
            return before;
        }, before -> target, before -> before + " → " + frequency.name());
    }
}
