package org.griddesk.supervise.bulletin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.griddesk.supervise.ExportFile;

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
    /// @throws IllegalArgumentException with the reason in words ([ExportFile.Unwritable] when the file cannot be written)
    public static Format check(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format format = name.endsWith(".pdf") ? Format.PDF : name.endsWith(".xlsx") ? Format.XLSX : null;
        if (format == null) {
            throw new IllegalArgumentException("考评专报只能写成 .pdf 或 .xlsx 文件: " + file);
        }
        ExportFile.check(file);
        return format;
    }

    /// Writes `bulletin` to `file` in the format its name says, through [ExportFile]: to a temporary file
    /// beside it, then moved into place, so a failure leaves no half-written bulletin.
    public static void write(Bulletin bulletin, Path file) throws IOException {
        Format format = check(file);
        ExportFile.write(file, (out, part) -> {
            switch (format) {
                case PDF -> BulletinPdf.write(bulletin, out);
                case XLSX -> BulletinXlsx.write(bulletin, out);
            }
            return format;
        });
    }
}
