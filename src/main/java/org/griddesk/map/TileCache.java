package org.griddesk.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/// Tiles kept on disk (`z/x/y` under one folder per source) up to a size limit: when the folder
/// grows past it, the tiles used longest ago go first. Safe to use from several threads.
public final class TileCache {
    /// how many new tiles between two checks of the folder's size
    private static final int CHECK_EVERY = 64;

    private final Path folder;
    private final long maxBytes;
    private final AtomicLong writesSinceCheck = new AtomicLong();

    public TileCache(Path folder, long maxBytes) {
        this.folder = folder;
        this.maxBytes = maxBytes;
    }

    private Path file(TileSource source, TileKey key) {
        return folder.resolve(source.id()).resolve(Integer.toString(key.z())).resolve(Integer.toString(key.x()))
                .resolve(key.y() + ".tile");
    }

    public Optional<byte[]> get(TileSource source, TileKey key) {
        Path file = file(source, key);
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now())); // recently used: kept longer
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a damaged cache entry is fetched again
        }
    }

    public void put(TileSource source, TileKey key, byte[] bytes) {
        Path file = file(source, key);
        try {
            Files.createDirectories(file.getParent());
            Path part = file.resolveSibling(file.getFileName() + "." + Thread.currentThread().threadId() + ".part");
            Files.write(part, bytes);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cache tile " + key + " in " + folder, e);
        }
        if (writesSinceCheck.incrementAndGet() % CHECK_EVERY == 0) {
            trim();
        }
    }

    /// Deletes the least recently used tiles until the folder is within its limit.
    public synchronized void trim() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        record Entry(Path path, long size, long used) {
        }
        List<Entry> entries;
        try (Stream<Path> files = Files.walk(folder)) {
            entries = files.filter(f -> f.toString().endsWith(".tile")).map(f -> {
                try {
                    return new Entry(f, Files.size(f), Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    return null;
                }
            }).filter(Objects::nonNull).sorted(Comparator.comparingLong(Entry::used)).toList();
        } catch (IOException | UncheckedIOException e) {
            return;
        }
        long total = entries.stream().mapToLong(Entry::size).sum();
        for (Entry e : entries) {
            if (total <= maxBytes) {
                break;
            }
            try {
                Files.deleteIfExists(e.path());
                total -= e.size();
            } catch (IOException ignored) {
                // in use elsewhere: try again next time
            }
        }
    }

    /// Bytes the cache holds now.
    public long size() {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".tile")).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
