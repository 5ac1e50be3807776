package org.griddesk.store.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.griddesk.testsupport.HandClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The backups folder: files named by when they were taken (the desk's local time), a daily backup due
/// a day after the newest, old daily ones removed after the days to keep but never the newest, and a
/// backup taken before an upgrade left to the administrator.
class BackupFolderTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path temp;

    @Test
    void dailyBackupsAreDueADayAfterTheNewestAndPrunedAfterTheDaysToKeep() throws Exception {
        HandClock clock = new HandClock(java.time.Instant.parse("2026-12-01T01:00:00Z"), Duration.ZERO);
        BackupFolder folder = new BackupFolder(temp.resolve("backups"), clock, SHANGHAI);
        assertThat(folder.list()).isEmpty();
        assertThat(folder.dailyDue()).as("none yet").isTrue();

        Path first = touch(folder.nextDaily());
        assertThat(first.getFileName().toString()).isEqualTo("griddesk-20261201-090000.zip");
        assertThat(folder.dailyDue()).isFalse();
        clock.advance(Duration.ofHours(23));
        assertThat(folder.dailyDue()).isFalse();
        clock.advance(Duration.ofHours(1));
        assertThat(folder.dailyDue()).isTrue();

        Path upgrade = touch(folder.beforeUpgrade("31"));
        assertThat(upgrade.getFileName().toString()).isEqualTo("griddesk-20261202-090000-before-V31.zip");
        for (int day = 0; day < 20; day++) {
            clock.advance(Duration.ofDays(1));
            touch(folder.nextDaily());
        }
        Files.writeString(folder.path().resolve("notes.txt"), "not a backup");
        // a write killed half-way two days ago leaves its partial file; one being written now is not touched
        Path abandoned = touch(folder.path().resolve(".griddesk-20261219-090000.zip.4242-1a2b3c.part"));
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(clock.instant().minus(Duration.ofDays(2))));
        Path writing = touch(folder.path().resolve(".griddesk-20261222-090000.zip.4243-1a2b3d.part"));
        Files.setLastModifiedTime(writing, java.nio.file.attribute.FileTime.from(clock.instant()));
        assertThat(folder.list()).hasSize(22);
        assertThat(folder.latest().orElseThrow().file().getFileName().toString()).isEqualTo("griddesk-20261222-090000.zip");

        assertThat(folder.prune(14)).hasSize(7).contains(first, abandoned).doesNotContain(upgrade, writing);
        assertThat(folder.list()).hasSize(16);
        assertThat(abandoned).doesNotExist();
        assertThat(writing).exists();
        assertThat(upgrade).exists();
        assertThat(folder.path().resolve("notes.txt")).exists();

        clock.advance(Duration.ofDays(100));
        assertThat(folder.prune(14)).as("the newest always stays; the partial file is now old too").hasSize(15).contains(writing);
        assertThat(folder.list()).extracting(BackupFolder.Backup::daily).containsExactly(true, false);
    }

    @Test
    void aFileThatOnlyLooksLikeTheNewestBackupIsIgnored() throws Exception {
        HandClock clock = new HandClock(java.time.Instant.parse("2026-12-01T01:00:00Z"), Duration.ZERO);
        BackupFolder folder = new BackupFolder(temp.resolve("backups"), clock, SHANGHAI);
        Path real = touch(folder.nextDaily());
        clock.advance(Duration.ofDays(2));
        assertThat(folder.dailyDue()).isTrue();
        touch(folder.path().resolve("griddesk-20301231-235959.zip")); // dated years ahead
        Files.createFile(folder.path().resolve("griddesk-20261202-090000.zip")); // empty
        Files.createSymbolicLink(folder.path().resolve("griddesk-20261202-100000.zip"), Path.of("/etc/hostname"));
        assertThat(folder.list()).extracting(BackupFolder.Backup::file).containsExactly(real);
        assertThat(folder.dailyDue()).as("the two-day-old backup is still the newest: a daily one is due").isTrue();
    }

    private static Path touch(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "zip");
    }
}
