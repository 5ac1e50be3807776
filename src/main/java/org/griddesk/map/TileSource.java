package org.griddesk.map;

import java.io.IOException;
import java.util.Optional;

/// Where base map tiles come from: a tile server, an MBTiles file. Called on background threads.
public interface TileSource {
    /// The tile's image bytes (PNG or JPEG), or empty when the source has none there.
    Optional<byte[]> fetch(TileKey key) throws IOException;

    /// A short name that is safe as a folder name: the disk cache keeps each source apart.
    String id();

    /// The deepest zoom the source serves.
    default int maxZoom() {
        return 18;
    }

    /// Whether the tiles are drawn in GCJ-02 (AMap, Tencent) rather than WGS-84 (Tianditu, OSM):
    /// the map then shifts them onto the district's WGS-84 data.
    default boolean gcj02() {
        return false;
    }

    /// Whether fetched tiles are worth keeping in the disk cache (not for a local file).
    default boolean cacheOnDisk() {
        return true;
    }
}
