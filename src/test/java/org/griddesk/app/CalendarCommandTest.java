package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarCommandTest {
    private CliRun runHere(String... args) {
        return CliRun.in(dataDir, args);
    }

    @TempDir
    Path dataDir;



    @Test
    void dueDatesAcrossNationalDayAndSpringFestival() {
        assertThat(runHere("calendar", "due", "--from", "2026-09-30T10:00", "--class", "general").out())
                .contains("办结时限 2026-10-15 24:00（星期四）", "2026-10-15T16:00:00Z");
        assertThat(runHere("calendar", "due", "--from", "2025-09-30T10:00", "--class", "general", "--lang", "en").out())
                .contains("due 2025-10-16 24:00 (Thursday)");
        assertThat(runHere("calendar", "due", "--from", "2026-02-13T15:00", "--class", "urgent").out())
                .contains("办结时限 2026-02-24 24:00");
        assertThat(runHere("calendar", "due", "--from", "2025-01-27T09:00", "--class", "statutory", "--days", "7").out())
                .contains("法定时限 7 个工作日", "办结时限 2025-02-12 24:00");
    }

    @Test
    void badDueArgumentsAreRefusedClearly() {
        CliRun noDays = runHere("calendar", "due", "--from", "2026-09-30T10:00", "--class", "statutory", "--lang", "en");
        assertThat(noDays.code()).isEqualTo(2);
        assertThat(noDays.err()).contains("--days");
        CliRun badTime = runHere("calendar", "due", "--from", "30/09/2026", "--class", "general");
        assertThat(badTime.code()).isEqualTo(2);
        assertThat(badTime.err()).contains("输入无效", "30/09/2026");
    }

    @Test
    void aMonthShowsHolidaysAndSwappedWorkdays() {
        CliRun october = runHere("calendar", "show", "2026-10");
        assertThat(october.code()).isZero();
        assertThat(october.out()).contains("2026 年 10 月", " 1休", "10班", "2026-10-01..2026-10-07 放假 国庆节",
                "2026-10-10 调休上班 国庆节");
        CliRun february = runHere("calendar", "show", "2025-02", "--lang", "en");
        assertThat(february.out()).contains("2/2025", " 4H ", " 8W ", "2025-02-01..2025-02-04 day off");
    }

    @Test
    void importIsAllOrNothingAndThenCounts() throws Exception {
        Path bad = dataDir.resolve("bad.json");
        Files.writeString(bad, """
                {"year":2027,"days":[{"name":"春节","date":"2027-02-30","isOffDay":true},
                                     {"name":"春节","date":"2027-03-03","isOffDay":false}]}""");
        CliRun refused = runHere("calendar", "import", bad.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("未导入任何内容", "days[0].date", "2027-03-03");
        assertThat(runHere("calendar", "show", "2027-02").out()).contains("尚未导入 2027 年");

        Path good = dataDir.resolve("2027.json");
        Files.writeString(good, """
                {"year":2027,"$schema":"ignored","days":[
                  {"name":"春节","date":"2027-02-06","isOffDay":true},
                  {"name":"春节","date":"2027-02-08","isOffDay":true},
                  {"name":"春节","date":"2027-02-20","isOffDay":false}]}""");
        CliRun imported = runHere("calendar", "import", good.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("已导入 2027 年节假日安排：2 天放假，1 天调休上班");
        assertThat(runHere("calendar", "show", "2027-02").out()).contains(" 8休", "20班").doesNotContain("尚未导入");
        // Friday 02-05 + 1 working day: 02-06..02-07 off (weekend and holiday), 02-08 off, so Tuesday 02-09
        assertThat(runHere("calendar", "due", "--from", "2027-02-05T10:00", "--class", "urgent").out())
                .contains("办结时限 2027-02-10 24:00");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(db.dsl().fetch("SELECT target, detail FROM audit_log WHERE action = 'CONFIGURATION_CHANGED'"))
                    .as("the import, not the refused file, is in the audit log").singleElement()
                    .satisfies(r -> assertThat(r.get(0, String.class) + " " + r.get(1, String.class))
                            .startsWith("calendar 2027 holiday notice imported").contains("2 days off, 1 working weekend days"));
        }
    }

    @Test
    void importWorksOnPostgresqlToo() throws Exception {
        String url = EmbeddedPostgresServer.shared().createDatabase("calendar");
        Path good = dataDir.resolve("2028.json");
        Files.writeString(good, "{\"year\":2028,\"days\":[{\"name\":\"元旦\",\"date\":\"2028-01-03\",\"isOffDay\":true}]}");
        CliRun imported = runHere("calendar", "import", good.toString(), "--db", url, "--db-user", "postgres");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(runHere("calendar", "show", "2028-01", "--db", url, "--db-user", "postgres").out()).contains(" 3休");
    }
}
