package org.griddesk.store.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/// The file format of an embedded store, read from the header H2 writes at the start of its `.mv.db`
/// file (`H:2,block:…,format:3,…`) before H2 itself opens it. H2 2.4 reads and writes format 3 only; a
/// file in another format (written by an older H2, or by a newer GridDesk's newer H2) is refused with
/// the way across — `griddesk db export` where it was written, `griddesk db import` here — and is not
/// touched. When a newer H2 changes the format, [#SUPPORTED] and StoreFormatTest say so first.
public final class StoreFormat {
    /// the MVStore file format the bundled H2 (2.4) reads and writes
    public static final int SUPPORTED = 3;
    /// H2 writes its header twice in the first two 4 KB blocks; the first is enough to read the format
    private static final int HEADER_BYTES = 4096;

    /// A store file's header fields that matter here: the format it was written in, and the oldest
    /// format a reader must understand to read it (H2 writes `formatRead` when it differs).
    public record Header(int format, int formatRead) {
    }

    private StoreFormat() {
    }

    /// The header of `mvDb`, or empty when the file is not an H2 store at all (H2 then says what it is).
    public static Optional<Header> read(Path mvDb) {
        byte[] bytes = new byte[HEADER_BYTES];
        int length;
        try (InputStream in = Files.newInputStream(mvDb)) {
            length = in.readNBytes(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + mvDb, e);
        }
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        int end = 0;
        while (end < text.length() && text.charAt(end) > ' ' && text.charAt(end) < 127) {
            end++;
        }
        Map<String, String> fields = new HashMap<>();
        for (String field : text.substring(0, end).split(",")) {
            int colon = field.indexOf(':');
            if (colon > 0) {
                fields.put(field.substring(0, colon), field.substring(colon + 1));
            }
        }
        if (!"2".equals(fields.get("H")) || !fields.containsKey("format")) {
            return Optional.empty();
        }
        try {
            int format = Integer.parseInt(fields.get("format"), 16);
            int formatRead = fields.containsKey("formatRead") ? Integer.parseInt(fields.get("formatRead"), 16) : format;
            return Optional.of(new Header(format, formatRead));
        } catch (NumberFormatException notH2) {
            return Optional.empty();
        }
    }

    /// Refuses a store file this H2 cannot read, before anything opens it; a missing file or one that is
    /// no H2 store passes (a new store is made; H2 names what is wrong with the other).
    public static void check(Path mvDb) {
        if (!Files.isRegularFile(mvDb)) {
            return;
        }
        read(mvDb).ifPresent(header -> {
            if (header.formatRead() > SUPPORTED) {
                throw new BackupRefused(
                        "数据库文件 " + mvDb + " 由更新版本的网格指挥台写成（文件格式 " + header.format() + "，本版本只读格式 " + SUPPORTED
                                + "）：请安装那个版本或更新的版本。若必须回到本版本：在新版本中执行 griddesk db export --out 文件，"
                                + "再在本版本中把数据库移开后执行 griddesk db import 文件。数据库文件未被改动。",
                        "the store " + mvDb + " was written by a newer GridDesk (file format " + header.format()
                                + "; this version reads format " + SUPPORTED + "): install that version or a newer one. To go back to"
                                + " this version: run griddesk db export --out FILE in the newer one, move the store away, then run"
                                + " griddesk db import FILE here. The store was not changed.");
            }
            if (header.format() < SUPPORTED) {
                throw new BackupRefused(
                        "数据库文件 " + mvDb + " 是旧版数据库格式 " + header.format() + "（本版本读格式 " + SUPPORTED
                                + "）：请用写它的旧版本执行 griddesk db export --out 文件，把数据库移开，再在本版本中执行 "
                                + "griddesk db import 文件。数据库文件未被改动。",
                        "the store " + mvDb + " is in the older file format " + header.format() + " (this version reads format "
                                + SUPPORTED + "): run griddesk db export --out FILE with the version that wrote it, move the store"
                                + " away, then run griddesk db import FILE here. The store was not changed.");
            }
        });
    }
}
