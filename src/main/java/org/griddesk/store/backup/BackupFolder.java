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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// The folder of a desk's backups: `griddesk-20261203-021500.zip` for a daily one,
/// `griddesk-20261203-021500-before-V31.zip` for the one taken before the store's schema was brought up
/// to date, `griddesk-20261203-021500-manual.zip` for one an administrator asked for. The time in the name is when it was taken (the desk's local time), so the files sort by
/// age and a person reads them. Daily backups older than the days to keep are removed, never the
/// newest one; the others are left to the administrator.
public final class BackupFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("griddesk-(\\d{8}-\\d{6})(-before-[A-Za-z0-9._]+|-manual)?\\.zip");
    /// a write's partial file (StoreBackup): the target's name, the writing process and a counter
    private static final Pattern PARTIAL = Pattern.compile("\\.griddesk-[^/\\\\]*\\.zip\\.\\d+-[0-9a-f]+\\.part");

    /// Why a backup was taken: the desk's daily one (pruned after the days to keep), the one before a schema
    /// upgrade, or one an administrator asked for (`griddesk db backup`); only daily ones are pruned.
    public enum Kind {
        DAILY, UPGRADE, MANUAL
    }

    /// One backup in the folder: its file, when it was taken, and why.
    public record Backup(Path file, Instant takenAt, Kind kind) {
        public boolean daily() {
            return kind == Kind.DAILY;
        }
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

    /// Where a backup an administrator asks for goes, when they name no file: kept until removed by hand.
    public Path nextManual() {
        return folder.resolve("griddesk-" + STAMP.format(LocalDateTime.ofInstant(clock.instant(), zone)) + "-manual.zip");
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

    /// Removes the daily backups older than `keepDays`, the newest backup always kept, and the partial
    /// files of writes that never finished (a process killed while it wrote) once a day old; returns
    /// those removed.
    public List<Path> prune(int keepDays) {
        Instant limit = clock.instant().minus(Duration.ofDays(keepDays));
        List<Backup> all = list();
        List<Path> removed = new ArrayList<>(all.stream().skip(1).filter(Backup::daily).filter(b -> b.takenAt().isBefore(limit))
                .map(Backup::file).toList());
        removed.addAll(abandonedPartials(clock.instant().minus(Duration.ofDays(1))));
        for (Path p : removed) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the old backup " + p, e);
            }
        }
        return removed;
    }

    /// `.griddesk-….zip.<pid>-<n>.part` files ([StoreBackup]) last written before `before`.
    private List<Path> abandonedPartials(Instant before) {
        try {
            return Leftovers.olderThan(folder, f -> PARTIAL.matcher(f.getFileName().toString()).matches(), before);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /// A backup by its name — a plain file (not a link), not empty, not dated in the future: a file
    /// that only looks like the newest backup must not make the desk think it has one.
    private Optional<Backup> backupOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        try {
            if (!m.matches() || !Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || Files.size(file) == 0) {
                return Optional.empty();
            }
        } catch (IOException gone) {
            return Optional.empty();
        }
        try {
            Instant at = LocalDateTime.parse(m.group(1), STAMP).atZone(zone).toInstant();
            if (at.isAfter(clock.instant().plus(Duration.ofHours(1)))) {
                return Optional.empty();
            }
            Kind kind = m.group(2) == null ? Kind.DAILY : m.group(2).equals("-manual") ? Kind.MANUAL : Kind.UPGRADE;
            return Optional.of(new Backup(file, at, kind));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }
}
