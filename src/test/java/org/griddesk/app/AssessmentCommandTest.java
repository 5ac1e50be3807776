package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentCommandTest {
    @TempDir
    Path dataDir;

    private CliRun runHere(String... args) {
        return CliRun.in(dataDir, args);
    }

    @Test
    void weightsAreShownChangedAndAudited() {
        CliRun shown = runHere("assessment", "weights");
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("weight.response", "20", "deduct.cap", "30", "满意率");
        CliRun changed = runHere("assessment", "weights", "set", "weight.response", "35");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("已将考评参数 weight.response 由 20 改为 35");
        assertThat(runHere("assessment", "weights", "--lang", "en").out()).containsPattern("weight\\.response\\s+35\\s+\\(default 20\\)");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(db.dsl().fetch("SELECT target, detail FROM audit_log WHERE action = 'CONFIGURATION_CHANGED'"))
                    .singleElement().satisfies(r -> assertThat(r.get(0, String.class) + " " + r.get(1, String.class))
                            .isEqualTo("assessment weight.response assessment weight weight.response changed from 20 to 35"));
        }
    }

    @Test
    void aBadKeyOrValueIsRefusedWithExitTwoAndNothingChanges() {
        CliRun badKey = runHere("assessment", "weights", "set", "weight.speed", "10");
        assertThat(badKey.code()).isEqualTo(2);
        assertThat(badKey.err()).contains("没有这个考评参数 'weight.speed'", "deduct.overdue");
        CliRun badValue = runHere("assessment", "weights", "set", "deduct.urge", "很多");
        assertThat(badValue.code()).isEqualTo(2);
        assertThat(badValue.err()).contains("不是数字");
        CliRun outOfRange = runHere("assessment", "weights", "set", "deduct.urge", "-3");
        assertThat(outOfRange.code()).isEqualTo(2);
        assertThat(outOfRange.err()).contains("0 到 100");
        CliRun missing = runHere("assessment", "weights", "set", "deduct.urge");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(runHere("assessment", "weights").out()).containsPattern("deduct\\.urge\\s+0\\.5\\s");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log").where("action = 'CONFIGURATION_CHANGED'"))).isZero();
        }
    }

    @Test
    void anImpossiblePeriodOrUnknownOptionIsRefusedWithExitTwo() {
        Path out = dataDir.resolve("r.pdf");
        for (String[] args : new String[][] {
            {"report", "assessment", "--month", "2026-13", "--out", out.toString()},
            {"report", "assessment", "--month", "2026-W47", "--out", out.toString()},
            {"report", "assessment", "--week", "2026-11", "--out", out.toString()},
            {"report", "assessment", "--week", "2026-W60", "--out", out.toString()},
            {"report", "assessment", "--month", "2026-11", "--week", "2026-W47", "--out", out.toString()},
            {"report", "assessment", "--out", out.toString()},
            {"report", "assessment", "--month", "2026-11", "--out", out.toString(), "--colour", "red"},
            {"report", "assessment", "--month", "2026-11"}}) {
            CliRun run = runHere(args);
            assertThat(run.code()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).isNotBlank();
        }
        assertThat(runHere("report", "assessment", "--month", "2026-13", "--out", out.toString()).err())
                .contains("输入无效", "2026-13");
        assertThat(runHere("report", "assessment", "--month", "2026-11", "--out", out.toString(), "--colour", "red").err())
                .contains("--colour");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFileThatCannotBeWrittenFailsBeforeAnythingIsComputed() throws Exception {
        Path nowhere = dataDir.resolve("missing-folder/r.pdf");
        CliRun run = runHere("report", "assessment", "--month", "2026-11", "--out", nowhere.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("无法写入", "不存在");
        Path folder = Files.createDirectory(dataDir.resolve("a-folder.xlsx"));
        CliRun intoFolder = runHere("report", "assessment", "--week", "2026-W47", "--out", folder.toString());
        assertThat(intoFolder.code()).isEqualTo(2);
        assertThat(intoFolder.err()).contains("这是一个目录");
        assertThat(runHere("report", "assessment", "--month", "2026-11", "--out", dataDir.resolve("r.docx").toString()).err())
                .contains(".pdf 或 .xlsx");
        assertThat(dataDir.resolve("griddesk.mv.db")).as("the store was not even opened").doesNotExist();
    }

    /// A period that has not begun has nothing to report: its open work would be counted as overdue at an
    /// end still to come (a 2030 week once read "超期未办结 27" with no intake and no "no data" note).
    /// Refused before the store is opened; a file that cannot be written is explained in English too.
    @Test
    void aPeriodThatHasNotBegunIsRefusedAndTheReasonComesInTheChosenLanguage() {
        Path out = dataDir.resolve("r.xlsx");
        CliRun future = runHere("report", "assessment", "--week", "2999-W01", "--out", out.toString());
        assertThat(future.code()).isEqualTo(2);
        assertThat(future.err()).contains("2999-W01", "尚未开始", "未生成考评专报");
        CliRun futureMonth = runHere("report", "assessment", "--month", "2999-01", "--out", out.toString(), "--lang", "en");
        assertThat(futureMonth.code()).isEqualTo(2);
        assertThat(futureMonth.err()).contains("2999-01", "has not begun");
        CliRun nowhere = runHere("report", "assessment", "--month", "2026-11", "--out", dataDir.resolve("no/such/r.pdf").toString(),
                "--lang", "en");
        assertThat(nowhere.code()).isEqualTo(2);
        assertThat(nowhere.err()).contains("Cannot write", "does not exist").doesNotContain("无法写入");
        assertThat(out).doesNotExist();
        assertThat(dataDir.resolve("db")).as("the store was not even opened").doesNotExist();
    }
}
