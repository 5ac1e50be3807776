package org.griddesk.map;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.util.Duration;
import org.griddesk.geo.ChinaCoordinates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The base map under the district: tiles of one or more sources (a base layer, then an
/// annotation layer, as Tianditu serves them), loaded on background threads through the disk cache
/// and drawn on the FX thread. While a tile loads, the nearest loaded tile of a lower zoom is shown
/// in its place, scaled up; a source without a tile somewhere simply shows nothing there.
public final class TileLayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TileLayer.class);
    private static final int MEMORY_TILES = 384;
    private static final int FALLBACK_LEVELS = 6;
    private static final int LOADERS = 4;

    private record Loaded(int source, TileKey key) {
    }

    private final List<TileSource> sources;
    private final TileCache cache;
    private final Runnable onLoaded;
    private final ExecutorService loaders = Executors.newFixedThreadPool(LOADERS,
            Thread.ofPlatform().name("griddesk:tiles-", 1).daemon().factory());
    // FX thread only
    private final Map<Loaded, Image> memory = new LinkedHashMap<>(MEMORY_TILES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Loaded, Image> eldest) {
            return size() > MEMORY_TILES;
        }
    };
    private final Set<Loaded> pending = new HashSet<>();
    private final Set<Loaded> absent = new HashSet<>();
    /// tiles that failed to load (server down, network cut) and when to try them again
    private final Map<Loaded, Long> retryAt = new HashMap<>();
    private static final long RETRY_NANOS = 5_000_000_000L;

    /// `onLoaded` runs on the FX thread whenever a tile has arrived (the map redraws).
    public TileLayer(List<TileSource> sources, TileCache cache, Runnable onLoaded) {
        this.sources = List.copyOf(sources);
        this.cache = cache;
        this.onLoaded = onLoaded;
    }

    /// The zoom level of the tiles a view shows.
    static int tileZoom(Viewport view, int maxZoom) {
        return Math.max(0, Math.min(maxZoom, (int) Math.round(view.zoom())));
    }

    /// The tiles that cover a view at zoom `z`, shifted by (`dx`, `dy`) world units.
    static List<TileKey> covering(Viewport view, int z, double dx, double dy) {
        int n = 1 << z;
        var box = view.visibleWorld();
        int x0 = Math.max(0, (int) Math.floor((box.getMinX() + dx) * n));
        int x1 = Math.min(n - 1, (int) Math.floor((box.getMaxX() + dx) * n));
        int y0 = Math.max(0, (int) Math.floor((box.getMinY() + dy) * n));
        int y1 = Math.min(n - 1, (int) Math.floor((box.getMaxY() + dy) * n));
        List<TileKey> keys = new ArrayList<>();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                keys.add(new TileKey(z, x, y));
            }
        }
        return keys;
    }

    /// Draws every source's tiles for the view; asks for the missing ones.
    public void paint(GraphicsContext gc, Viewport view) {
        gc.setImageSmoothing(true);
        for (int s = 0; s < sources.size(); s++) {
            TileSource source = sources.get(s);
            double[] shift = source.gcj02() ? gcjShift(view) : new double[2];
            int z = tileZoom(view, source.maxZoom());
            for (TileKey key : covering(view, z, shift[0], shift[1])) {
                Loaded entry = new Loaded(s, key);
                Image image = memory.get(entry);
                if (image == null) {
                    request(entry);
                    drawFallback(gc, view, s, key, shift);
                } else {
                    draw(gc, view, image, key, 0, 0, image.getWidth(), image.getHeight(), shift);
                }
            }
        }
    }

    /// World units by which GCJ-02 tiles lie off the WGS-84 map near the view's centre.
    private static double[] gcjShift(Viewport view) {
        double lon = WebMercator.lon(view.centreX());
        double lat = WebMercator.lat(view.centreY());
        double[] gcj = ChinaCoordinates.wgsToGcj(lon, lat);
        return new double[] {WebMercator.x(gcj[0]) - view.centreX(), WebMercator.y(gcj[1]) - view.centreY()};
    }

    private void drawFallback(GraphicsContext gc, Viewport view, int source, TileKey key, double[] shift) {
        TileKey ancestor = key;
        for (int level = 1; level <= FALLBACK_LEVELS && ancestor.z() > 0; level++) {
            ancestor = ancestor.parent();
            Image image = memory.get(new Loaded(source, ancestor));
            if (image != null) {
                int part = 1 << level;
                double size = image.getWidth() / part;
                double sx = (key.x() - ancestor.x() * part) * size;
                double sy = (key.y() - ancestor.y() * part) * size;
                draw(gc, view, image, key, sx, sy, size, size, shift);
                return;
            }
        }
    }

    private static void draw(GraphicsContext gc, Viewport view, Image image, TileKey key, double sx, double sy, double sw,
                             double sh, double[] shift) {
        double n = 1 << key.z();
        double left = view.screenX(key.x() / n - shift[0]);
        double top = view.screenY(key.y() / n - shift[1]);
        double right = view.screenX((key.x() + 1) / n - shift[0]);
        double bottom = view.screenY((key.y() + 1) / n - shift[1]);
        // whole pixels: no hairline gaps between neighbouring tiles
        double x = Math.floor(left);
        double y = Math.floor(top);
        gc.drawImage(image, sx, sy, sw, sh, x, y, Math.ceil(right) - x, Math.ceil(bottom) - y);
    }

    private void request(Loaded entry) {
        Long retryAfter = retryAt.get(entry);
        if (pending.contains(entry) || absent.contains(entry) || retryAfter != null && retryAfter - System.nanoTime() > 0) {
            return;
        }
        pending.add(entry);
        TileSource source = sources.get(entry.source());
        loaders.submit(() -> {
            Optional<Image> image = Optional.empty();
            boolean failed = false;
            try {
                Optional<byte[]> bytes = source.cacheOnDisk() ? cache.get(source, entry.key()) : Optional.empty();
                if (bytes.isEmpty()) {
                    bytes = source.fetch(entry.key());
                    if (source.cacheOnDisk()) {
                        bytes.ifPresent(b -> cache.put(source, entry.key(), b));
                    }
                }
                image = bytes.map(b -> new Image(new ByteArrayInputStream(b))).filter(i -> !i.isError());
            } catch (Exception e) {
                failed = true;
                log.debug("tile {} of {} not loaded: {}", entry.key(), source.id(), e.getMessage());
            }
            Optional<Image> loaded = image;
            boolean retry = failed;
            Platform.runLater(() -> {
                pending.remove(entry);
                if (loaded.isPresent()) {
                    memory.put(entry, loaded.get());
                    retryAt.remove(entry);
                    onLoaded.run();
                } else if (retry) {
                    retryAt.put(entry, System.nanoTime() + RETRY_NANOS);
                    PauseTransition later = new PauseTransition(Duration.millis(RETRY_NANOS / 1e6 + 50));
                    later.setOnFinished(e -> onLoaded.run()); // a frame then asks for it again
                    later.play();
                } else {
                    absent.add(entry);
                }
            });
        });
    }

    /// Tiles held in memory now (for tests).
    int tilesInMemory() {
        return memory.size();
    }

    @Override
    public void close() {
        loaders.shutdownNow();
    }
}
