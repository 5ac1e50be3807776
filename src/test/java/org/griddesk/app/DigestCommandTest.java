package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditQuery;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.digest.DigestHistory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk digest`: the day's digest as a CSV Excel opens, its headlines on the console, recorded
/// by the console; a day that is no day, or a file that cannot be written, is refused at once
/// (exit 2) and nothing is computed.
class DigestCommandTest {
    @TempDir
    static Path dataDir;

    @TempDir
    Path out;

    @BeforeAll
    static void history() {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            DataKeySetup.attach(db, dataDir);
            new DigestHistory(db.dsl()).write().plantSpike();
        }
    }

    @Test
    void theDigestIsWrittenAsCsvWithABomAndSaidOnTheConsole() throws Exception {
        Path file = out.resolve("舆情.csv");
        CliRun run = CliRun.in(dataDir, "digest", "--day", "2026-11-30", "--out", file.toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("专线舆情 2026-11-30：来件 49 件（基线日均 39.0）；热点类别 1，热点事项 1，热词 7，热点区域 1，重复来电 1，群体性事件苗头 1",
                "热点事项：噪音扰民 11(×8.5)", "热点区域：咸水沽镇福馨社区 12", "重复来电：139****0003×3/3",
                "群体性事件苗头：福馨社区第1网格「噪音扰民」8", "已写入 " + file.toAbsolutePath());
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 1 + 1 + 1 + 7 + 1 + 1 + 1);
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            assertThat(AuditSinks.of(db).query(org.griddesk.testsupport.AuditFixture.auditAdmin(db.dsl()),
                    AuditQuery.all(), 0, 50).records()).anySatisfy(r -> {
                        assertThat(r.entry().action()).isEqualTo(AuditAction.EXPORTED);
                        assertThat(r.entry().actorId()).startsWith("console:");
                        assertThat(r.entry().target()).isEqualTo(file.toAbsolutePath().toString());
                        assertThat(r.entry().detail()).startsWith("hotline-digest 2026-11-30 requests=49");
                    });
        }
    }

    @Test
    void aDayThatIsNoDayOrHasNotComeIsRefused() {
        Path file = out.resolve("d.csv");
        CliRun bad = CliRun.in(dataDir, "digest", "--day", "2026-13-01", "--out", file.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("日期“2026-13-01”无法识别");
        CliRun future = CliRun.in(dataDir, "digest", "--day", "2999-01-01", "--out", file.toString(), "--lang", "en");
        assertThat(future.code()).isEqualTo(2);
        assertThat(future.err()).contains("Day 2999-01-01 cannot be digested");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileThatCannotBeWrittenFailsBeforeTheStoreIsOpenedWithTheReason(@TempDir Path elsewhere) {
        Path unopened = elsewhere.resolve("never-made");
        CliRun run = CliRun.in(unopened, "digest", "--day", "2026-11-30", "--out", out.resolve("no/such/folder.csv").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("无法写入", "目录", "不存在", "未生成日报").doesNotContain("no such folder");
        assertThat(unopened).as("the store was never opened").doesNotExist();
        CliRun folder = CliRun.in(unopened, "digest", "--day", "2026-11-30", "--out", out.toString());
        assertThat(folder.code()).isEqualTo(2);
        assertThat(folder.err()).contains("无法写入 " + out);
    }

    /// A refused day leaves the file already there as it was (it was truncated when the file was
    /// opened, then deleted); a name that is not .csv is refused before the store is opened.
    @Test
    void aRefusedDayOrAWrongNameLeavesTheFilesAsTheyWere(@TempDir Path elsewhere) throws Exception {
        Path earlier = Files.writeString(out.resolve("昨天.csv"), "earlier digest", StandardCharsets.UTF_8);
        CliRun future = CliRun.in(dataDir, "digest", "--day", "2999-01-01", "--out", earlier.toString());
        assertThat(future.code()).isEqualTo(2);
        assertThat(earlier).hasContent("earlier digest");

        Path unopened = elsewhere.resolve("never-made");
        Path pdf = out.resolve("舆情.pdf");
        CliRun wrongName = CliRun.in(unopened, "digest", "--day", "2026-11-30", "--out", pdf.toString(), "--lang", "en");
        assertThat(wrongName.code()).isEqualTo(2);
        assertThat(wrongName.err()).contains("Cannot write " + pdf, ".csv");
        assertThat(pdf).doesNotExist();
        assertThat(unopened).as("the store was never opened").doesNotExist();

        CliRun made = CliRun.in(dataDir, "digest", "--day", "2026-11-30", "--out", earlier.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(Files.readString(earlier, StandardCharsets.UTF_8)).contains("噪音扰民");
        try (var files = Files.list(out)) {
            assertThat(files).as("no temporary file is left").containsExactly(earlier);
        }
    }
}
