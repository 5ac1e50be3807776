package org.griddesk.app;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.griddesk.store.Database;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.backup.StoreBackup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's own daily backup of its embedded store: looked at a few minutes after the store opens
/// and every hour after, a backup is taken when the newest is a day old or more (a desk that runs for
/// weeks backs up once a day; one started each morning, at its first hour), then the daily backups
/// older than the days to keep are removed. On its own low-priority thread: the desk never waits.
/// `report` hears the newest backup's time (null: none) and whether the last attempt failed.
final class DailyBackups implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DailyBackups.class);
    static final long FIRST_LOOK_MINUTES = 3;
    static final long LOOK_EVERY_MINUTES = 60;

    private final ScheduledExecutorService timer = BackgroundTimer.named("daily-backup");
    private final Database db;
    private final BackupFolder folder;
    private final int keepDays;
    private final BiConsumer<Instant, Boolean> report;

    private DailyBackups(Database db, BackupFolder folder, int keepDays, BiConsumer<Instant, Boolean> report) {
        this.db = db;
        this.folder = folder;
        this.keepDays = keepDays;
        this.report = report;
    }

    static DailyBackups start(Database db, BackupFolder folder, int keepDays, BiConsumer<Instant, Boolean> report) {
        DailyBackups backups = new DailyBackups(db, folder, keepDays, report);
        backups.timer.execute(backups::reportLatest);
        backups.timer.scheduleWithFixedDelay(backups::backUpWhenDue, FIRST_LOOK_MINUTES, LOOK_EVERY_MINUTES, TimeUnit.MINUTES);
        return backups;
    }

    private void reportLatest() {
        try {
            report.accept(folder.latest().map(BackupFolder.Backup::takenAt).orElse(null), false);
        } catch (RuntimeException e) {
            log.warn("the backups folder {} cannot be read", folder.path(), e);
        }
    }

    /// Takes the daily backup when it is due, then prunes; a failure is reported and tried again within the hour.
    void backUpWhenDue() {
        try {
            if (!folder.dailyDue()) {
                return;
            }
            StoreBackup.write(db, folder.nextDaily());
            folder.prune(keepDays).forEach(old -> log.info("old daily backup removed: {}", old));
            reportLatest();
        } catch (RuntimeException e) {
            log.error("the daily backup to {} failed: tried again within the hour", folder.path(), e);
            report.accept(folder.latest().map(BackupFolder.Backup::takenAt).orElse(null), true);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS); // a backup under way finishes before the store closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
