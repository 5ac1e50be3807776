package org.griddesk.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/// First-start generation of the whole demo district with two years of tickets, as
/// `griddesk demo generate` does it on a new embedded store: wall time of the whole command, in a
/// fresh JVM each run (goal: under 20 s). The same command without history is the baseline, so the
/// ratio says what the history costs.
///
/// The command runs from the jars with the launchers' JVM options (`src/main/jvm/griddesk.options`),
/// as `./griddesk` and the packaged desk run it, in three series: as a source checkout runs it (no
/// cache); with an AOT cache (JEP 483/514) made here by one training run of the same command, as
/// the package's launcher runs, whose cache is trained on a whole first start at build time
/// (`installer/build-app-image.sh`); and on the JVM's defaults, without the launchers' options, the
/// baseline of what those options are worth. The runs alternate so that this machine's
/// minute-to-minute noise hits every series alike.
final class DemoGenerationBenchmark {
    private final int runs;
    private final Path work;

    DemoGenerationBenchmark(int runs) throws IOException {
        this.runs = runs;
        this.work = Files.createTempDirectory("griddesk-bench-demo-");
    }

    void run() throws Exception {
        Path cache = work.resolve("griddesk.aot");
        boolean aot = train(cache);
        long[] full = new long[runs];
        long[] fullAot = new long[aot ? runs : 0];
        long[] fullJvmDefaults = new long[runs];
        long[] districtOnly = new long[runs];
        for (int i = 0; i < runs; i++) {
            districtOnly[i] = generate(0, launcherOptions());
            full[i] = generate(730, launcherOptions());
            if (aot) {
                fullAot[i] = generate(730, launcherOptions("-XX:AOTCache=" + cache));
            }
            fullJvmDefaults[i] = generate(730, List.of());
        }
        var fields = BenchResults.fields();
        fields.put("benchmark", "demo-generation");
        fields.put("unit", "ms of wall time for griddesk demo generate on an empty H2 store, JVM start included");
        fields.put("runs", runs);
        fields.put("withHistoryMs", full);
        fields.put("districtOnlyMs", districtOnly);
        fields.put("withHistoryJvmDefaultsMs", fullJvmDefaults);
        fields.put("withHistoryJvmDefaultsMedianMs", BenchResults.median(fullJvmDefaults));
        fields.put("ratioLauncherOptionsToJvmDefaults", BenchResults.median(full) / BenchResults.median(fullJvmDefaults));
        fields.put("withHistoryMedianMs", BenchResults.median(full));
        fields.put("districtOnlyMedianMs", BenchResults.median(districtOnly));
        if (aot) {
            fields.put("withHistoryAotCacheMs", fullAot);
            fields.put("withHistoryAotCacheMedianMs", BenchResults.median(fullAot));
            fields.put("ratioAotCacheToNoCache", BenchResults.median(fullAot) / BenchResults.median(full));
        }
        fields.put("goalMs", 20000);
        BenchResults.write("demo-generation", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "demo generation: district with 2 years of tickets median %.1f s without a cache (source checkout), %s (goal < 20 s); "
                        + "%.1f s on the JVM's defaults (launcher options ratio %.2f); "
                        + "district alone %.1f s; ratio with history / district alone %.1f; %d runs each",
                BenchResults.median(full) / 1000,
                aot ? String.format(Locale.ROOT, "%.1f s with the AOT cache the package ships (ratio %.2f)",
                        BenchResults.median(fullAot) / 1000, BenchResults.median(fullAot) / BenchResults.median(full))
                        : "n/a with an AOT cache (this JDK made none)",
                BenchResults.median(fullJvmDefaults) / 1000, BenchResults.median(full) / BenchResults.median(fullJvmDefaults),
                BenchResults.median(districtOnly) / 1000, BenchResults.median(full) / BenchResults.median(districtOnly), runs));
    }

    /// One training run that records an AOT cache; false when this JDK cannot.
    private boolean train(Path cache) {
        try {
            generate(730, launcherOptions("-XX:AOTCacheOutput=" + cache));
            return Files.exists(cache);
        } catch (Exception e) {
            System.out.println("BENCH demo-generation: no AOT cache (" + e.getMessage() + ")");
            return false;
        }
    }

    /// The launchers' JVM options file, as they pass it, then `more`.
    private static List<String> launcherOptions(String... more) {
        List<String> options = new ArrayList<>();
        options.add("@" + projectDir().resolve("src/main/jvm/griddesk.options"));
        options.addAll(List.of(more));
        return options;
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath().getParent().getParent();
    }

    private long generate(int historyDays, List<String> jvmOptions) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory(work, "data-");
        // AOT caches take jars only: the production layout, as ./griddesk runs it
        Path target = projectDir().resolve("target");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", target.resolve("griddesk.jar") + File.pathSeparator + target.resolve("lib").resolve("*"),
                "org.griddesk.app.Main", "demo", "generate", "--history-days", String.valueOf(historyDays),
                "--data-dir", dataDir.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("demo generate failed:\n" + Files.readString(work.resolve("out.log")));
        }
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        deleteTree(dataDir);
        return elapsed;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
