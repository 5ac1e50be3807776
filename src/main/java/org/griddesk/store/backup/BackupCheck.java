package org.griddesk.store.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/// A backup looked at before anything is replaced by it: a zip holding one store file, which opens as
/// a GridDesk store (its schema history and its tickets read) from a scratch copy. A file that is not
/// a zip, a zip cut short, a zip of something else or a store file that does not open is refused with
/// the reason; the store in use is not touched.
public final class BackupCheck {
    /// What a backup holds: the store file's name in the zip, its schema version and how many tickets.
    public record Summary(String entry, String schemaVersion, long tickets) {
    }

    private BackupCheck() {
    }

    /// Checks `zip` in a scratch folder under `scratchParent` (removed after) and, when it is sound,
    /// leaves its store file at `extractTo` (when not null): what a restore puts in place.
    public static Summary check(Path zip, String user, String password, Path scratchParent, Path extractTo) {
        if (!Files.isRegularFile(zip)) {
            throw new BackupRefused("找不到备份文件 " + zip, "no backup file " + zip);
        }
        Path scratch = null;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> stores = file.stream().filter(e -> !e.isDirectory() && e.getName().endsWith(".mv.db")).toList();
            if (stores.size() != 1) {
                throw new BackupRefused("「" + zip.getFileName() + "」不是网格指挥台的备份：其中应有且只有一个数据库文件（.mv.db），实有 " + stores.size() + " 个",
                        "\"" + zip.getFileName() + "\" is not a GridDesk backup: it should hold exactly one store file (.mv.db), it holds "
                                + stores.size());
            }
            ZipEntry entry = stores.getFirst();
            Path parent = scratchParent.toAbsolutePath().toString().indexOf(';') >= 0
                    ? Path.of(System.getProperty("java.io.tmpdir")) : scratchParent; // H2 cannot open a path with ';'
            Files.createDirectories(parent);
            Leftovers.prune(parent, "restore-check-");
            scratch = Files.createTempDirectory(parent, "restore-check-");
            Path store = scratch.resolve("griddesk.mv.db");
            try (InputStream in = file.getInputStream(entry)) {
                unpack(in, store, zip);
            }
            Summary summary = open(scratch.resolve("griddesk"), user, password, entry.getName(), zip);
            if (extractTo != null) {
                Files.createDirectories(extractTo.getParent());
                Files.copy(store, extractTo, StandardCopyOption.REPLACE_EXISTING);
            }
            return summary;
        } catch (ZipException | java.io.EOFException damaged) {
            throw new BackupRefused("「" + zip.getFileName() + "」不是完整的备份文件（不是 zip，或已损坏、被截断）：" + damaged.getMessage(),
                    "\"" + zip.getFileName() + "\" is not a whole backup (not a zip, or damaged or cut short): " + damaged.getMessage(), damaged);
        } catch (IOException e) {
            throw new BackupRefused("无法读取备份文件「" + zip.getFileName() + "」：" + e.getMessage(),
                    "cannot read the backup \"" + zip.getFileName() + "\": " + e.getMessage(), e);
        } finally {
            removeQuietly(scratch);
        }
    }

    /// Opens the scratch copy as H2 would the store and reads what a store must have.
    private static Summary open(Path file, String user, String password, String entry, Path zip) {
        String url = fileUrl(file) + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            StoreShape.check(c, user); // from the information schema alone: nothing of the file's runs
            return summarize(c, entry);
        } catch (SQLException e) {
            throw new BackupRefused("备份「" + zip.getFileName() + "」中的数据库无法打开或不是网格指挥台的数据库：" + firstLine(e.getMessage()),
                    "the store in the backup \"" + zip.getFileName() + "\" does not open or is not a GridDesk store: " + firstLine(e.getMessage()), e);
        }
    }

    /// H2's URL of the store file `file` (without `.mv.db`). H2 reads `;` in a URL as the start of
    /// a setting, so a path with one is refused rather than let a folder's name set anything.
    static String fileUrl(Path file) {
        String path = file.toAbsolutePath().toString().replace('\\', '/');
        if (path.indexOf(';') >= 0) {
            throw new BackupRefused("路径中不能有分号（;）：" + path, "a path with a semicolon (;) cannot be used: " + path);
        }
        return "jdbc:h2:file:" + path;
    }

    /// What the store behind `c` holds: its schema version (the last migration applied) and how many tickets.
    static Summary summarize(Connection c, String entry) throws SQLException {
        try (Statement s = c.createStatement()) {
            String version;
            try (ResultSet r = s.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" "
                    + "AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                version = r.next() ? r.getString(1) : null;
            }
            long tickets;
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM TICKET")) {
                r.next();
                tickets = r.getLong(1);
            }
            if (version == null) {
                throw new SQLException("no schema version recorded");
            }
            return new Summary(entry, version, tickets);
        }
    }

    /// room left on the disk after unpacking: a backup never fills it
    static final long SPARE_BYTES = 256L * 1024 * 1024;

    /// Unpacks the store file, stopping (and refusing) before it would leave less than
    /// [#SPARE_BYTES] free on the disk: a zip can claim anything and unpack to far more than its size.
    private static void unpack(InputStream in, Path store, Path zip) throws IOException {
        long room = Files.getFileStore(store.getParent()).getUsableSpace() - SPARE_BYTES;
        long written = 0;
        byte[] buffer = new byte[1 << 16];
        try (var out = Files.newOutputStream(store)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                written += n;
                if (written > room) {
                    throw new BackupRefused("「" + zip.getFileName() + "」解压后超过磁盘的可用空间（已解出 " + written / (1024 * 1024)
                            + " MB）：请腾出空间，或检查这是否真是备份文件。未做任何更改", "\"" + zip.getFileName()
                            + "\" unpacks to more than the disk has free (" + written / (1024 * 1024) + " MB so far): free some"
                            + " space, or check that it is a backup at all. Nothing was changed");
                }
                out.write(buffer, 0, n);
            }
        }
    }

    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }

    static void removeQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(BackupCheck.class).warn("scratch folder {} not removed", folder, e);
        }
    }
}
