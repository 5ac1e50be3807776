package org.griddesk.store.tiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/// An MBTiles file (SQLite) of raster tiles for offline base maps, opened read-only. MBTiles
/// numbers rows from the south (TMS): [#tile] takes the XYZ row and flips it.
public final class MbTilesFile implements AutoCloseable {
    private final Path path;
    private final Connection connection;
    private final PreparedStatement select;
    private final int maxZoom;

    private MbTilesFile(Path path, Connection connection, int maxZoom) throws SQLException {
        this.path = path;
        this.connection = connection;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        this.maxZoom = maxZoom;
    }

    /// Opens a file of PNG or JPEG tiles; anything else (missing file, vector tiles, not MBTiles)
    /// is refused with the reason.
    public static MbTilesFile open(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no MBTiles file at " + path);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try {
            Connection c = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
            try {
                String format = metadata(c, "format").orElse("png").toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpg") && !format.equals("jpeg")) {
                    throw new IllegalArgumentException(path + " holds '" + format + "' tiles; GridDesk shows PNG or JPEG tiles");
                }
                int maxZoom;
                try (var s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(zoom_level) FROM tiles")) {
                    maxZoom = r.next() ? r.getInt(1) : 0;
                }
                return new MbTilesFile(path, c, maxZoom);
            } catch (RuntimeException | SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException(path + " is not an MBTiles file: " + e.getMessage(), e);
        }
    }

    private static Optional<String> metadata(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM metadata WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    /// The tile at zoom `z`, column `x`, XYZ row `y` (counted from the north).
    public synchronized Optional<byte[]> tile(int z, int x, int y) throws SQLException {
        select.setInt(1, z);
        select.setInt(2, x);
        select.setInt(3, (1 << z) - 1 - y);
        try (ResultSet r = select.executeQuery()) {
            return r.next() ? Optional.ofNullable(r.getBytes(1)) : Optional.empty();
        }
    }

    public int maxZoom() {
        return maxZoom;
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void close() {
        try {
            select.close();
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only file
        }
    }
}
