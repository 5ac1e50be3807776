package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.DISTRICT_CHANGE;

import java.nio.file.Path;
import java.time.Clock;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.security.VisitFrequencyAdministration.GroupFrequency;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.visit.VisitRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/// The duty visits' frequencies as the system administrator sets them at the desk: a change is
/// what the visit plans then read, written with its audit record and a `district_change` row; a
/// dispatcher is refused (audited, nothing written); a wrong value stored by hand is said in words.
class VisitFrequencyAdministrationTest {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theAdministratorSetsAGroupsFrequencyWhichThePlansReadAndTheAuditRecords(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session sysadmin = f.system();

            assertThat(admin.visitFrequencies(sysadmin)).hasSize(Category.values().length).noneMatch(GroupFrequency::changed)
                    .filteredOn(g -> g.group() == Category.POOR).singleElement()
                    .extracting(GroupFrequency::frequency).isEqualTo(VisitFrequency.MONTHLY);

            admin.setVisitFrequency(sysadmin, Category.POOR, VisitFrequency.WEEKLY);

            assertThat(new VisitRepository(f.db.dsl()).schedule().of(Category.POOR)).as("what the plans read").isEqualTo(VisitFrequency.WEEKLY);
            assertThat(admin.visitFrequencies(sysadmin)).filteredOn(GroupFrequency::changed).singleElement()
                    .isEqualTo(new GroupFrequency(Category.POOR, VisitFrequency.WEEKLY, VisitFrequency.MONTHLY));
            assertThat(f.audit.last().action()).isEqualTo(AuditAction.CONFIGURATION_CHANGED);
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(f.audit.last().target()).isEqualTo(VisitSchedule.PROPERTY_PREFIX + "POOR");
            assertThat(f.audit.last().detail()).isEqualTo("MONTHLY → WEEKLY");
            assertThat(f.db.dsl().select(DISTRICT_CHANGE.CHANGE_KIND).from(DISTRICT_CHANGE).fetch(DISTRICT_CHANGE.CHANGE_KIND))
                    .containsExactly("VISIT_FREQUENCIES");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDispatcherIsRefusedAuditedAndNothingIsWritten(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session dispatcher = f.person("li", "JN", "Desk#2026abc", Role.DISPATCHER);

            refused(() -> admin.setVisitFrequency(dispatcher, Category.POOR, VisitFrequency.WEEKLY), "admin.notPermitted");
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(f.audit.last().actorName()).isEqualTo("li");
            refused(() -> admin.visitFrequencies(dispatcher), "admin.notPermitted");
            refused(() -> admin.setVisitFrequency(f.system(), null, VisitFrequency.WEEKLY), "admin.visits.missing");
            refused(() -> admin.setVisitFrequency(f.system(), Category.POOR, null), "admin.visits.missing");

            assertThat(new VisitRepository(f.db.dsl()).schedule()).isEqualTo(VisitSchedule.DEFAULT);
            assertThat(f.db.dsl().fetchCount(DISTRICT_CHANGE)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWrongValueStoredByHandIsSaidAndSettingTheGroupMendsIt(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            DistrictAdministrationService admin = f.accounts.districtAdministration();
            Session sysadmin = f.system();
            new SystemPropertyRepository(f.db.dsl(), Clock.systemUTC()).put(VisitSchedule.PROPERTY_PREFIX + "VETERAN", "YEARLY");

            assertThat(admin.visitFrequencies(sysadmin)).as("shown on its row, to be set right there")
                    .contains(new GroupFrequency(Category.VETERAN, VisitFrequency.QUARTERLY, VisitFrequency.QUARTERLY, "YEARLY"));

            admin.setVisitFrequency(sysadmin, Category.VETERAN, VisitFrequency.QUARTERLY);
            assertThat(f.audit.last().detail()).isEqualTo("YEARLY → QUARTERLY");
            assertThat(admin.visitFrequencies(sysadmin)).noneMatch(GroupFrequency::changed).allMatch(g -> g.wrong() == null);
            assertThat(new VisitRepository(f.db.dsl()).schedule()).as("the plans read it again").isEqualTo(VisitSchedule.DEFAULT);
        }
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(AccountRefused.class).extracting(e -> ((AccountRefused) e).messageKey()).isEqualTo(key);
    }
}
