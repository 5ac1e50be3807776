package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.jooq.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk visits frequencies`: the frequencies in force listed, changed all or nothing, each
/// change in the audit log, and read back by the visit plans.
class VisitsCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void frequenciesAreListedChangedAllOrNothingAndAudited() {
        CliRun shown = CliRun.in(dataDir, "visits", "frequencies");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("ELDER_ALONE 独居老人：每周一次", "POOR 低保户：每月一次", "VETERAN 退役军人：每季度一次")
                .doesNotContain("已调整");

        CliRun changed = CliRun.in(dataDir, "visits", "frequencies", "--set", "poor=weekly", "--set", "VETERAN=MONTHLY");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("POOR 低保户：每周一次（已调整", "VETERAN 退役军人：每月一次（已调整")
                .contains("HARDSHIP 困难群众：每月一次\n");

        // one wrong change: nothing of the call is written
        CliRun refused = CliRun.in(dataDir, "visits", "frequencies", "--set", "HARDSHIP=WEEKLY", "--set", "POOR=DAILY");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("未修改任何频次", "POOR", "DAILY");
        CliRun notAChange = CliRun.in(dataDir, "visits", "frequencies", "--set", "HARDSHIP");
        assertThat(notAChange.code()).isEqualTo(2);
        assertThat(notAChange.err()).contains("不是“类别=频次”");
        assertThat(CliRun.in(dataDir, "visits", "frequencies", "--set", "=").err()).contains("“=”不是“类别=频次”");
        CliRun twice = CliRun.in(dataDir, "visits", "frequencies", "--set", "HARDSHIP=WEEKLY", "--set", "hardship=QUARTERLY");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("类别 HARDSHIP 给了不止一次");
        assertThat(CliRun.in(dataDir, "visits", "frequencies", "--lang", "en").out())
                .contains("HARDSHIP: monthly\n", "POOR: weekly (changed", "VETERAN: monthly (changed");

        // a value stored wrong by hand: setting its group mends it
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            new org.griddesk.store.SystemPropertyRepository(db.dsl(), java.time.Clock.systemUTC()).put("visits.frequency.DISABLED", "DAILY");
        }
        CliRun mended = CliRun.in(dataDir, "visits", "frequencies", "--set", "DISABLED=MONTHLY");
        assertThat(mended.code()).as(mended.err()).isZero();
        assertThat(mended.out()).contains("DISABLED 残疾人家庭：每月一次\n");

        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            var audit = Tables.AUDIT_LOG;
            assertThat(db.dsl().select(audit.TARGET).from(audit).where(audit.ACTION.eq("CONFIGURATION_CHANGED"))
                    .fetch(audit.TARGET)).containsExactlyInAnyOrder("visits.frequency.POOR", "visits.frequency.VETERAN",
                    "visits.frequency.DISABLED");
        }
    }
}
