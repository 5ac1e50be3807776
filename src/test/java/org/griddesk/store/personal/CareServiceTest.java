package org.griddesk.store.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.care.CareProfile;
import org.griddesk.domain.care.CareRecord;
import org.griddesk.domain.care.RiskLevel;
import org.griddesk.domain.care.SpecialGroup;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.RevealRefused;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.care.CareService;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.SessionAccounts;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.DocumentedPermissions;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.TestDatabases;
import org.jooq.DSLContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Special groups (四失五类) and care records through the service, on both stores: who may see the
/// list and read the notes is docs/security.md's table ([DocumentedPermissions]) within the centre's
/// area; reading notes takes a reason and is recorded as a reveal; recording care is checked and
/// audited, its note sealed in the store; a refusal writes nothing.
class CareServiceTest {
    @org.junit.jupiter.api.io.TempDir
    Path temp;

    private final HandClock clock = new HandClock(Instant.parse("2026-12-04T01:00:00Z"), Duration.ofSeconds(5));
    private final List<AuditEntry> audit = new ArrayList<>();
    private DSLContext accounts;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void specialGroupsAreSeenAndCaredForAsTheTableAndTheAreaSayAndEveryNoteReadIsRecorded(DatabaseKind kind) {
        try (CommandCentre centre = CommandCentre.on(TestDatabases.freshSettings(kind, temp))) {
            DSLContext dsl = centre.admin().dsl();
            accounts = dsl;
            DistrictRepository district = new DistrictRepository(dsl);
            PersonalDataService personal = new PersonalDataService(dsl, audit::add, clock);
            CareService care = new CareService(dsl, personal, audit::add, clock);
            VisitHousehold household = aHousehold(district, dsl);
            String grid = household.gridCode();
            String town = district.region(district.region(grid).orElseThrow().parentCode()).orElseThrow().parentCode();
            String otherTown = district.regions(RegionLevel.AREA).stream().map(Region::code).filter(c -> !c.equals(town))
                    .findFirst().orElseThrow();

            // the table decides who sees the list at all
            for (Role role : Role.PERSONAL) {
                Session session = session(role, role == Role.DISTRICT_MANAGER ? "JN" : town);
                if (DocumentedPermissions.allows(role, Permission.SPECIAL_GROUPS_READ)) {
                    assertThat(care.profiles(session, grid)).as(role.name()).extracting(CareProfile::householdId)
                            .contains(household.id());
                } else {
                    refused(() -> care.profiles(session, grid), "care.refused.permission");
                }
            }
            Session supervisor = session(Role.SUPERVISOR, town);
            refused(() -> care.profiles(session(Role.SUPERVISOR, otherTown), grid), "reveal.refused.scope");

            // recording: checked and refused in words, nothing written
            refused(() -> care.record(session(Role.DISPATCHER, town), household.id(), RiskLevel.HIGH, Set.of(), "走访"),
                    "care.refused.permission");
            refused(() -> care.record(supervisor, household.id(), null, Set.of(), "走访"), "care.refused.risk");
            refused(() -> care.record(supervisor, household.id(), RiskLevel.HIGH, Set.of(), "  "), "care.refused.note");
            refused(() -> care.record(supervisor, household.id(), RiskLevel.HIGH, Set.of(), "访".repeat(501)),
                    "care.refused.noteTooLong");
            refused(() -> care.record(supervisor, "NO-SUCH", RiskLevel.HIGH, Set.of(), "走访"), "care.refused.noHousehold");
            refused(() -> care.record(session(Role.SUPERVISOR, otherTown), household.id(), RiskLevel.HIGH, Set.of(), "走访"),
                    "reveal.refused.scope");
            assertThat(care.profiles(supervisor, grid)).filteredOn(p -> p.householdId().equals(household.id())).singleElement()
                    .satisfies(p -> assertThat(p.records()).isZero());

            audit.clear();
            care.record(supervisor, household.id(), RiskLevel.MEDIUM, EnumSet.of(SpecialGroup.LIFE_SETBACK), "上门走访，情绪平稳");
            clock.advance(Duration.ofDays(3));
            care.record(supervisor, household.id(), RiskLevel.HIGH,
                    EnumSet.of(SpecialGroup.LIFE_SETBACK, SpecialGroup.KEY_PETITIONER), "再次上访苗头，已联系社区调解");
            assertThat(audit).hasSize(2).allSatisfy(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.CARE_RECORDED);
                assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                assertThat(e.detail()).as("the audit never holds the note").doesNotContain("调解", "走访");
            });
            String stored = dsl.select(org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE.NOTE).from(org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE)
                    .orderBy(org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE.ID.desc()).limit(1).fetchOne(0, String.class);
            assertThat(stored).as("sealed in the store").isNotBlank().doesNotContain("调解");

