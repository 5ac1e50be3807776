package org.griddesk.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.griddesk.geo.DemoDistrict;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// The map over base map tiles from a tile server on this machine: tiles load off the FX thread,
/// show under the district, and come from the disk cache the next time.
class MapTilesFxTest {
    @TempDir
    Path dir;

    @Test
    void tilesFromALocalServerShowUnderTheDistrict() throws Exception {
        FxToolkitSupport.start();
        AtomicInteger served = new AtomicInteger();
        byte[] red = TileSourcesTest.png(0xffcc0000);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            exchange.sendResponseHeaders(200, red.length);
            exchange.getResponseBody().write(red);
            exchange.close();
        });
        server.start();
        try {
            UrlTileSource source = new UrlTileSource("http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png");
            TileCache cache = new TileCache(dir, 64L << 20);
            MapModel model = MapModel.of(new DemoDistrict(20211).generate(), Map.of());
            MapView map = FxToolkit.setupFixture(() -> {
                MapView view = new MapView(Messages.of(Language.ZH_CN), "System");
                view.modelProperty().set(model);
                view.useTiles(List.of(source), cache);
                Stage stage = new Stage();
                stage.setScene(new Scene(view, 800, 600));
                stage.show();
                return view;
            });
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> served.get() > 0 && cache.size() > 0);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                WritableImage shot = FxToolkit.setupFixture(() -> map.snapshot(null, null));
                int corner = shot.getPixelReader().getArgb(3, 3); // outside the district: only the tile shows
                return ((corner >> 16) & 0xff) > 180 && ((corner >> 8) & 0xff) < 40;
            });
            int asked = served.get();
            FxToolkit.setupFixture(() -> map.useTiles(List.of(source), cache)); // a new layer: memory empty, disk full
            WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
            assertThat(served.get()).as("the disk cache answered").isEqualTo(asked);
            FxToolkit.setupFixture(() -> map.getScene().getWindow().hide());
        } finally {
            server.stop(0);
        }
    }
}
