package org.griddesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.griddesk.map.TileKey;
import org.griddesk.map.TileSource;
import org.griddesk.map.UrlTileSource;
import org.griddesk.store.tiles.MbTilesFile;

/// The `map.tiles` setting made into tile sources: `none` (the vector map alone), a `.mbtiles`
/// file for offline use, or one or more URL templates separated by ` | ` (a base layer, then its
/// annotation layer, as Tianditu serves them).
final class BaseMap {
    /// the disk cache's limit
    static final long CACHE_BYTES = 512L * 1024 * 1024;

    private BaseMap() {
    }

    /// Checks a setting without opening anything: a URL template's placeholders, a file's presence.
    static void check(String setting) {
        String value = normalised(setting);
        if (isMbTiles(value) && !Files.isRegularFile(Path.of(value))) {
            throw new IllegalArgumentException("no MBTiles file at " + value);
        }
        if (!value.isEmpty() && !isMbTiles(value)) {
            templates(value).forEach(UrlTileSource::new);
        }
    }

    /// The sources of a setting; refuses (IllegalArgumentException, with the reason) what cannot work.
    static List<TileSource> sources(String setting) {
        String value = normalised(setting);
        if (value.isEmpty()) {
            return List.of();
        }
        if (isMbTiles(value)) {
            return List.of(new MbTilesSource(MbTilesFile.open(Path.of(value))));
        }
        return templates(value).stream().<TileSource>map(UrlTileSource::new).toList();
    }

    /// The setting without blanks, and empty for `none`.
    private static String normalised(String setting) {
        String value = setting == null ? "" : setting.strip();
        return value.equalsIgnoreCase("none") ? "" : value;
    }

    private static boolean isMbTiles(String value) {
        return value.toLowerCase(Locale.ROOT).endsWith(".mbtiles");
    }

    private static List<String> templates(String value) {
        return Arrays.stream(value.split("\\s+\\|\\s+")).map(String::strip).toList();
    }

    /// An MBTiles file as a tile source.
    private record MbTilesSource(MbTilesFile file) implements TileSource {
        @Override
        public Optional<byte[]> fetch(TileKey key) throws IOException {
            try {
                return file.tile(key.z(), key.x(), key.y());
            } catch (SQLException e) {
                throw new IOException("cannot read " + key + " from " + file.path(), e);
            }
        }

        @Override
        public String id() {
            return "mbtiles-" + Integer.toHexString(file.path().toAbsolutePath().toString().hashCode());
        }

        @Override
        public int maxZoom() {
            return file.maxZoom();
        }

        @Override
        public boolean cacheOnDisk() {
            return false;
        }
    }
}
