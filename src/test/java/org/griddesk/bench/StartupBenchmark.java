package org.griddesk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// Cold start to first shown window, GridDesk against a bare JavaFX window, in the same run.
///
/// Each run is a new JVM on a new, empty data folder (the worst case: the config file and the H2
/// store are created). The runs alternate between baseline and GridDesk so that machine noise
/// hits both alike. With `DISPLAY` set the real glass toolkit is used, otherwise Monocle headless.
/// GridDesk runs in three series: no cache at all (a first start from a fresh build), with the
/// dynamic CDS archive that `./griddesk` creates on its first run, and with the AOT cache (JEP
/// 483/514) that the packaged application ships, made here by one training run.
///
/// With `-Dbench.startup.image=target/dist/GridDesk` (built by `./mvnw -Pdist package`) the
/// installed application is timed too: its own launcher as shipped, without its AOT cache, and
/// with no archive at all.
final class StartupBenchmark {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\\d+)");

    private final int runs;
    private final Path work;
    private XDisplay xDisplay;

    StartupBenchmark(int runs) throws IOException {
        this.runs = runs;
        this.work = Files.createTempDirectory("griddesk-bench-startup-");
    }

    void run() throws Exception {
        try (XDisplay x = XDisplay.startIfPossible()) {
            run(x);
        }
    }

    private void run(XDisplay x) throws Exception {
        this.xDisplay = x;
        boolean display = x.name() != null;
        Path aotCache = work.resolve("griddesk.aot");
        boolean aot = train(aotCache, display);
        List<String> cds = List.of("-XX:SharedArchiveFile=" + work.resolve("griddesk.jsa"), "-XX:+AutoCreateSharedArchive");
        launch("org.griddesk.app.Main", cds, display, null); // creates the dynamic archive, as a first ./griddesk does

        long[] bare = new long[runs];
        long[] desk = new long[runs];
        long[] deskReady = new long[runs];
        long[] deskCds = new long[runs];
        long[] deskAot = new long[aot ? runs : 0];
        long[] deskAotReady = new long[aot ? runs : 0];
        for (int i = 0; i < runs; i++) {
            bare[i] = launch("org.griddesk.bench.BareWindow$Main", List.of(), display, null).get("windowShownMs");
            Map<String, Long> d = launch("org.griddesk.app.Main", List.of(), display, null);
            desk[i] = d.get("windowShownMs");
            deskReady[i] = d.get("storeReadyMs");
            deskCds[i] = launch("org.griddesk.app.Main", cds, display, null).get("windowShownMs");
            if (aot) {
                Map<String, Long> a = launch("org.griddesk.app.Main", List.of(), display, aotCache);
                deskAot[i] = a.get("windowShownMs");
                deskAotReady[i] = a.get("storeReadyMs");
            }
        }

        var fields = BenchResults.fields();
        String image = System.getProperty("bench.startup.image", "");
        if (!image.isBlank()) {
            if (!display) {
                throw new IllegalStateException("-Dbench.startup.image needs a display (DISPLAY or Xvfb): the image has no headless toolkit");
            }
            measureImage(new PackagedImage(Path.of(image).toAbsolutePath()), bare, fields);
        }
        fields.put("benchmark", "startup");
        fields.put("toolkit", display ? "glass GTK on X11 (" + x.describe() + "), JavaFX on the module path as ./griddesk runs it" : "monocle-headless, JavaFX on the class path");
        fields.put("runs", runs);
        fields.put("unit", "ms from JVM start to window shown");
        fields.put("bareWindowMs", bare);
        fields.put("gridDeskMs", desk);
        fields.put("gridDeskStoreReadyMs", deskReady);
        fields.put("bareWindowMedianMs", BenchResults.median(bare));
        fields.put("gridDeskMedianMs", BenchResults.median(desk));
        fields.put("gridDeskStoreReadyMedianMs", BenchResults.median(deskReady));
        fields.put("ratioGridDeskToBare", BenchResults.median(desk) / BenchResults.median(bare));
        fields.put("gridDeskDynamicCdsMs", deskCds);
        fields.put("gridDeskDynamicCdsMedianMs", BenchResults.median(deskCds));
        if (aot) {
            fields.put("gridDeskAotStoreReadyMs", deskAotReady);
            fields.put("gridDeskAotStoreReadyMedianMs", BenchResults.median(deskAotReady));
            fields.put("gridDeskAotMs", deskAot);
            fields.put("gridDeskAotMedianMs", BenchResults.median(deskAot));
            fields.put("ratioGridDeskAotToBare", BenchResults.median(deskAot) / BenchResults.median(bare));
        }
        fields.put("goalMs", 2500);
        BenchResults.write("startup", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "startup: window shown median %s (goal < 2500 ms); no cache %.0f ms (store ready %.0f ms); "
                        + "dynamic CDS (./griddesk) %.0f ms; bare JavaFX window %.0f ms; ratio no-cache/bare %.2f; %d cold runs each, %s",
                aot ? String.format(Locale.ROOT, "%.0f ms with the AOT cache the package ships (store ready %.0f ms, ratio to bare %.2f)",
                        BenchResults.median(deskAot), BenchResults.median(deskAotReady),
                        BenchResults.median(deskAot) / BenchResults.median(bare)) : "n/a (no AOT cache on this JDK)",
                BenchResults.median(desk), BenchResults.median(deskReady), BenchResults.median(deskCds),
                BenchResults.median(bare), BenchResults.median(desk) / BenchResults.median(bare), runs, fields.get("toolkit")));
    }

    /// One training run that records an AOT cache; false when this JDK cannot.
    private boolean train(Path cache, boolean display) {
        try {
            launch("org.griddesk.app.Main", List.of("-XX:AOTCacheOutput=" + cache), display, null);
            return Files.exists(cache);
        } catch (Exception e) {
            System.out.println("BENCH startup: no AOT cache (" + e.getMessage() + ")");
            return false;
        }
    }

    /// The packaged application as installed: its launcher as shipped (the jlink CDS archive and the
    /// AOT cache), without the AOT cache, and with no archive at all, alternating run by run.
    private void measureImage(PackagedImage shipped, long[] bare, Map<String, Object> fields)
            throws IOException, InterruptedException {
        if (!shipped.hasAotCache()) {
            System.out.println("BENCH startup: " + shipped.root() + " has no AOT cache (built with GRIDDESK_AOT=off or without a display)");
        }
        PackagedImage cdsOnly = shipped.withoutAotCache(work.resolve("image-cds"));
        PackagedImage none = shipped.withoutArchives(work.resolve("image-none"));
        List<PackagedImage> series = List.of(shipped, cdsOnly, none);
        List<String> names = List.of("imageShipped", "imageCdsOnly", "imageNoArchive");
        long[][] window = new long[series.size()][runs];
        long[][] ready = new long[series.size()][runs];
        for (int i = 0; i < runs; i++) {
            for (int s = 0; s < series.size(); s++) {
                Path dataDir = Files.createTempDirectory(work, "data-");
                Path report = dataDir.resolve("startup.json");
                Map<String, Long> r = run(new ArrayList<>(List.of(series.get(s).launcher().toString(),
                        "--data-dir", dataDir.toString(), "--startup-report", report.toString())), dataDir, report);
                window[s][i] = r.get("windowShownMs");
                ready[s][i] = r.get("storeReadyMs");
            }
        }
        fields.put("image", shipped.root().toString());
        fields.put("imageHasAotCache", shipped.hasAotCache());
        for (int s = 0; s < series.size(); s++) {
            fields.put(names.get(s) + "Ms", window[s]);
            fields.put(names.get(s) + "MedianMs", BenchResults.median(window[s]));
            fields.put(names.get(s) + "StoreReadyMedianMs", BenchResults.median(ready[s]));
            fields.put(names.get(s) + "RatioToBare", BenchResults.median(window[s]) / BenchResults.median(bare));
        }
        BenchResults.summary(String.format(Locale.ROOT,
                "startup of the packaged image %s: window shown median %.0f ms as shipped (%s), %.0f ms with the CDS archive only, "
                        + "%.0f ms with no archive; store ready %.0f / %.0f / %.0f ms; bare JavaFX window %.0f ms; "
                        + "ratios to bare %.2f / %.2f / %.2f; %d cold runs each",
                shipped.root(), BenchResults.median(window[0]), shipped.hasAotCache() ? "CDS + AOT cache" : "CDS, no AOT cache in this image",
                BenchResults.median(window[1]), BenchResults.median(window[2]),
                BenchResults.median(ready[0]), BenchResults.median(ready[1]), BenchResults.median(ready[2]),
                BenchResults.median(bare), BenchResults.median(window[0]) / BenchResults.median(bare),
                BenchResults.median(window[1]) / BenchResults.median(bare), BenchResults.median(window[2]) / BenchResults.median(bare), runs));
    }

    private Map<String, Long> launch(String mainClass, List<String> extraJvm, boolean display, Path aotCache)
            throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory(work, "data-");
        Path report = dataDir.resolve("startup.json");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (display) {
            // the production layout, as ./griddesk and the packaged app run it
            Path target = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath().getParent();
            // class data sharing and AOT caches take jars only: test-classes is added for the baseline alone
            List<String> classPath = new ArrayList<>(List.of(target.resolve("griddesk.jar").toString(),
                    target.resolve("lib").resolve("*").toString()));
            if (mainClass.startsWith("org.griddesk.bench")) {
                classPath.add(target.resolve("test-classes").toString());
            }
            command.addAll(List.of("--enable-native-access=javafx.graphics,ALL-UNNAMED",
                    "--module-path", target.resolve("javafx").toString(), "--add-modules", "javafx.controls,javafx.fxml",
                    "-cp", String.join(File.pathSeparator, classPath)));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "--enable-native-access=ALL-UNNAMED",
                    "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless"));
        }
        if (aotCache != null) {
            command.add("-XX:AOTCache=" + aotCache);
        }
        command.addAll(extraJvm);
        command.add(mainClass);
        if (mainClass.endsWith("BareWindow$Main")) {
            command.add(report.toString());
        } else {
            command.addAll(List.of("--data-dir", dataDir.toString(), "--startup-report", report.toString()));
        }
        return run(command, dataDir, report);
    }

    private Map<String, Long> run(List<String> command, Path dataDir, Path report) throws IOException, InterruptedException {
        Path log = dataDir.resolve("process.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (xDisplay.name() != null) {
            builder.environment().put("DISPLAY", xDisplay.name());
        }
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("start-up run timed out: " + command);
        }
        if (!Files.exists(report)) {
            throw new IllegalStateException("no start-up report from " + command + ":\n" + Files.readString(log));
        }
        Map<String, Long> values = new HashMap<>();
        Matcher m = FIELD.matcher(Files.readString(report));
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }
}
