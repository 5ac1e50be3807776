package org.griddesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/// First-start generation of the whole demo district with two years of tickets, as
/// `griddesk demo generate` does it on a new embedded store: wall time of the whole command, in a
/// fresh JVM each run (goal: under 20 s). The same command without history is the baseline, so the
/// ratio says what the history costs.
final class DemoGenerationBenchmark {
    private final int runs;

    DemoGenerationBenchmark(int runs) {
        this.runs = runs;
    }

    void run() throws Exception {
        long[] full = new long[runs];
        long[] districtOnly = new long[runs];
        for (int i = 0; i < runs; i++) {
            districtOnly[i] = generate(0);
            full[i] = generate(730);
        }
        var fields = BenchResults.fields();
        fields.put("benchmark", "demo-generation");
        fields.put("unit", "ms of wall time for griddesk demo generate on an empty H2 store, JVM start included");
        fields.put("runs", runs);
        fields.put("withHistoryMs", full);
        fields.put("districtOnlyMs", districtOnly);
        fields.put("withHistoryMedianMs", BenchResults.median(full));
        fields.put("districtOnlyMedianMs", BenchResults.median(districtOnly));
        fields.put("goalMs", 20000);
        BenchResults.write("demo-generation", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "demo generation: district with 2 years of tickets median %.1f s (goal < 20 s); district alone %.1f s; ratio %.1f; %d runs",
                BenchResults.median(full) / 1000, BenchResults.median(districtOnly) / 1000,
                BenchResults.median(full) / BenchResults.median(districtOnly), runs));
    }

    private long generate(int historyDays) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("griddesk-bench-demo-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.griddesk.app.Main", "demo", "generate",
                "--history-days", String.valueOf(historyDays), "--data-dir", dataDir.toString()));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.log").toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("demo generate failed:\n" + Files.readString(dataDir.resolve("out.log")));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