            // the list: the newest record's standing, highest risk first, names masked
            CareProfile profile = care.profiles(supervisor, grid).stream().filter(p -> p.householdId().equals(household.id()))
                    .findFirst().orElseThrow();
            assertThat(care.profiles(supervisor, grid)).as("highest risk first").isSortedAccordingTo(
                    java.util.Comparator.comparing(CareProfile::risk).reversed());
            assertThat(profile.risk()).isEqualTo(RiskLevel.HIGH);
            assertThat(profile.groups()).containsExactlyInAnyOrder(SpecialGroup.LIFE_SETBACK, SpecialGroup.KEY_PETITIONER);
            assertThat(profile.records()).isEqualTo(2);
            assertThat(profile.maskedName()).isEqualTo(household.maskedName()).doesNotContain(household.headName());

            // the notes: with a reason, recorded as a reveal; refused without one, or to another town
            audit.clear();
            List<CareRecord> history = care.history(supervisor, household.id(), "研判重点人员");
            assertThat(history).extracting(CareRecord::note).containsExactly("再次上访苗头，已联系社区调解", "上门走访，情绪平稳");
            assertThat(audit).singleElement().satisfies(e -> {
                assertThat(e.action()).isEqualTo(AuditAction.PERSONAL_DATA_REVEALED);
                assertThat(e.target()).isEqualTo("care:" + household.id());
                assertThat(e.detail()).isEqualTo("研判重点人员");
            });
            revealRefused(() -> care.history(supervisor, household.id(), " "), "reveal.refused.reasonRequired");
            revealRefused(() -> care.history(session(Role.DISPATCHER, town), household.id(), "看看"), "reveal.refused.permission");
            revealRefused(() -> care.history(session(Role.SUPERVISOR, otherTown), household.id(), "看看"), "reveal.refused.scope");
            assertThat(care.history(session(Role.DISTRICT_MANAGER, "JN"), household.id(), "区级抽查")).hasSize(2);

            // a sweep after a key change counts and keeps the notes
            assertThat(PersonalDataSweep.rowsPerKey(dsl).values().stream().mapToInt(Integer::intValue).sum())
                    .isGreaterThanOrEqualTo(district.visitHouseholdCount() + 2);
            assertThat(new PersonalDataSweep(dsl).sealAll()).as("all sealed with the current key already").isZero();
        }
    }

    private void refused(Runnable call, String key) {
        audit.clear();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RevealRefused.class, e -> assertThat(e.messageKey()).isEqualTo(key));
        assertThat(audit).singleElement().satisfies(e -> assertThat(e.outcome()).isEqualTo(AuditOutcome.REFUSED));
    }

    private void revealRefused(Runnable call, String key) {
        refused(call, key);
    }

    /// One with no care records yet (the demo district has some).
    private static VisitHousehold aHousehold(DistrictRepository district, DSLContext dsl) {
        var care = org.griddesk.store.jooq.Tables.HOUSEHOLD_CARE;
        for (Region grid : district.regions(RegionLevel.GRID)) {
            for (VisitHousehold h : district.visitHouseholds(grid.code())) {
                if (dsl.fetchCount(care, care.HOUSEHOLD_ID.eq(h.id())) == 0) {
                    return h;
                }
            }
        }
        throw new AssertionError("no must-visit households in the demo district");
    }

    private Session session(Role role, String unit) {
        return SessionAccounts.registered(accounts, new Session("a-" + role + "-" + unit, "u-" + role + "-" + unit, "测试 " + role,
                unit, Set.of(role), clock.now(), new Workstation("desk-1", "10.0.0.1")));
    }
}
