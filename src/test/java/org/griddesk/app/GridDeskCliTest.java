package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridDeskCliTest {
    @TempDir
    Path dataDir;



    @Test
    void helpIsChineseByDefaultAndEnglishOnRequest() {
        CliRun zh = CliRun.run("--help");
        assertThat(zh.code()).isZero();
        assertThat(zh.out()).contains("用法", "--data-dir", "数据文件夹", "db", "数据库管理");

        CliRun en = CliRun.run("--help", "--lang", "en");
        assertThat(en.code()).isZero();
        assertThat(en.out()).contains("Usage", "Data folder", "Database administration").doesNotContain("数据文件夹");

        CliRun sub = CliRun.run("db", "migrate", "--help", "--lang=en");
        assertThat(sub.out()).contains("Bring the database schema up to date");
    }

    @Test
    void versionNamesTheProduct() {
        CliRun v = CliRun.run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).contains("GridDesk 网格指挥台");
    }

    @Test
    void dbMigrateCreatesTheEmbeddedStoreAndIsIdempotent() {
        CliRun first = CliRun.run("db", "migrate", "--data-dir", dataDir.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("已是最新").containsPattern("结构版本 \\d+(\\.\\d+)?，本次应用 [1-9]\\d* 个迁移");
        assertThat(dataDir.resolve("griddesk.properties")).exists();
        assertThat(dataDir.resolve("db/griddesk.mv.db")).exists();

        CliRun second = CliRun.run("--data-dir", dataDir.toString(), "--lang", "en", "db", "migrate");
        assertThat(second.out()).contains("is up to date", "0 migration(s) applied");
    }

    @Test
    void dbMigrateWorksOnPostgresql() {
        String url = EmbeddedPostgresServer.shared().createDatabase("cli");
        CliRun run = CliRun.run("db", "migrate", "--data-dir", dataDir.toString(), "--db", url, "--db-user", "postgres");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("POSTGRESQL").containsPattern("本次应用 [1-9]\\d* 个迁移");
    }

    @Test
    void badInputGetsAClearMessageAndCreatesNothing() {
        Path untouched = dataDir.resolve("never");

        CliRun lang = CliRun.run("db", "migrate", "--data-dir", untouched.toString(), "--lang", "fr");
        assertThat(lang.code()).isEqualTo(2);
        assertThat(lang.err()).contains("--lang", "fr", "zh_CN 或 en");

        CliRun db = CliRun.run("db", "migrate", "--data-dir", untouched.toString(), "--db", "jdbc:mysql://x/y", "--lang", "en");
        assertThat(db.code()).isEqualTo(2);
        assertThat(db.err()).contains("Invalid input", "jdbc:mysql://x/y");

        CliRun unknown = CliRun.run("--frobnicate");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("命令行参数有误", "--frobnicate");

        CliRun days = CliRun.run("--data-dir", untouched.toString(), "--demo-history-days", "-3");
        assertThat(days.code()).isEqualTo(2);
        assertThat(days.err()).contains("--demo-history-days", "0 to 3650");

        assertThat(untouched).doesNotExist();
    }

    @Test
    void anUnreachableServerIsAFailureWithTheReasonNotAStackTrace() {
        CliRun run = CliRun.run("db", "migrate", "--data-dir", dataDir.toString(),
                "--db", "jdbc:postgresql://127.0.0.1:1/griddesk?connectTimeout=1", "--lang", "en");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).startsWith("Failed: ").doesNotContain("\tat ");
    }
}
