package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.org.Role;
import org.griddesk.security.Accounts.DemoAccount;
import org.griddesk.security.SignInResult;
import org.griddesk.security.SignInResult.SignedIn;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.testsupport.RecordingAudit;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The demo store has an account for every personal role, signing in with the demo password and no
/// forced change; a real store with the very same district has none, and lists none.
class DemoAccountsTest {
    private static DemoDistrictData district;

    @TempDir
    Path temp;

    @BeforeAll
    static void generate() {
        district = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theDemoStoreHasAnAccountForEveryPersonalRoleAndEachSignsInAtOnce(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
            RecordingAudit audit = new RecordingAudit();
            AccountService accounts = new AccountService(db.dsl(), Clock.systemUTC(), audit);

            List<DemoAccount> demo = accounts.demoAccounts();

            Set<Role> desk = EnumSet.copyOf(Role.PERSONAL);
            desk.remove(Role.GRID_WORKER); // reports from the app with a token; no desk, not in the list
            assertThat(demo).hasSizeGreaterThanOrEqualTo(desk.size());
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (DemoAccount account : demo) {
                assertThat(account.password()).isEqualTo("Demo@2026");
                SignInResult result = accounts.signIn(account.username(), account.password().toCharArray(), null,
                        new Workstation("demo", "127.0.0.1"));
                assertThat(result).as(account.username()).isInstanceOf(SignedIn.class);
                var session = ((SignedIn) result).session();
                roles.addAll(session.roles());
                assertThat(account.roleKey()).isEqualTo("role." + session.actingRole().name());
                assertThat(account.unitName()).doesNotStartWith("JN-").isNotBlank();
            }
            assertThat(roles).isEqualTo(desk);
            SignInResult worker = accounts.signIn("grid-worker", "Demo@2026".toCharArray(), null, new Workstation("demo", "127.0.0.1"));
            assertThat(((SignInResult.Refused) worker).messageKey()).isEqualTo("signIn.apiOnly");
            assertThat(accounts.list(((SignedIn) accounts.signIn("sysadmin", "Demo@2026".toCharArray(), null,
                    new Workstation("demo", "127.0.0.1"))).session())).extracting(a -> a.roles())
                    .as("every personal role has a demo account").flatMap(r -> r).containsAll(Role.PERSONAL);
            Map<String, String> units = demo.stream().collect(Collectors.toMap(DemoAccount::username, DemoAccount::unitName));
            assertThat(units.get("jn-dispatcher")).isEqualTo("津南区网格化管理中心");
            assertThat(units.get("town-dispatcher")).startsWith("咸水沽");
            // opening the demo store again makes no second set
            assertThat(AccountDemoRoster.createIfDemo(db.dsl(), Clock.systemUTC())).isZero();
            assertThat(accounts.demoAccounts()).hasSize(demo.size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRealStoreNeverHasDemoAccounts(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            Map<String, String> teamTypes = district.teams().stream().collect(Collectors.toMap(t -> t.unit().id(), Team::teamTypeCode));
            new DistrictRepository(db.dsl()).save(district.map(), district.organisation(), teamTypes, district.taxonomy(),
                    district.gridWorkers(), district.population(), district.cameras(), district.visitHouseholds());
            AccountService accounts = new AccountService(db.dsl(), Clock.systemUTC(), new RecordingAudit());

            assertThat(AccountDemoRoster.createIfDemo(db.dsl(), Clock.systemUTC())).isZero();
            assertThat(DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { })).isFalse();

            assertThat(accounts.demoAccounts()).isEmpty();
            assertThat(accounts.hasAdministrators()).isFalse();
            assertThat(accounts.signIn("jn-dispatcher", "Demo@2026".toCharArray(), null, new Workstation("x", "1.2.3.4")))
                    .isInstanceOf(SignInResult.Refused.class);
        }
    }
}
