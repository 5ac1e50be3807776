package org.griddesk.app;

import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GridDeskCliTest {
    @TempDir
    Path dataDir;



    @Test
    void aStoreHeldByADeskOrAGatewayIsSaidInWordsNotInH2s() {
        var locked = new IllegalStateException("pool", new java.sql.SQLException("The file is locked: griddesk.mv.db", "HY000", 90020));
        assertThat(GridDeskCli.heldByAnother(locked)).isTrue();
        assertThat(GridDeskCli.heldByAnother(new IllegalStateException(new java.sql.SQLException("syntax", "42000", 42001))))
                .isFalse();
        assertThat(Messages.of(Language.ZH_CN).get("error.storeInUse")).contains("席位", "网关", "griddesk gateway", "请先关闭它");
        assertThat(Messages.of(Language.EN).get("error.storeInUse")).contains("a desk", "a gateway", "Close it");
    }

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

    /// Every command's `--help` describes that command: one without a description of its own in the
    /// bundle showed the desk's ("with no command, starts the desk"), as `report assessment` did.
    @Test
    void everyCommandsHelpDescribesItselfNotTheDesk() {
        for (String lang : List.of("zh_CN", "en")) {
            String desk = CliRun.run("--help", "--lang", lang).out();
            String deskLine = desk.lines().dropWhile(l -> !l.startsWith("说明") && !l.startsWith("Description")).skip(1)
                    .findFirst().orElseThrow();
            List<List<String>> paths = new ArrayList<>();
            collect(GridDeskCli.commandLine(new String[0], Map.of(), org.griddesk.ui.Messages.of(org.griddesk.ui.Language.ZH_CN)),
                    List.of(), paths);
            assertThat(paths).contains(List.of("report", "assessment"), List.of("assessment", "weights", "set"), List.of("digest"));
            for (List<String> path : paths) {
                List<String> args = new ArrayList<>(path);
                args.addAll(List.of("--help", "--lang", lang));
                CliRun help = CliRun.run(args.toArray(String[]::new));
                assertThat(help.code()).isZero();
                assertThat(help.out()).as("%s --help (%s)", String.join(" ", path), lang).doesNotContain(deskLine);
            }
        }
        assertThat(CliRun.run("report", "assessment", "--help").out()).contains("考评专报", "--month=YYYY-MM", "月报，如 2026-11");
        assertThat(CliRun.run("digest", "--help", "--lang", "en").out()).contains("hotline digest").doesNotContain("专线舆情日报");
        CliRun misused = CliRun.run("report", "assessment", "--month", "2026-11");
        assertThat(misused.code()).isEqualTo(2);
        assertThat(misused.err()).as("points at the misused command's help").contains("用 griddesk report assessment --help 查看用法");
    }

    @Test
    void aCommandLineGetsTheCommandsItNamesAndOneNamingNoneGetsThemAll() {
        var messages = org.griddesk.ui.Messages.of(org.griddesk.ui.Language.ZH_CN);
        assertThat(GridDeskCli.commandLine(new String[] {"grids", "locate", "117.38", "38.94", "--data-dir", "x"}, Map.of(), messages)
                .getSubcommands()).containsOnlyKeys("grids");
        assertThat(GridDeskCli.commandLine(new String[] {"--lang", "en"}, Map.of(), messages).getSubcommands())
                .hasSize(GridDeskCommand.COMMANDS.size()).containsKeys("db", "grids", "gateway", "alarms");
        CliRun typo = CliRun.run("grid", "locate", "117.38", "38.94");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("无法识别的选项或参数“grid locate 117.38 38.94”", "griddesk --help");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        command.getSubcommands().forEach((name, sub) -> {
            List<String> here = new ArrayList<>(path);
            here.add(name);
            into.add(here);
            collect(sub, here, into);
        });
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
        assertThat(unknown.err()).contains("命令行参数有误", "无法识别的选项或参数“--frobnicate”");

        // picocli's English is said again in Chinese: a value of the wrong kind names its option and the value
        CliRun tolerance = CliRun.run("--data-dir", untouched.toString(), "grids", "import", "any.geojson", "--tolerance", "abc");
        assertThat(tolerance.code()).isEqualTo(2);
        assertThat(tolerance.err()).contains("--tolerance 的值“abc”无效").doesNotContain("Invalid value");
        CliRun missing = CliRun.run("--data-dir", untouched.toString(), "grids", "import");
        assertThat(missing.err()).contains("缺少必需的参数").doesNotContain("Missing required");

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
