package org.griddesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/// Frame times of the map over the scripted tour ([MapTour]), ours against the naive node-per-shape
/// scene in the same run, at 1920×1080 and on the 4K wall (3840×2160), with the software pipeline
/// (`-Dprism.order=sw`) of a PC without a good GPU. Each tour runs in its own JVM on a private
/// Xvfb (or `DISPLAY`); pulses run at full speed so a frame's time is its real cost. A third
/// scene that only shows one full-screen image a frame measures the floor of this machine's
/// pipeline, so that the map's figures can be read against what no map could beat.
final class MapFrameBenchmark {
    private static final String[][] SIZES = {{"1920", "1080"}, {"3840", "2160"}};

    private final int seconds;
    private final Path work;

    MapFrameBenchmark(int seconds) throws IOException {
        this.seconds = seconds;
        this.work = Files.createTempDirectory("griddesk-bench-map-");
    }

    void run() throws Exception {
        try (XDisplay x = XDisplay.startIfPossible("3840x2160")) {
            if (x.name() == null) {
                BenchResults.summary("map: skipped, no X display (set DISPLAY or install xvfb)");
                return;
            }
            var fields = BenchResults.fields();
            fields.put("benchmark", "map");
            fields.put("toolkit", "glass GTK on X11 (" + x.describe() + "), -Dprism.order=sw, pulses at full speed");
            fields.put("tourSeconds", seconds);
            fields.put("scene", "1574 grids, 8472 cameras (7081 HD + 80 checkpoints + 366 high-point + 945 face), 5000 ticket markers");
            List<String> lines = new ArrayList<>();
            for (String[] size : SIZES) {
                String label = size[0] + "x" + size[1];
                Map<String, Long> ours = tour(x, "griddesk", size);
                Map<String, Long> naive = tour(x, "naive", size);
                Map<String, Long> floor = tour(x, "image", size);
                for (var e : floor.entrySet()) {
                    fields.put(label + ".bareImage." + e.getKey(), e.getValue());
                }
                double ratio = (double) naive.get("p99Ns") / ours.get("p99Ns");
                for (var e : ours.entrySet()) {
                    fields.put(label + ".griddesk." + e.getKey(), e.getValue());
                }
                for (var e : naive.entrySet()) {
                    fields.put(label + ".naive." + e.getKey(), e.getValue());
                }
                fields.put(label + ".ratioNaiveToGridDeskP99", ratio);
                lines.add(String.format(Locale.ROOT,
                        "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d of %d frames over 50 ms; naive p99 %.1f ms (max %.1f ms): %.1f× faster;"
                                + " hit test p50 %.1f µs p99 %.1f µs; the floor here (one bare full-screen image a frame) p50 %.1f ms p99 %.1f ms",
                        label, ms(ours.get("p50Ns")), ms(ours.get("p99Ns")), ms(ours.get("maxNs")), ours.get("over50msFrames"),
                        ours.get("frames"), ms(naive.get("p99Ns")), ms(naive.get("maxNs")), ratio, ours.get("hitP50Ns") / 1e3,
                        ours.get("hitP99Ns") / 1e3, ms(floor.get("p50Ns")), ms(floor.get("p99Ns"))));
            }
            fields.put("goal", "p99 < 16.7 ms, none over 50 ms, at least 3x the naive p99, hit test p99 < 50 µs");
            BenchResults.write("map", fields);
            BenchResults.summary("map (" + seconds + " s tour, sw pipeline): " + String.join("; ", lines));
        }
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }

    private Map<String, Long> tour(XDisplay x, String variant, String[] size) throws IOException, InterruptedException {
        return FxProcess.run(x, work, variant + "-" + size[0], "org.griddesk.bench.MapTour$Main",
                List.of(variant, size[0], size[1], Integer.toString(seconds)), seconds + 180L);
    }
}
