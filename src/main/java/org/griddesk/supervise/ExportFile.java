package org.griddesk.supervise;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;

/// A file a supervision export (考评专报, 专线舆情日报) is written to: checked before anything is computed,
/// then written whole or not at all. The export goes to a hidden file beside the target and is moved
/// over it only when complete, so a failure, or the process being killed, never leaves a half-written
/// file under the final name and never spoils the file that was there before. The new file gets the
/// folder's usual permissions (the process's umask), or those of the file it replaces.
public final class ExportFile {
    /// Words of the reasons, Chinese and English.
    public static final String BUNDLE = "i18n/export";

    private ExportFile() {
    }

    /// What a file is written with: the export itself, into `out` (its temporary file `part`).
    @FunctionalInterface
    public interface Body<T> {
        T writeTo(OutputStream out, Path part) throws IOException;
    }

    /// Why a file cannot be written, in words of either language ([#getMessage] is Chinese).
    public static final class Unwritable extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String key;
        private final transient Object[] args;

        Unwritable(String key, Object... args) {
            super(Messages.of(Language.ZH_CN, BUNDLE).get(key, args));
            this.key = key;
            this.args = args.clone();
        }

        /// The whole message ("cannot write F: reason") in `language`.
        public String message(Language language) {
            return Messages.of(language, BUNDLE).get(key, args);
        }

        /// Only the reason, in `language`.
        public String reason(Language language) {
            return Messages.of(language, BUNDLE).get(key + ".reason", args);
        }
    }

    /// Checks that `file` can be written: its folder exists and takes new files, and it is neither a
    /// folder nor a read-only file. Writes nothing.
    ///
    /// @throws Unwritable with the reason
    public static void check(Path file) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (file.getFileName() == null || file.toString().isBlank() || folder == null) {
            throw new Unwritable("export.noName", file);
        }
        if (!Files.isDirectory(folder)) {
            throw new Unwritable("export.noFolder", file, folder);
        }
        if (Files.isDirectory(absolute)) {
            throw new Unwritable("export.isFolder", file);
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new Unwritable("export.readOnly", file);
        }
        try {
            Files.delete(createPart(absolute));
        } catch (IOException e) {
            throw refusal(file, folder, e);
        }
    }

    /// Writes `file` with `body`: checked first ([#check]), written to a temporary file beside it,
    /// then moved into place; on any failure the temporary file is removed and `file` is as it was.
    ///
    /// @throws Unwritable when the file cannot be written, before `body` runs
    public static <T> T write(Path file, Body<T> body) throws IOException {
        check(file);
        Path absolute = file.toAbsolutePath();
        removeLeftParts(absolute);
        Path part = createPart(absolute);
        try {
            T made;
            try (OutputStream out = Files.newOutputStream(part)) {
                made = body.writeTo(out, part);
            }
            keepPermissionsOf(absolute, part);
            Files.move(part, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return made;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /// Temporary files of `target` left by a process killed while it wrote (an hour old or more: a
    /// write under way in another desk is younger), removed so that they do not pile up beside it.
    private static void removeLeftParts(Path target) {
        String prefix = "." + target.getFileName() + ".";
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        try (var inFolder = Files.list(target.getParent())) {
            for (Path p : inFolder.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".part")).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(anHourAgo)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // only tidying: the export itself goes on
        }
    }

    /// A new empty hidden file beside `target`, made like any new file (the umask decides who may read
    /// it), unlike [Files#createTempFile] which makes it readable by its owner only.
    private static Path createPart(Path target) throws IOException {
        Path folder = target.getParent();
        for (int attempt = 0; ; attempt++) {
            Path part = folder.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".part");
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 9) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissionsOf(Path replaced, Path part) throws IOException {
        PosixFileAttributeView before = Files.getFileAttributeView(replaced, PosixFileAttributeView.class);
        PosixFileAttributeView after = Files.getFileAttributeView(part, PosixFileAttributeView.class);
        if (before != null && after != null && Files.isRegularFile(replaced)) {
            after.setPermissions(before.readAttributes().permissions());
        }
    }

    private static Unwritable refusal(Path file, Path folder, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new Unwritable("export.denied", file, folder);
        }
        if (e instanceof NoSuchFileException) {
            return new Unwritable("export.noNewFiles", file, folder);
        }
        return new Unwritable("export.failed", file, String.valueOf(e.getMessage()));
    }
}
