package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk db export / import`, the way across a change of H2's file format: the whole store as an SQL
/// script, built again in another data folder with every row and its schema history; refused while a
/// real gateway process holds the store, over an existing file or store, and for a damaged export.
class DbExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void anExportBuildsTheSameStoreElsewhereAndNothingIsReplacedOrLeftHalfBuilt() throws Exception {
        Path data = dir.resolve("data");
        SeededStore.withSmallDistrict(data, List.of(), dir);
        long grids;
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).putIfAbsent("export.probe", "津南区网格指挥台");
            grids = db.dsl().fetchCount(db.dsl().selectFrom("region"));
        }
        assertThat(grids).isPositive();
        Path export = dir.resolve("导出 津南.zip");

        try (GatewayProcess gateway = GatewayProcess.start(data, List.of(), dir.resolve("gateway.log"))) {
            CliRun inUse = CliRun.in(data, "db", "export", "--out", export.toString());
            assertThat(inUse.code()).isEqualTo(1);
            assertThat(inUse.err()).contains("数据库正被使用", "请先关闭");
            assertThat(export).doesNotExist();
            gateway.kill();
        }

        CliRun exported = CliRun.in(data, "db", "export", "--out", export.toString());
        assertThat(exported.code()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("已导出到", "结构版本", "数据密钥");
        assertThat(CliRun.in(data, "db", "export", "--out", export.toString()).err()).contains("已存在");

        Path elsewhere = dir.resolve("new-desk");
        CliRun imported = CliRun.in(elsewhere, "db", "import", export.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("已从", "建库");
        try (Database db = Database.open(DatabaseSettings.embeddedH2(elsewhere), ThreadGuard.NONE)) {
            assertThat(db.migrate().applied()).as("the schema history came along: nothing to apply again").isZero();
            assertThat(new SystemPropertyRepository(db.dsl(), Clock.systemUTC()).find("export.probe")).get()
                    .extracting(p -> p.value()).isEqualTo("津南区网格指挥台");
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("region"))).isEqualTo(grids);
        }

        CliRun again = CliRun.in(elsewhere, "db", "import", export.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("这里已有数据库", "未做任何更改");

        Path cut = dir.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(export);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path third = dir.resolve("third-desk");
        CliRun damaged = CliRun.in(third, "db", "import", cut.toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.err()).contains("不能导入", "未建数据库");
        assertNoStore(third);

        // a real export with a line added by hand: refused before any of it runs
        Path marker = dir.resolve("pwned.txt");
        Path tampered = dir.resolve("tampered.zip");
        String script;
        try (var zip = new java.util.zip.ZipFile(export.toFile())) {
            script = new String(zip.getInputStream(zip.getEntry("script.sql")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(tampered))) {
            out.putNextEntry(new java.util.zip.ZipEntry("script.sql"));
            out.write((script + "CALL FILE_WRITE('x', '" + marker + "');\nDROP TABLE \"PUBLIC\".\"SAVED_VIEW\";\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path fourth = dir.resolve("fourth-desk");
        CliRun evil = CliRun.in(fourth, "db", "import", tampered.toString());
        assertThat(evil.code()).isEqualTo(1);
        assertThat(evil.err()).contains("不能导入", "FILE_WRITE", "未运行其中任何语句");
        assertThat(marker).doesNotExist();
        assertNoStore(fourth);
    }

    private static void assertNoStore(Path dataDir) throws java.io.IOException {
        if (!Files.isDirectory(dataDir.resolve("db"))) {
            return;
        }
        try (Stream<Path> left = Files.list(dataDir.resolve("db"))) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no store and no half-built one").noneMatch(n -> n.contains(".mv.db"));
        }
    }
}
