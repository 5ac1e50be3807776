package org.griddesk.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A consistent copy of the open embedded store, taken while the desk works on: H2's `BACKUP TO`
/// copies the store's file into a zip as of one moment (its multi-version store lets writes go on
/// meanwhile). Written under a temporary name beside the target and moved into place at the end, so a
/// backup cut short (a crash, a full disk) never leaves a file that looks whole.
public final class StoreBackup {
    private static final Logger log = LoggerFactory.getLogger(StoreBackup.class);

    private StoreBackup() {
    }

    /// Writes the backup of `db` to `zip` (replacing a file there) and returns its size in bytes.
    /// Refused for a store that is not an embedded file.
    public static long write(Database db, Path zip) {
        if (db.kind() != DatabaseKind.H2 || db.settings().embeddedFile().isEmpty()) {
            throw new BackupRefused("只有本机嵌入式数据库可以这样备份；PostgreSQL 请用服务器的 pg_dump 等工具",
                    "only an embedded store is backed up this way; back up a PostgreSQL store with the server's tools (pg_dump)");
        }
        Path target = zip.toAbsolutePath();
        // a partial file of this write alone: two backups to the same target never share one
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(partial);
            long started = System.nanoTime();
            db.dsl().execute("BACKUP TO " + quoted(partial.toString()));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long size = Files.size(target);
            log.info("store backed up to {} ({} KB, {} ms)", target, size / 1024, (System.nanoTime() - started) / 1_000_000);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                log.debug("partial backup {} left", partial, e);
            }
        }
    }

    /// A string literal of SQL: in single quotes, each quote doubled.
    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
