package org.griddesk.store.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/// Scratch files and folders of a check or an import that a killed process left: removed by the next
/// one once they are [#AGE] old (a younger one may belong to a run going on now).
final class Leftovers {
    static final Duration AGE = Duration.ofDays(1);

    private Leftovers() {
    }

    /// Removes what in `folder` starts with `prefix` and was last changed more than [#AGE] ago.
    static void prune(Path folder, String prefix) {
        try {
            olderThan(folder, f -> f.getFileName().toString().startsWith(prefix), Instant.now().minus(AGE))
                    .forEach(BackupCheck::removeQuietly);
        } catch (IOException e) {
            // nothing pruned: tried again next time
        }
    }

    /// What in `folder` (none when it is missing) `which` picks and was last changed before `before`.
    static List<Path> olderThan(Path folder, java.util.function.Predicate<Path> which, Instant before) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(which).filter(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant().isBefore(before);
                } catch (IOException gone) {
                    return false;
                }
            }).toList();
        }
    }
}
