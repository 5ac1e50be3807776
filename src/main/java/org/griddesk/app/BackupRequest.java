package org.griddesk.app;

import java.nio.file.Path;
import java.util.Locale;
import org.griddesk.store.Database;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.backup.BackupRefused;
import org.griddesk.store.backup.StoreBackup;

/// `griddesk db backup` asked of the process that holds the store open: a backup written by it, to
/// `out` or, when that is null, as the next file of its backups folder.
record BackupRequest(String out) implements ControlRequest {
    /// The backup's file and size; or why none was written (in Chinese and English).
    record Reply(String file, long bytes, String errorZh, String errorEn) {
        static Reply failed(Exception e) {
            return e instanceof BackupRefused r ? new Reply(null, 0, r.message(Locale.CHINESE), r.message(Locale.ENGLISH))
                    : new Reply(null, 0, String.valueOf(e.getMessage()), String.valueOf(e.getMessage()));
        }
    }

    Reply apply(Database db, BackupFolder folder) {
        Path target = out == null ? folder.nextManual() : Path.of(out);
        long bytes = StoreBackup.write(db, target);
        return new Reply(target.toAbsolutePath().toString(), bytes, null, null);
    }
}
