package org.griddesk.supervise.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/// Where a bulletin goes: the format from the file's name (`.pdf` or `.xlsx`), a check that the file can
/// be written made before anything is computed, and a write that leaves either the whole file or none.
public final class BulletinFile {
    private BulletinFile() {
    }

    /// The two formats of a bulletin.
    public enum Format {
        PDF, XLSX
    }

    /// The format of `file`, after checking it can be written (its folder exists and takes new files, and
    /// it is not itself a folder or a read-only file).
    ///
    /// @throws IllegalArgumentException with the reason in words
    public static Format check(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format = name.endsWith(".pdf") ? Format.PDF : name.endsWith(".xlsx") ? Format.XLSX : null;
        if (format == null) {
            throw new IllegalArgumentException("考评专报只能写成 .pdf 或 .xlsx 文件: " + file);
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException("无法写入 " + file + ": 目录 " + folder + " 不存在");
        }
        if (Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("无法写入 " + file + ": 这是一个目录");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new IllegalArgumentException("无法写入 " + file + ": 文件只读");
        }
        try {
            Path probe = Files.createTempFile(folder, ".griddesk-report", ".tmp");
            Files.delete(probe);
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("无法写入 " + file + ": 没有写入目录 " + folder + " 的权限");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("无法写入 " + file + ": 目录 " + folder + " 不存在");
        } catch (IOException e) {
            throw new IllegalArgumentException("无法写入 " + file + ": " + e.getMessage());
        }
        return format;
    }

    /// Writes `bulletin` to `file` in the format its name says: to a temporary file beside it, then moved
    /// into place, so a failure leaves no half-written bulletin.
    public static void write(Bulletin bulletin, Path file) throws IOException {
        Format format = check(file);
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".griddesk-report", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                switch (format) {
                    case PDF -> BulletinPdf.write(bulletin, out);
                    case XLSX -> BulletinXlsx.write(bulletin, out);
                }
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
