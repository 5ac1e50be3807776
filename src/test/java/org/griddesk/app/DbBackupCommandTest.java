package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.backup.BackupCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk db backup / restore / backups` as an administrator runs them beside a real gateway
/// process: the backup taken by the process that holds the store open, a restore refused while it
/// runs and done once it is gone (killed with SIGKILL), and damaged backups refused with nothing replaced.
class DbBackupCommandTest {
    @TempDir
    Path dir;

    @Test
    void theRunningGatewayWritesTheBackupAndARestoreWaitsUntilNothingHoldsTheStore() throws Exception {
        Path data = dir.resolve("data");
        SeededStore.withSmallDistrict(data, List.of(), dir);
        Path zip = dir.resolve("值班前备份.zip");
        try (GatewayProcess gateway = GatewayProcess.start(data, List.of(), dir.resolve("gateway.log"))) {
            CliRun backup = CliRun.in(data, "db", "backup", "--out", zip.toString());
            assertThat(backup.code()).as(backup.err()).isZero();
            assertThat(backup.out()).contains("已备份到", "已核验", "由正在运行的网格指挥台写出");
            assertThat(BackupCheck.check(zip, "griddesk", "", dir, null).schemaVersion()).isNotBlank();

            CliRun whileRunning = CliRun.in(data, "db", "restore", zip.toString());
            assertThat(whileRunning.code()).isEqualTo(1);
            assertThat(whileRunning.err()).contains("数据库正被使用", "未做任何更改");
            gateway.kill();
        }
        String written = propertyAfterBackup(data);

        CliRun restored = CliRun.in(data, "db", "restore", zip.toString());
        assertThat(restored.code()).as(restored.err()).isZero();
        assertThat(restored.out()).contains("已从", "原数据库保留为").doesNotContain("没有数据密钥");
        // restored on another PC: the backup holds no key, and the command says so
        CliRun elsewhere = CliRun.in(dir.resolve("other-pc"), "db", "restore", zip.toString());
        assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
        assertThat(elsewhere.out()).contains("没有数据密钥", "keys/personal-data.key");
        try (Stream<Path> kept = Files.list(data.resolve("db"))) {
            assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("griddesk.mv.db.before-restore-"));
        }
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            assertThat(new org.griddesk.store.SystemPropertyRepository(db.dsl(), java.time.Clock.systemUTC()).find(written))
                    .as("what was written after the backup is not in the restored store").isEmpty();
        }

        // nothing runs now: the command backs the store up itself, into the data folder's backups/
        CliRun local = CliRun.in(data, "db", "backup");
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(local.out()).doesNotContain("由正在运行的网格指挥台写出");
        CliRun listed = CliRun.in(data, "db", "backups");
        assertThat(listed.out()).contains("1 份", "手工备份", "-manual.zip");

        CliRun over = CliRun.in(data, "db", "backup", "--out", zip.toString());
        assertThat(over.code()).as("an existing file is not replaced").isEqualTo(1);
        assertThat(over.err()).contains("已存在");
        Path nowhere = dir.resolve("no-store-here");
        CliRun none = CliRun.in(nowhere, "db", "backup");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("没有数据库");
        assertThat(nowhere.resolve("db").resolve("griddesk.mv.db")).as("no empty store made to back up").doesNotExist();
    }

    @Test
    void aDamagedBackupIsRefusedAndTheStoreStaysAsItWas() throws Exception {
        Path data = dir.resolve("data");
        SeededStore.withSmallDistrict(data, List.of(), dir);
        Path good = dir.resolve("good.zip");
        assertThat(CliRun.in(data, "db", "backup", "--out", good.toString()).code()).isZero();
        Path store = data.resolve("db").resolve("griddesk.mv.db");
        byte[] before = Files.readAllBytes(store);

        byte[] noise = new byte[20_000];
        new Random(11).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.zip"), noise);
        byte[] whole = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Path textInside = zip(dir.resolve("text.zip"), "说明.txt", "这不是备份".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path garbageStore = zip(dir.resolve("garbage.zip"), "griddesk.mv.db", noise);
        for (Path bad : List.of(random, cut, textInside, garbageStore)) {
            CliRun refused = CliRun.in(data, "db", "restore", bad.toString());
            assertThat(refused.code()).as(bad.getFileName().toString()).isEqualTo(1);
            assertThat(refused.err()).as(bad.getFileName().toString()).containsAnyOf("不是完整的备份文件", "不是网格指挥台的备份",
                    "无法打开或不是网格指挥台的数据库");
        }
        assertThat(Files.readAllBytes(store)).as("the store untouched").isEqualTo(before);
        try (Stream<Path> files = Files.list(data.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore") || n.contains("restoring"));
        }
        try (Stream<Path> files = Files.list(data.resolve("db"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no scratch copies left")
                    .noneMatch(n -> n.startsWith("restore-check-"));
        }
    }

    private static String propertyAfterBackup(Path data) {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            new org.griddesk.store.SystemPropertyRepository(db.dsl(), java.time.Clock.systemUTC()).put("test.after.backup", "写在备份之后");
        }
        return "test.after.backup";
    }

    private static Path zip(Path file, String entry, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
            zip.closeEntry();
        }
        return file;
    }
}
