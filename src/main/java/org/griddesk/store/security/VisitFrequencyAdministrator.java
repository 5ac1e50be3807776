package org.griddesk.store.security;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.security.Session;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.visit.VisitRepository;

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

    List<GroupFrequency> list(Session by) {
        edit.require(by, TARGET);
        VisitSchedule now;
        try {
            now = new VisitRepository(edit.dsl()).schedule();
        } catch (IllegalArgumentException wrong) {
            // a value written by hand that names no group or frequency: said, so it can be set right here
            throw edit.refuse(by, TARGET, "admin.visits.misconfigured", wrong.getMessage());
        }
        return Arrays.stream(Category.values())
                .map(group -> new GroupFrequency(group, now.of(group), VisitSchedule.DEFAULT.of(group))).toList();
    }

    void set(Session by, Category group, VisitFrequency frequency) {
        String target = group == null ? TARGET : VisitSchedule.PROPERTY_PREFIX + group.name();
        edit.require(by, target);
        if (group == null || frequency == null) {
            throw edit.refuse(by, target, "admin.visits.missing");
        }
        String before = new SystemPropertyRepository(edit.dsl(), clock).find(target).map(p -> p.value())
                .orElse(VisitSchedule.DEFAULT.of(group).name());
        edit.commit(by, target, before + " → " + frequency.name(),
                tx -> new SystemPropertyRepository(tx, clock).put(target, frequency.name()));
    }
}
