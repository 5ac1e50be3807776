package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.TestDataKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk alarms list | map | unmap`: the administrator's table of alarm kinds and items, bad
/// input refused with exit 2 and nothing changed.
class AlarmsCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void anAdministratorListsMapsAndUnmapsAlarmKinds() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            TestDataKeys.attach(db);
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
        }
        CliRun list = CliRun.in(dataDir, "alarms", "list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("占道经营\t04-03-001\t流动摊贩占道", "井盖缺失\t06-03-002\t井盖缺失");

        CliRun byName = CliRun.in(dataDir, "alarms", "map", "高空抛物", "群体性聚集苗头");
        assertThat(byName.code()).as(byName.err()).isZero();
        assertThat(byName.out()).contains("高空抛物", "01-04-002");
        CliRun byCode = CliRun.in(dataDir, "alarms", "map", "高空抛物", "09-01-001");
        assertThat(byCode.code()).isZero();
        assertThat(CliRun.in(dataDir, "alarms", "list").out()).contains("高空抛物\t09-01-001\t露天焚烧");

        CliRun noItem = CliRun.in(dataDir, "alarms", "map", "高空抛物", "不存在的事项");
        assertThat(noItem.code()).isEqualTo(2);
        assertThat(noItem.err()).contains("事项目录中没有“不存在的事项”", "未做任何更改");
        CliRun tooLong = CliRun.in(dataDir, "alarms", "map", "长".repeat(101), "09-01-001", "--lang", "en");
        assertThat(tooLong.code()).isEqualTo(2);
        assertThat(tooLong.err()).contains("1–100 characters", "Nothing changed");
        CliRun tab = CliRun.in(dataDir, "alarms", "map", "占道\t经营\n", "09-01-001");
        assertThat(tab.code()).as("a tab or line break would break the list's columns").isEqualTo(2);
        assertThat(tab.err()).contains("不含制表符、换行");
        assertThat(CliRun.in(dataDir, "alarms", "list").out()).contains("高空抛物\t09-01-001").doesNotContain("长长长");

        assertThat(CliRun.in(dataDir, "alarms", "unmap", "高空抛物").code()).isZero();
        CliRun again = CliRun.in(dataDir, "alarms", "unmap", "高空抛物");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("没有对应的事项");
        assertThat(CliRun.in(dataDir, "alarms", "list").out()).doesNotContain("高空抛物");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(db.dsl().fetch("SELECT target, detail FROM audit_log WHERE action = 'CONFIGURATION_CHANGED' ORDER BY seq")
                    .map(r -> r.get(0) + " " + r.get(1)))
                    .as("each change audited, the refused ones not").containsExactly("alarm-kind:高空抛物 mapped to 01-04-002",
                            "alarm-kind:高空抛物 mapped to 09-01-001 (was 01-04-002)", "alarm-kind:高空抛物 unmapped");
        }
    }
}
