package org.griddesk.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.griddesk.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Puts a backup in place of the embedded store: only when no process holds the store open (a desk or
/// a gateway on it is refused: close it first), only after the backup is checked ([BackupCheck]), and
/// keeping the store it replaces beside it (`griddesk.mv.db.before-restore-…`), so a restore of the
/// wrong file is undone by moving that one back. A backup of an older version is brought up to date
/// by the next start's migrations.
public final class StoreRestore {
    private static final Logger log = LoggerFactory.getLogger(StoreRestore.class);
    /// H2's "database may be already in use"
    private static final int H2_IN_USE = 90020;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /// What a restore did: what the backup held, and where the replaced store was kept (null when there was none).
    public record Restored(BackupCheck.Summary backup, Path keptStore) {
    }

    private StoreRestore() {
    }

    public static Restored restore(DatabaseSettings settings, Path zip, Clock clock) {
        Path file = settings.embeddedFile().orElseThrow(() -> new BackupRefused(
                "只有本机嵌入式数据库可以这样恢复；PostgreSQL 请用服务器的工具恢复", "only an embedded store is restored this way"));
        Path store = Path.of(file + ".mv.db");
        Path incoming = store.resolveSibling(".griddesk.mv.db.restoring");
        // the backup first: a bad one is refused without the store being opened (or touched) at all
        BackupCheck.Summary summary = BackupCheck.check(zip, settings.user(), settings.password(), store.getParent(), incoming);
        try {
            refuseWhenInUse(settings, store);
            Path kept = null;
            if (Files.exists(store)) {
                kept = store.resolveSibling(store.getFileName() + ".before-restore-" + STAMP.format(clock.instant()
                        .atZone(java.time.ZoneId.systemDefault())));
                Files.move(store, kept, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(incoming, store, StandardCopyOption.ATOMIC_MOVE);
            log.info("store {} restored from {} (schema {}, {} tickets); the store it replaced is kept as {}", store, zip,
                    summary.schemaVersion(), summary.tickets(), kept);
            return new Restored(summary, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the backup in place of " + store, e);
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException e) {
                log.debug("{} left", incoming, e);
            }
        }
    }

    /// Opening the store is the one sure test: H2 refuses a file another process has open. A store
    /// that does not open for another reason is no reason to refuse.
    private static void refuseWhenInUse(DatabaseSettings settings, Path store) {
        if (!Files.exists(store)) {
            return;
        }
        try (Connection probe = DriverManager.getConnection(settings.url() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0",
                settings.user(), settings.password())) {
            probe.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_IN_USE || String.valueOf(e.getMessage()).contains("already in use")) {
                throw new BackupRefused("数据库正被使用（网格指挥台或网关正在运行）：请先关闭它再恢复，未做任何更改",
                        "the store is in use (a desk or a gateway runs on it): close it first; nothing was changed", e);
            }
            // a store that does not open is what a restore is for: it is kept beside, as any other
            log.warn("the store {} does not open ({}): it is replaced by the backup and kept", store, e.getMessage());
        }
    }
}
