package org.griddesk.store.security;

import static org.griddesk.store.jooq.Tables.ORG_UNIT;

import java.time.Clock;
import java.util.Comparator;
import java.util.Set;
import org.griddesk.domain.org.Permissions;
import org.griddesk.domain.org.Role;
import org.griddesk.store.SystemPropertyRepository;
import org.jooq.DSLContext;

/// Whether the store is the demo's (演示库): the demo district's loader records its seed there, a
/// real store's district import never does.
final class DemoStore {
    /// the property the demo district's loader writes (`demo.DemoDistrictLoader`)
    static final String SEED_PROPERTY = "demo_seed";

    private DemoStore() {
    }

    static boolean is(DSLContext dsl) {
        return new SystemPropertyRepository(dsl, Clock.systemUTC()).find(SEED_PROPERTY).isPresent();
    }

    static String unitName(DSLContext dsl, String unitId) {
        String name = dsl.select(ORG_UNIT.NAME).from(ORG_UNIT).where(ORG_UNIT.ID.eq(unitId)).fetchOne(r -> r.value1());
        return name == null ? unitId : name;
    }

    /// The role a person with these roles acts in: the one with the most permissions.
    static Role mainRole(Set<Role> roles) {
        return roles.stream().max(Comparator.comparingInt((Role r) -> Permissions.of(r).size()).thenComparing(r -> -r.ordinal()))
                .orElseThrow();
    }
}
