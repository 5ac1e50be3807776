package org.griddesk.store.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.security.PasswordHasher;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.visit.FieldRecords;
import org.griddesk.store.security.AccountRepository.AccountRow;
import org.jooq.DSLContext;

/// The demo store's accounts (演示库): one or more per role, in the demo district's own units, all
/// with the password [AccountService#DEMO_PASSWORD] and no forced change, so that a visitor picks a
/// name from the "sign in as" list. Only a store the demo district's loader made gets them; a real
/// store never does.
public final class AccountDemoRoster {
    /// One demo person: a sign-in name, which unit (picked from the district) and which roles.
    private record Entry(String username, String displayName, Unit unit, Role role) {
    }

    private AccountDemoRoster() {
    }

    /// Creates the demo accounts when the store is the demo's and has none yet; returns how many
    /// were made (0 in a real store, and when they exist already).
    public static int createIfDemo(DSLContext dsl, Clock clock) {
        if (!DemoStore.is(dsl) || AccountRepository.all(dsl).stream().anyMatch(AccountRow::demo)) {
            return 0;
        }
        List<Entry> entries = entries(new DistrictRepository(dsl).organisation());
        // the demo password is printed on the sign-in screen: one hash serves every demo account
        String hash = new PasswordHasher().hash(AccountService.DEMO_PASSWORD.toCharArray());
        Instant now = clock.instant();
        dsl.transaction(tx -> {
            for (Entry e : entries) {
                String id = UUID.randomUUID().toString();
                AccountRepository.insert(tx.dsl(), new AccountRow(id, e.username(), e.displayName(),
                        e.unit().id(), true, hash, now, false, null, 0, null, null, null, true, EnumSet.of(e.role())), now);
                if (e.role() == Role.GRID_WORKER) {
                    // the demo's grid worker is the worker of the first grid of its town, for the workers' app
                    FieldRecords.linkFirstOfArea(tx.dsl(), id, e.unit().id());
                }
            }
        });
        return entries.size();
    }

    private static List<Entry> entries(Organisation org) {
        Unit district = first(org, u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE)
                .orElseThrow(() -> new IllegalStateException("the demo district has no district centre"));
        Unit town = first(org, u -> u.level() == UnitLevel.STREET && u.kind() == UnitKind.CENTRE && u.name().startsWith("咸水沽"))
                .or(() -> first(org, u -> u.level() == UnitLevel.STREET && u.kind() == UnitKind.CENTRE)).orElse(district);
        Unit townTeam = first(org, u -> u.kind() == UnitKind.TEAM && town.id().equals(u.parentId()) && u.name().contains("城管"))
                .or(() -> first(org, u -> u.kind() == UnitKind.TEAM && town.id().equals(u.parentId()))).orElse(town);
        Unit department = first(org, u -> u.kind() == UnitKind.TEAM && u.level() == UnitLevel.DISTRICT).orElse(district);
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry("jn-dispatcher", "区中心调度员（演示）", district, Role.DISPATCHER));
        entries.add(new Entry("jn-supervisor", "区中心值班长（演示）", district, Role.SUPERVISOR));
        entries.add(new Entry("town-dispatcher", shortName(town) + "调度员（演示）", town, Role.DISPATCHER));
        entries.add(new Entry("town-supervisor", shortName(town) + "值班长（演示）", town, Role.SUPERVISOR));
        entries.add(new Entry("town-handler", townTeam.name() + "队员（演示）", townTeam, Role.HANDLER));
        entries.add(new Entry("dept-handler", department.name() + "处置人员（演示）", department, Role.HANDLER));
        entries.add(new Entry("manager", "区级管理人员（演示）", district, Role.DISTRICT_MANAGER));
        entries.add(new Entry("wall", "指挥大屏（演示）", district, Role.WALL_DISPLAY));
        entries.add(new Entry("grid-worker", shortName(town) + "网格员（演示）", town, Role.GRID_WORKER));
        entries.add(new Entry("sysadmin", "系统管理员（演示）", district, Role.SYSTEM_ADMIN));
        entries.add(new Entry("secadmin", "安全管理员（演示）", district, Role.SECURITY_ADMIN));
        entries.add(new Entry("auditadmin", "审计管理员（演示）", district, Role.AUDIT_ADMIN));
        return entries;
    }

    private static String shortName(Unit centre) {
        return centre.name().replace("网格化管理中心", "");
    }

    private static Optional<Unit> first(Organisation org, Predicate<Unit> test) {
        return org.units().stream().filter(test).min(Comparator.comparing(Unit::id));
    }
}
