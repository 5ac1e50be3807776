package org.griddesk.store.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.store.jooq.Tables.TAXONOMY_ITEM;

import java.nio.file.Path;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AccountRefused;
import org.griddesk.security.AlarmKindAdministration.AlarmKind;
import org.griddesk.security.AlarmKindAdministration.ItemChoice;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.district.AlarmItemRepository;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The alarm-kind table as the system administrator keeps it through [AccountService]: mapping,
/// changing and removing a kind, each audited; the other administrators and desk staff refused
/// (audited, nothing written); a bad kind, an unknown item or a kind without a mapping refused in
/// words, changing nothing. Intake reads what was mapped.
class AlarmKindAdministrationTest {
    private static final String STALLS = "04-03-001";
    private static final String LITTER = "02-01-004";

    @TempDir
    Path temp;

    private static void items(AccountFixture f) {
        f.db.dsl().insertInto(TAXONOMY_ITEM).values(STALLS, "流动摊贩占道", "C04", "C04-03", "GENERAL", 7, false, "T", "T").execute();
        f.db.dsl().insertInto(TAXONOMY_ITEM).values(LITTER, "暴露垃圾", "C02", "C02-01", "GENERAL", 7, false, "T", "T").execute();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSystemAdministratorMapsChangesAndRemovesAKindEachAudited(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            items(f);
            Session system = f.system();
            assertThat(f.accounts.alarmKinds(system)).isEmpty();
            assertThat(f.accounts.alarmKindItems(system)).extracting(ItemChoice::code).containsExactly(LITTER, STALLS);

            f.accounts.mapAlarmKind(system, "  占道经营 ", STALLS);
            assertThat(f.accounts.alarmKinds(system)).containsExactly(new AlarmKind("占道经营", STALLS, "流动摊贩占道"));
            AuditEntry mapped = f.audit.last();
            assertThat(mapped.action()).isEqualTo(AuditAction.CONFIGURATION_CHANGED);
            assertThat(mapped.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(mapped.target()).isEqualTo("alarm-kind:占道经营");
            assertThat(mapped.detail()).isEqualTo("mapped to " + STALLS);
            assertThat(new AlarmItemRepository(f.db.dsl(), f.clock).itemFor("占道经营")).as("intake reads it").contains(STALLS);

            f.accounts.mapAlarmKind(system, "占道经营", LITTER);
            assertThat(f.accounts.alarmKinds(system)).extracting(AlarmKind::itemCode).containsExactly(LITTER);
            assertThat(f.audit.last().detail()).isEqualTo("mapped to " + LITTER + " (was " + STALLS + ")");

            f.accounts.unmapAlarmKind(system, "占道经营");
            assertThat(f.accounts.alarmKinds(system)).isEmpty();
            assertThat(f.audit.last().detail()).isEqualTo("unmapped");
            assertThat(new AlarmItemRepository(f.db.dsl(), f.clock).itemFor("占道经营")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void othersAndBadInputAreRefusedAuditedAndChangeNothing(DatabaseKind kind) {
        try (AccountFixture f = new AccountFixture(kind, temp)) {
            items(f);
            Session system = f.system();
            f.accounts.mapAlarmKind(system, "占道经营", STALLS);
            Session dispatcher = f.person("li", "JN", "Desk#2026abc", Role.DISPATCHER);
            for (Session other : new Session[] {f.security(), dispatcher}) {
                assertThatThrownBy(() -> f.accounts.mapAlarmKind(other, "占道经营", LITTER)).isInstanceOf(AccountRefused.class)
                        .extracting(e -> ((AccountRefused) e).messageKey()).isEqualTo("admin.notPermitted");
                assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
                assertThatThrownBy(() -> f.accounts.unmapAlarmKind(other, "占道经营")).isInstanceOf(AccountRefused.class);
                assertThatThrownBy(() -> f.accounts.alarmKinds(other)).isInstanceOf(AccountRefused.class);
            }
            refused(() -> f.accounts.mapAlarmKind(system, "占道\t经营", LITTER), "alarmKind.bad");
            assertThat(f.audit.last().target()).as("no control character in the audit").isEqualTo("alarm-kind:占道?经营");
            refused(() -> f.accounts.mapAlarmKind(system, "x".repeat(AlarmItemRepository.MAX_KIND + 1), LITTER), "alarmKind.bad");
            refused(() -> f.accounts.mapAlarmKind(system, "   ", LITTER), "alarmKind.bad");
            refused(() -> f.accounts.mapAlarmKind(system, "占道\u200b经营", LITTER), "alarmKind.bad");
            refused(() -> f.accounts.mapAlarmKind(system, "bidi\u202eabc", LITTER), "alarmKind.bad");
            f.accounts.mapAlarmKind(system, "🔥".repeat(AlarmItemRepository.MAX_KIND), LITTER); // characters, not UTF-16 units
            f.accounts.unmapAlarmKind(system, "🔥".repeat(AlarmItemRepository.MAX_KIND));
            refused(() -> f.accounts.mapAlarmKind(system, "占道经营", "99-99-999"), "alarmKind.noItem");
            refused(() -> f.accounts.unmapAlarmKind(system, "无此类型"), "alarmKind.notMapped");
            assertThat(f.audit.last().outcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(f.accounts.alarmKinds(system)).as("nothing changed").containsExactly(new AlarmKind("占道经营", STALLS, "流动摊贩占道"));
        }
    }

    private static void refused(Runnable call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(AccountRefused.class).extracting(e -> ((AccountRefused) e).messageKey()).isEqualTo(key);
    }
}
