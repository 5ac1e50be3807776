package org.griddesk.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.griddesk.store.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Carries an embedded store across H2 file formats ([StoreFormat]): `export` writes the whole store —
/// schema, rows, the migrations' history — as H2's SQL script in a zip, which any later H2 runs;
/// `importInto` builds a new store file from such a script, in a data folder that has none. A backup
/// ([StoreBackup]) is a copy of the file and needs the same format; an export does not. The data key
/// (`keys/`) is in neither: it moves with the data folder.
public final class StoreTransfer {
    private static final Logger log = LoggerFactory.getLogger(StoreTransfer.class);
    /// H2's "database may be already in use"
    private static final int H2_IN_USE = 90020;

    /// What an export wrote or an import built: the file, the store's schema version and its tickets.
    public record Transferred(Path file, String schemaVersion, long tickets) {
    }

    private StoreTransfer() {
    }

    /// Writes the embedded store of `settings` to `out` (refused when `out` exists, when there is no store,
    /// or while a desk or gateway holds it open). The store is opened read-only and not migrated: an export
    /// is taken with the version that wrote the store.
    public static Transferred export(DatabaseSettings settings, Path out) {
        Path store = storeFile(settings);
        if (!Files.isRegularFile(store)) {
            throw new BackupRefused(store.getParent() + " 中没有数据库，无可导出", "there is no store in " + store.getParent() + ": nothing to export");
        }
        if (Files.exists(out)) {
            throw new BackupRefused(out + " 已存在：请换一个文件名（未覆盖任何文件）", out + " exists already: name another file (nothing was replaced)");
        }
        StoreFormat.check(store);
        Path part = out.toAbsolutePath().resolveSibling("." + out.getFileName() + "." + UUID.randomUUID() + ".part");
        String url = settings.url() + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r";
        try (Connection c = DriverManager.getConnection(url, settings.user(), settings.password()); Statement s = c.createStatement()) {
            BackupCheck.Summary summary = BackupCheck.summarize(c, store.getFileName().toString());
            s.execute("SCRIPT TO " + literal(part) + " COMPRESSION ZIP");
            Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
            log.info("store {} exported to {} (schema {}, {} tickets)", store, out, summary.schemaVersion(), summary.tickets());
            return new Transferred(out, summary.schemaVersion(), summary.tickets());
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_IN_USE) {
                throw new BackupRefused("数据库正被使用（网格指挥台或网关正在运行）：请先关闭它再导出，未做任何更改",
                        "the store is in use (a desk or a gateway runs on it): close it first; nothing was exported", e);
            }
            throw new BackupRefused("无法导出数据库：" + BackupCheck.firstLine(e.getMessage()),
                    "cannot export the store: " + BackupCheck.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the export at " + out, e);
        } finally {
            deleteQuietly(part);
        }
    }

    /// Builds the embedded store of `settings` from an export: only where there is no store yet (an existing
    /// one is moved away by hand first, so nothing is replaced by mistake). The store is built under another
    /// name and put in place only when the whole script ran and it reads as a GridDesk store; the next start
    /// brings it up to date with its migrations.
    public static Transferred importInto(DatabaseSettings settings, Path export) {
        Path store = storeFile(settings);
        if (Files.exists(store)) {
            throw new BackupRefused("这里已有数据库 " + store + "：导入只建新库。请先把它移开（或改用 griddesk db restore 恢复备份），未做任何更改",
                    "there is a store already at " + store + ": an import only builds a new one. Move it away first (or restore a backup"
                            + " with griddesk db restore); nothing was changed");
        }
        if (!Files.isRegularFile(export)) {
            throw new BackupRefused("找不到导出文件 " + export, "no export file " + export);
        }
        Path script = null;
        try {
            Files.createDirectories(store.getParent());
            script = Files.createTempFile(store.getParent(), ".griddesk-importing-", ".sql");
            ExportScript.unpackChecked(export, script, settings.user());
        } catch (ExportScript.Refused refused) {
            deleteQuietly(script);
            throw new BackupRefused("「" + export.getFileName() + "」不能导入：" + refused.zh() + "。未建数据库，未运行其中任何语句",
                    "\"" + export.getFileName() + "\" cannot be imported: " + refused.getMessage() + ". No store was made and none of it ran",
                    refused);
        } catch (IOException e) {
            deleteQuietly(script);
            throw new BackupRefused("无法读取导出文件「" + export.getFileName() + "」：" + e.getMessage(),
                    "cannot read the export \"" + export.getFileName() + "\": " + e.getMessage(), e);
        }
        Path scratch = store.resolveSibling(".griddesk-importing-" + UUID.randomUUID());
        Path scratchFile = Path.of(scratch + ".mv.db");
        try {
            Files.createDirectories(store.getParent());
            Leftovers.prune(store.getParent(), ".griddesk-importing-");
            BackupCheck.Summary summary;
            try (Connection c = DriverManager.getConnection(BackupCheck.fileUrl(scratch), settings.user(), settings.password());
                 Statement s = c.createStatement()) {
                // the very file that was checked, not the zip again
                s.execute("RUNSCRIPT FROM " + literal(script.toAbsolutePath()) + " CHARSET 'UTF-8'");
                StoreShape.check(c, settings.user());
                summary = BackupCheck.summarize(c, export.getFileName().toString());
            } catch (SQLException e) {
                throw new BackupRefused("「" + export.getFileName() + "」不是网格指挥台的完整导出（或已损坏）：" + BackupCheck.firstLine(e.getMessage())
                        + "。未建数据库", "\"" + export.getFileName() + "\" is not a whole GridDesk export (or is damaged): "
                        + BackupCheck.firstLine(e.getMessage()) + ". No store was made", e);
            }
            putInPlace(scratchFile, store);
            log.info("store {} built from the export {} (schema {}, {} tickets)", store, export, summary.schemaVersion(), summary.tickets());
            return new Transferred(store, summary.schemaVersion(), summary.tickets());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the store at " + store, e);
        } finally {
            deleteQuietly(scratchFile);
            deleteQuietly(Path.of(scratch + ".trace.db"));
            deleteQuietly(script);
        }
    }

    /// Moves the built store into place only if no store is there: a link, which fails when the name
    /// exists (two imports at once: the second is refused, never replaces the first's store).
    private static void putInPlace(Path built, Path store) throws IOException {
        try {
            Files.createLink(store, built);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BackupRefused("这里刚刚有了数据库 " + store + "（另一个导入或程序同时建了它）：未替换它，本次导入的结果已丢弃",
                    "a store appeared at " + store + " meanwhile (another import or program made it): it was not replaced and this"
                            + " import was dropped", e);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            if (noLinks instanceof java.nio.file.FileSystemException fse && Files.exists(store)) {
                throw fse;
            }
            Files.move(built, store); // a file system without links: refused when the name exists
        }
    }

    private static Path storeFile(DatabaseSettings settings) {
        String file = settings.embeddedFile().orElseThrow(() -> new BackupRefused(
                        "只有本机嵌入式数据库可以这样导出、导入；PostgreSQL 请用服务器的工具（pg_dump）", "only an embedded store is exported"
                                + " and imported this way; for PostgreSQL use the server's tools (pg_dump)"))
                .toString();
        return Path.of(file + ".mv.db");
    }

    private static String literal(Path path) {
        return "'" + path.toString().replace("'", "''") + "'";
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("{} left", file, e);
        }
    }
}
