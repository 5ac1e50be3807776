package org.griddesk.map;

/// One XYZ tile: zoom, column from the west, row from the north (the Google/OSM scheme).
public record TileKey(int z, int x, int y) {
    public TileKey {
        int n = 1 << z;
        if (z < 0 || z > 22 || x < 0 || x >= n || y < 0 || y >= n) {
            throw new IllegalArgumentException("no such tile: " + z + "/" + x + "/" + y);
        }
    }

    /// The row counted from the south, as TMS and MBTiles number them.
    public int tmsY() {
        return (1 << z) - 1 - y;
    }

    /// The tile one zoom level out that contains this one.
    public TileKey parent() {
        return new TileKey(z - 1, x / 2, y / 2);
    }
}
