package org.griddesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The store's file format, checked before H2 opens a file: the bundled H2 writes the format this
/// version reads (when an H2 update changes it, this test is the first to say so), and a file of a newer
/// or an older format is refused untouched with the way across (export there, import here).
class StoreFormatTest {
    @TempDir
    Path temp;

    @Test
    void theBundledH2WritesTheFormatThisVersionReads() {
        Path store = madeStore("current");
        assertThat(StoreFormat.read(store)).contains(new StoreFormat.Header(StoreFormat.SUPPORTED, StoreFormat.SUPPORTED));
        StoreFormat.check(store); // passes
    }

    @Test
    void aStoreOfANewerFormatIsRefusedUntouchedWithTheWayBack() throws Exception {
        Path data = temp.resolve("newer");
        Path store = madeStore("newer");
        byte[] before = withFormat(store, "4");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE))
                .isInstanceOfSatisfying(BackupRefused.class, refused -> {
                    assertThat(refused.message(Locale.CHINESE)).contains("更新版本的网格指挥台", "文件格式 4", "griddesk db export",
                            "griddesk db import", "数据库文件未被改动");
                    assertThat(refused.message(Locale.ENGLISH)).contains("newer GridDesk", "The store was not changed");
                });
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aStoreOfAnOlderFormatIsRefusedWithTheWayForward() throws Exception {
        Path data = temp.resolve("older");
        Path store = madeStore("older");
        byte[] before = withFormat(store, "2");

        assertThatThrownBy(() -> Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE))
                .isInstanceOfSatisfying(BackupRefused.class, refused -> assertThat(refused.message(Locale.CHINESE))
                        .contains("旧版数据库格式 2", "griddesk db export --out", "griddesk db import"));
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void aFileThatIsNoH2StoreIsLeftForH2ToName() throws Exception {
        Path junk = temp.resolve("junk.mv.db");
        Files.write(junk, "这不是数据库 not a store".getBytes(StandardCharsets.UTF_8));
        assertThat(StoreFormat.read(junk)).isEmpty();
        StoreFormat.check(junk);
        StoreFormat.check(temp.resolve("missing.mv.db"));
    }

    private Path madeStore(String name) {
        Path data = temp.resolve(name);
        try (Database db = Database.open(DatabaseSettings.embeddedH2(data), ThreadGuard.NONE)) {
            db.migrate();
        }
        return data.resolve("db").resolve("griddesk.mv.db");
    }

    /// Rewrites the `format:` field of the first header (same length), as a file of that format would read.
    private static byte[] withFormat(Path store, String format) throws Exception {
        byte[] bytes = Files.readAllBytes(store);
        String head = new String(bytes, 0, 4096, StandardCharsets.ISO_8859_1);
        int at = head.indexOf(",format:" + Integer.toHexString(StoreFormat.SUPPORTED) + ",");
        assertThat(at).as("the header names its format").isPositive();
        bytes[at + ",format:".length()] = (byte) format.charAt(0);
        Files.write(store, bytes);
        return Arrays.copyOf(bytes, bytes.length);
    }
}
