package org.griddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/// Runs every GridDesk benchmark, or those whose name matches `-Dbench=REGEX`:
/// the JMH benchmarks in this package and the process-level harnesses (start-up, demo generation).
///
/// `./mvnw -Pbench verify` runs them all; `./mvnw -Pbench verify -Dbench=startup` only one.
/// Results: `target/bench/*.json`, plus one `BENCH …` summary line per benchmark.
public final class BenchmarkRunner {
    private BenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        Pattern filter = Pattern.compile(System.getProperty("bench", ".*"));
        Files.deleteIfExists(BenchResults.dir().resolve("summary.txt"));

        if (filter.matcher("startup").find()) {
            new StartupBenchmark(Integer.getInteger("bench.startup.runs", 5)).run();
        }
        if (filter.matcher("demo-generation").find()) {
            new DemoGenerationBenchmark(Integer.getInteger("bench.demo.runs", 3)).run();
        }
        if (filter.matcher("map").find()) {
            new MapFrameBenchmark(Integer.getInteger("bench.map.seconds", 30)).run();
        }
        if (filter.matcher("queue").find()) {
            new QueueFrameBenchmark(Integer.getInteger("bench.queue.seconds", 30)).run();
        }
        if (filter.matcher("ingest").find()) {
            new IngestBenchmark(Integer.getInteger("bench.ingest.seconds", 60)).run();
        }
        if (filter.matcher("sealed-intake").find()) {
            new SealedIntakeBenchmark(Integer.getInteger("bench.ingest.seconds", 60), IngestStore.H2).run();
        }
        if (filter.matcher("commit-durability").find()) {
            new CommitDurabilityBenchmark(Integer.getInteger("bench.commit.turns", 6)).run();
        }
        if (filter.matcher("desks-visibility").find()) {
            new ChangeVisibilityBenchmark(Integer.getInteger("bench.desks.seconds", 60)).run();
        }
        if (filter.matcher("desks-races").find()) {
            new DispatchRaceBenchmark(Integer.getInteger("bench.desks.races", 10_000)).run();
        }
        if (filter.matcher("desks-outage").find()) {
            new OutageBenchmark(Integer.getInteger("bench.desks.outages", 20)).run();
        }
        if (filter.matcher("sign-in").find()) {
            new SignInBenchmark(Integer.getInteger("bench.signin.rounds", 100)).run();
        }
        if (filter.matcher("audit").find()) {
            new AuditBenchmark(Integer.getInteger("bench.audit.seconds", 10)).run();
        }
        if (filter.matcher("bulletin").find()) {
            new BulletinBenchmark(Integer.getInteger("bench.bulletin.runs", 5)).run();
        }
        if (filter.matcher("history-search").find()) {
            String store = System.getProperty("bench.search.store", "");
            new HistorySearchBenchmark(store.isBlank() ? null : Path.of(store), Integer.getInteger("bench.search.scale", 10),
                    Integer.getInteger("bench.search.rounds", 5)).run();
        }
        if (filter.matcher("patrol").find()) {
            new PatrolBenchmark(Integer.getInteger("bench.patrol.seconds", 300)).run();
        }
        if (filter.matcher("item-suggestion").find()) {
            new ItemSuggestionBenchmark().run();
        }
        if (filter.matcher("breach-risk").find()) {
            new BreachRiskBenchmark().run();
        }
        runJmh(filter);
        System.out.println("benchmark results in " + BenchResults.dir().toAbsolutePath());
    }

    private static void runJmh(Pattern filter) throws Exception {
        if (BenchmarkRunner.class.getResource("/META-INF/BenchmarkList") == null) {
            return; // no JMH benchmarks compiled yet
        }
        String list = new String(BenchmarkRunner.class.getResourceAsStream("/META-INF/BenchmarkList").readAllBytes());
        if (list.lines().noneMatch(line -> filter.matcher(line).find())) {
            return;
        }
        Path json = BenchResults.dir().resolve("jmh.json");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(filter.pattern())
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build()).run();
        for (RunResult r : results) {
            var primary = r.getPrimaryResult();
            String params = r.getParams().getParamsKeys().stream()
                    .map(k -> k + "=" + r.getParams().getParam(k)).collect(Collectors.joining(",", "[", "]"));
            BenchResults.summary(String.format(Locale.ROOT, "%s%s: %.3f ± %.3f %s",
                    r.getParams().getBenchmark().replace("org.griddesk.bench.", ""), params.equals("[]") ? "" : params,
                    primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        Ratios.report(results);
    }
}
