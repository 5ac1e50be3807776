package org.griddesk.store.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// The folder of a desk's backups: `griddesk-20261203-021500.zip` for a daily one,
/// `griddesk-20261203-021500-before-V31.zip` for the one taken before the store's schema was brought up
/// to date. The time in the name is when it was taken (the desk's local time), so the files sort by
/// age and a person reads them. Daily backups older than the days to keep are removed, never the
/// newest one; the ones before an upgrade are left to the administrator.
public final class BackupFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("griddesk-(\\d{8}-\\d{6})(-before-[A-Za-z0-9._]+)?\\.zip");

    /// One backup in the folder: its file, when it was taken, and whether it is a daily one.
    public record Backup(Path file, Instant takenAt, boolean daily) {
    }

    private final Path folder;
    private final Clock clock;
    private final ZoneId zone;

    public BackupFolder(Path folder, Clock clock, ZoneId zone) {
        this.folder = folder;
        this.clock = clock;
        this.zone = zone;
    }

    public Path path() {
        return folder;
    }

    /// Where the next daily backup goes.
    public Path nextDaily() {
        return folder.resolve("griddesk-" + STAMP.format(LocalDateTime.ofInstant(clock.instant(), zone)) + ".zip");
    }

    /// Where the backup before a schema upgrade to `version` goes.
    public Path beforeUpgrade(String version) {
        return folder.resolve("griddesk-" + STAMP.format(LocalDateTime.ofInstant(clock.instant(), zone)) + "-before-V"
                + version.replaceAll("[^A-Za-z0-9._]", "_") + ".zip");
    }

    /// Every backup in the folder, newest first (none when there is no folder yet).
    public List<Backup> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(this::backupOf).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Backup::takenAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /// The newest backup of any kind.
    public Optional<Backup> latest() {
        return list().stream().findFirst();
    }

    /// Whether a daily backup is due: none yet, or the newest older than a day.
    public boolean dailyDue() {
        return latest().map(b -> Duration.between(b.takenAt(), clock.instant()).compareTo(Duration.ofDays(1)) >= 0).orElse(true);
    }

    /// Removes the daily backups older than `keepDays`, the newest backup always kept; returns those removed.
    public List<Path> prune(int keepDays) {
        Instant limit = clock.instant().minus(Duration.ofDays(keepDays));
        List<Backup> all = list();
        List<Path> removed = all.stream().skip(1).filter(Backup::daily).filter(b -> b.takenAt().isBefore(limit))
                .map(Backup::file).toList();
        for (Path p : removed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old backup " + p, e);
            }
        }
        return removed;
    }

    private Optional<Backup> backupOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Instant at = LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant();
            return Optional.of(new Backup(file, at, m.group(2) == null));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }
}
