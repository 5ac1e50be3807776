package org.griddesk.store.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Offline base maps: an MBTiles file this test writes, read back with the TMS row flip.
public class MbTilesFileTest {
    @TempDir
    Path dir;

    /// An MBTiles file with one tile per given (z, x, TMS row), its bytes naming where it is.
    public static Path write(Path file, String format, int[]... tiles) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            c.createStatement().execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            c.createStatement().execute("INSERT INTO metadata VALUES ('name', 'test'), ('format', '" + format + "')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, ?)")) {
                for (int[] t : tiles) {
                    insert.setInt(1, t[0]);
                    insert.setInt(2, t[1]);
                    insert.setInt(3, t[2]);
                    insert.setBytes(4, (t[0] + "/" + t[1] + "/" + t[2]).getBytes());
                    insert.executeUpdate();
                }
            }
        }
        return file;
    }

    @Test
    void tilesAreFoundByTheirXyzRowThroughTheTmsFlip() throws Exception {
        // XYZ tile 12/3381/1565 is TMS row 4095 - 1565 = 2530
        Path file = write(dir.resolve("jinnan.mbtiles"), "png", new int[] {12, 3381, 2530}, new int[] {14, 13524, 10122});
        try (MbTilesFile mbtiles = MbTilesFile.open(file)) {
            assertThat(mbtiles.tile(12, 3381, 1565)).get().extracting(String::new).isEqualTo("12/3381/2530");
            assertThat(mbtiles.tile(12, 3381, 2530)).as("the TMS row is not an XYZ row").isEmpty();
            assertThat(mbtiles.maxZoom()).isEqualTo(14);
        }
    }

    @Test
    void whatIsNotARasterMbTilesFileIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> MbTilesFile.open(dir.resolve("missing.mbtiles"))).hasMessageContaining("no MBTiles file");
        Path vector = write(dir.resolve("vector.mbtiles"), "pbf", new int[] {0, 0, 0});
        assertThatThrownBy(() -> MbTilesFile.open(vector)).hasMessageContaining("'pbf' tiles");
        Path text = Files.writeString(dir.resolve("text.mbtiles"), "not a database");
        assertThatThrownBy(() -> MbTilesFile.open(text)).hasMessageContaining("not an MBTiles file");
    }
}
