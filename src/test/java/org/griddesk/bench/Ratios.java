package org.griddesk.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;

/// The ratios the issues ask for, from results measured in the same run.
final class Ratios {
    private Ratios() {
    }

    static void report(Collection<RunResult> results) {
        Map<String, RunResult> byKey = results.stream().collect(Collectors.toMap(Ratios::key, Function.identity(), (a, b) -> a));
        for (String store : new String[] {"H2", "POSTGRESQL"}) {
            RunResult ours = byKey.get("TransitionBenchmark.gridDesk[" + store + "]");
            RunResult jdbc = byKey.get("TransitionBenchmark.jdbc[" + store + "]");
            if (ours != null && jdbc != null) {
                double goal = store.equals("H2") ? 2000 : 1000;
                double a = ours.getPrimaryResult().getScore();
                double b = jdbc.getPrimaryResult().getScore();
                BenchResults.summary(String.format(Locale.ROOT,
                        "transitions %s: GridDesk %.0f/s (goal >= %.0f), hand-written JDBC %.0f/s, ratio %.2f (goal >= 0.60)",
                        store, a, goal, b, a / b));
            }
        }
        RunResult index = byKey.get("GridIndexBenchmark.gridIndex");
        RunResult scan = byKey.get("GridIndexBenchmark.naiveScan");
        RunResult boxes = byKey.get("GridIndexBenchmark.envelopeScan");
        if (index != null && scan != null && boxes != null) {
            BenchResults.summary(String.format(Locale.ROOT,
                    "point to grid: p50 %.2f µs, p99 %.2f µs (goal p99 < 20 µs); naive scan p50 %.1f µs, p99 %.1f µs, "
                            + "mean %.0fx slower (goal >= 100x); bounding-box scan mean %.0fx slower",
                    percentile(index, 50), percentile(index, 99), percentile(scan, 50), percentile(scan, 99),
                    scan.getPrimaryResult().getScore() / index.getPrimaryResult().getScore(),
                    boxes.getPrimaryResult().getScore() / index.getPrimaryResult().getScore()));
        }
        RunResult duplicates = byKey.get("org.griddesk.intake.DuplicateCheckBenchmark.check");
        RunResult eachTime = byKey.get("org.griddesk.intake.DuplicateCheckBenchmark.bigramsEachTime");
        if (duplicates != null && eachTime != null) {
            BenchResults.summary(String.format(Locale.ROOT,
                    "duplicate check against 5,000 open tickets: p50 %.0f µs, p99 %.0f µs (goal p99 < 5000 µs); making bigrams "
                            + "each time p99 %.0f µs, mean %.1fx slower",
                    percentile(duplicates, 50), percentile(duplicates, 99), percentile(eachTime, 99),
                    eachTime.getPrimaryResult().getScore() / duplicates.getPrimaryResult().getScore()));
        }
        for (String store : new String[] {"H2", "POSTGRESQL"}) {
            RunResult sql = byKey.get("KpiBenchmark.sql[" + store + "]");
            RunResult replay = byKey.get("KpiBenchmark.replay[" + store + "]");
            if (sql != null && replay != null) {
                BenchResults.summary(String.format(Locale.ROOT,
                        "KPIs of every unit of every dimension for a month over the two-year history, %s: SQL %.0f ms "
                                + "(goal < 1000 ms), trail replay in Java %.0f ms, replay/SQL %.1fx",
                        store, sql.getPrimaryResult().getScore(), replay.getPrimaryResult().getScore(),
                        replay.getPrimaryResult().getScore() / sql.getPrimaryResult().getScore()));
            }
        }
        for (String store : new String[] {"H2", "POSTGRESQL"}) {
            RunResult coverage = byKey.get("VisitCoverageBenchmark.coverage[" + store + "]");
            RunResult perGrid = byKey.get("VisitCoverageBenchmark.perGrid[" + store + "]");
            if (coverage != null && perGrid != null) {
                BenchResults.summary(String.format(Locale.ROOT,
                        "visit coverage of every grid for a month, %s: p50 %.1f ms, p99 %.1f ms (goal < 200 ms); one query per grid "
                                + "p50 %.1f ms, p99 %.1f ms, mean %.1fx slower",
                        store, percentile(coverage, 50), percentile(coverage, 99), percentile(perGrid, 50), percentile(perGrid, 99),
                        perGrid.getPrimaryResult().getScore() / coverage.getPrimaryResult().getScore()));
            }
        }
        RunResult items = byKey.get("LearnedPredictionBenchmark.itemModel");
        RunResult names = byKey.get("LearnedPredictionBenchmark.itemGuess");
        RunResult breach = byKey.get("LearnedPredictionBenchmark.breachModel");
        if (items != null && names != null && breach != null) {
            BenchResults.summary(String.format(Locale.ROOT,
                    "learnt predictions (goal < 1000 µs each): item model's three suggestions p50 %.1f µs, p99 %.1f µs; "
                            + "ItemGuess (baseline) p50 %.1f µs, p99 %.1f µs, mean ratio model/guess %.2f; breach probability p50 %.2f µs, "
                            + "p99 %.2f µs",
                    percentile(items, 50), percentile(items, 99), percentile(names, 50), percentile(names, 99),
                    items.getPrimaryResult().getScore() / names.getPrimaryResult().getScore(), percentile(breach, 50),
                    percentile(breach, 99)));
        }
        RunResult fast = byKey.get("WorkCalendarBenchmark.dueAt");
        RunResult slow = byKey.get("WorkCalendarBenchmark.dueAtDayByDay");
        if (fast != null && slow != null) {
            BenchResults.summary(String.format(Locale.ROOT,
                    "due date: %.1f ns per computation (goal < 1000 ns); day-by-day baseline %.1f ns; %.1fx faster",
                    fast.getPrimaryResult().getScore(), slow.getPrimaryResult().getScore(),
                    slow.getPrimaryResult().getScore() / fast.getPrimaryResult().getScore()));
        }
    }

    /// p50 and p99 of a sampled benchmark, from JMH's percentiles, in its unit.
    private static double percentile(RunResult r, double p) {
        return r.getPrimaryResult().getStatistics().getPercentile(p);
    }

    private static String key(RunResult r) {
        String name = r.getParams().getBenchmark().replace("org.griddesk.bench.", "");
        String store = r.getParams().getParamsKeys().contains("store") ? "[" + r.getParams().getParam("store") + "]" : "";
        return name + store;
    }
}
