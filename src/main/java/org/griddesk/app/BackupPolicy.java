package org.griddesk.app;

import java.nio.file.Path;

/// The embedded store's backups as configured (`backup.*`).
///
/// @param folder   where backups go: empty for `backups/` in the data folder; a relative path is
///                 taken from the data folder
/// @param keepDays how many days a daily backup is kept (the newest always is)
/// @param daily    whether the desk backs its store up once a day by itself
public record BackupPolicy(String folder, int keepDays, boolean daily) {
    public static final int DEFAULT_KEEP_DAYS = 14;
    public static final int MAX_KEEP_DAYS = 366;
    public static final BackupPolicy DEFAULT = new BackupPolicy("", DEFAULT_KEEP_DAYS, true);

    /// The backups folder of a desk whose data folder is `data`.
    public Path folderIn(DataFolder data) {
        return folder.isEmpty() ? data.root().resolve("backups") : data.root().resolve(folder).normalize();
    }
}
