package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/// Base map tiles: URL templates, a tile server on this machine, the disk cache and its limit.
class TileSourcesTest {
    @TempDir
    Path dir;

    @Test
    void templatesFillInXyzTmsWmtsAndSubdomains() {
        TileKey key = new TileKey(10, 845, 391);
        assertThat(new UrlTileSource("https://tile.example/{z}/{x}/{y}.png").url(key)).isEqualTo("https://tile.example/10/845/391.png");
        assertThat(new UrlTileSource("https://tms.example/{z}/{x}/{-y}.png").url(key)).isEqualTo("https://tms.example/10/845/632.png");
        String tianditu = "https://t{s:0-7}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w"
                + "&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=KEY";
        assertThat(new UrlTileSource(tianditu).url(key)).isEqualTo("https://t4.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS"
                + "&REQUEST=GetTile&LAYER=vec&TILEMATRIXSET=w&TILEMATRIX=10&TILEROW=391&TILECOL=845&tk=KEY"); // (845+391) % 8 = 4
        assertThat(new UrlTileSource("https://{s:abc}.tile.example/{z}/{x}/{y}.png").url(new TileKey(1, 1, 0))).startsWith("https://b.");
        assertThat(new UrlTileSource("https://webrd0{s:1-4}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}").gcj02()).isTrue();
        assertThat(new UrlTileSource(tianditu).gcj02()).isFalse();
        assertThat(new UrlTileSource(tianditu).id()).isNotEqualTo(new UrlTileSource(tianditu.replace("KEY", "OTHER")).id());

        assertThatThrownBy(() -> new UrlTileSource("ftp://x/{z}/{x}/{y}")).hasMessageContaining("http");
        assertThatThrownBy(() -> new UrlTileSource("https://x/{z}/{x}.png")).hasMessageContaining("{y}");
        assertThatThrownBy(() -> new TileKey(2, 4, 0)).hasMessageContaining("no such tile");
    }

    @Test
    void theTilesCoveringAViewAreThoseItSees() {
        Viewport view = Viewport.fitting(new Envelope(117.25, 117.56, 38.84, 39.08), 1920, 1080, 0);
        int z = TileLayer.tileZoom(view, 18);
        assertThat(z).isEqualTo((int) Math.round(view.zoom()));
        List<TileKey> keys = TileLayer.covering(view, z, 0, 0);
        // at a zoom rounded from the view's, a 1920×1080 view needs about 8×5 tiles of 256 px, give or take
        assertThat(keys.size()).isBetween(20, 80);
        var box = view.visibleWorld();
        int n = 1 << z;
        assertThat(keys).allMatch(k -> (k.x() + 1.0) / n > box.getMinX() && (double) k.x() / n < box.getMaxX());
        assertThat(TileLayer.tileZoom(view.zoomedAbout(10, 0, 0), 16)).as("no deeper than the source serves").isEqualTo(16);
        assertThat(new TileKey(12, 3381, 1565).parent()).isEqualTo(new TileKey(11, 1690, 782));
    }

    @Test
    void aTileServerIsAskedOnceAndTheDiskCacheAnswersAfterwards() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] png = png(0xff336699);
        server.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            boolean exists = !exchange.getRequestURI().getPath().startsWith("/3/");
            exchange.sendResponseHeaders(exists ? 200 : 404, exists ? png.length : -1);
            if (exists) {
                exchange.getResponseBody().write(png);
            }
            exchange.close();
        });
        server.start();
        try {
            UrlTileSource source = new UrlTileSource("http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png");
            TileCache cache = new TileCache(dir.resolve("tiles"), 1 << 20);
            TileKey key = new TileKey(12, 3381, 1565);
            assertThat(source.fetch(key)).get().isEqualTo(png);
            assertThat(asked).containsExactly("/12/3381/1565.png");
            assertThat(source.fetch(new TileKey(3, 1, 1))).as("404: the server has none there").isEmpty();

            cache.put(source, key, png);
            assertThat(cache.get(source, key)).get().isEqualTo(png);
            assertThat(cache.get(source, new TileKey(12, 3381, 1566))).isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theDiskCacheKeepsWithinItsLimitDroppingTheTilesUsedLongestAgo() throws Exception {
        TileSource source = new UrlTileSource("http://127.0.0.1:9/{z}/{x}/{y}.png");
        byte[] tile = new byte[10_000];
        TileCache cache = new TileCache(dir.resolve("limited"), 50_000);
        for (int i = 0; i < 8; i++) {
            cache.put(source, new TileKey(10, i, 0), tile);
            Files.setLastModifiedTime(dir.resolve("limited").resolve(source.id()).resolve("10").resolve(Integer.toString(i))
                    .resolve("0.tile"), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.get(source, new TileKey(10, 0, 0)); // the oldest, used again just now
        cache.trim();
        assertThat(cache.size()).isLessThanOrEqualTo(50_000);
        assertThat(cache.get(source, new TileKey(10, 0, 0))).as("recently used: kept").isPresent();
        assertThat(cache.get(source, new TileKey(10, 1, 0))).as("used longest ago: dropped").isEmpty();
        assertThat(cache.get(source, new TileKey(10, 7, 0))).isPresent();
    }

    /// A 256×256 PNG tile of one colour, written by hand (no image library in a headless test).
    static byte[] png(int argb) throws Exception {
        int size = 256;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", new byte[] {0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0});
        byte[] raw = new byte[size * (1 + 4 * size)];
        for (int row = 0; row < size; row++) {
            int at = row * (1 + 4 * size);
            raw[at] = 0; // no filter
            for (int i = 0; i < size; i++) {
                raw[at + 1 + 4 * i] = (byte) (argb >> 16);
                raw[at + 2 + 4 * i] = (byte) (argb >> 8);
                raw[at + 3 + 4 * i] = (byte) argb;
                raw[at + 4 + 4 * i] = (byte) (argb >>> 24);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws Exception {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
