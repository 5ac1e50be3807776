package org.griddesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.griddesk.store.Database;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;

/// What a durable commit costs on the embedded store: new tickets reported through
/// [TicketService#report] (one transaction each: the ticket row and its first event, plus a code
/// reservation every 20 tickets), by 1 and by 4 writers, on H2 three ways ([IngestStore]: H2 writing
/// commits up to 0.5 s later as before issue 28, each commit in the file, also forced to the disk).
///
/// The machine is shared and noisy, so the three take short turns in rotation (A B C, B C A, C A B …)
/// and each figure is the median of its turns; the ratios are to H2_WRITE_DELAY in the same run.
/// `./mvnw -Pbench verify -Dbench=commit-durability [-Dbench.commit.turns=N]`.
final class CommitDurabilityBenchmark {
    private static final List<IngestStore> STORES = List.of(IngestStore.H2_WRITE_DELAY, IngestStore.H2, IngestStore.H2_POWER);
    private static final Duration TURN = Duration.ofSeconds(3);

    private final int turns;
    private final AtomicLong requests = new AtomicLong();

    CommitDurabilityBenchmark(int turns) {
        this.turns = turns;
    }

    /// One store's turns: tickets per second of each, and every report's latency in microseconds.
    private record Measured(List<Double> perSecond, List<Long> micros) {
        Measured() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        double medianPerSecond() {
            return BenchResults.median(perSecond.stream().mapToLong(d -> Math.round(d * 10)).toArray()) / 10;
        }

        double percentileMs(double p) {
            return BenchResults.percentile(micros.stream().mapToLong(Long::longValue).toArray(), p) / 1000.0;
        }
    }

    void run() throws Exception {
        for (int writers : new int[] {1, 4}) {
            measure(writers);
        }
    }

    private void measure(int writers) throws Exception {
        Map<IngestStore, Database> stores = new EnumMap<>(IngestStore.class);
        Map<IngestStore, TicketService> services = new EnumMap<>(IngestStore.class);
        Map<IngestStore, Measured> measured = new EnumMap<>(IngestStore.class);
        Path dir = Files.createTempDirectory("griddesk-bench-commit-");
        try {
            for (IngestStore store : STORES) {
                Database db = store.fresh(dir.resolve(store.label()));
                stores.put(store, db);
                services.put(store, new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC()));
                measured.put(store, new Measured());
                turn(services.get(store), writers, new Measured()); // warm-up
            }
            for (int t = 0; t < turns; t++) {
                for (int i = 0; i < STORES.size(); i++) {
                    IngestStore store = STORES.get((t + i) % STORES.size());
                    turn(services.get(store), writers, measured.get(store));
                }
            }
        } finally {
            stores.values().forEach(Database::close);
        }
        Measured before = measured.get(IngestStore.H2_WRITE_DELAY);
        var fields = BenchResults.fields();
        fields.put("benchmark", "commit-durability-" + writers);
        fields.put("writers", writers);
        fields.put("turns", turns);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "commit durability, %d writer%s, tickets reported "
                + "(median of %d turns of %d s):", writers, writers == 1 ? "" : "s", turns, TURN.toSeconds()));
        for (IngestStore store : STORES) {
            Measured m = measured.get(store);
            fields.put(store.label() + "PerSecond", m.medianPerSecond());
            fields.put(store.label() + "P50Ms", m.percentileMs(50));
            fields.put(store.label() + "P99Ms", m.percentileMs(99));
            line.append(String.format(Locale.ROOT, " %s %.0f/s (x%.2f), p50 %.2f ms, p99 %.1f ms;", store, m.medianPerSecond(),
                    m.medianPerSecond() / before.medianPerSecond(), m.percentileMs(50), m.percentileMs(99)));
        }
        BenchResults.write("commit-durability-" + writers, fields);
        BenchResults.summary(line.substring(0, line.length() - 1));
    }

    /// `writers` threads report tickets for one turn; adds the turn's rate and latencies to `into`.
    private void turn(TicketService tickets, int writers, Measured into) throws InterruptedException {
        List<List<Long>> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + TURN.toNanos();
        for (int w = 0; w < writers; w++) {
            List<Long> mine = new ArrayList<>();
            latencies.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    tickets.report(LifecycleFixture.hotlineRequest("BENCH-" + requests.incrementAndGet(), Instant.now()),
                            LifecycleFixture.XIANSHUIGU.id(), LifecycleFixture.HOTLINE);
                    mine.add((System.nanoTime() - start) / 1000);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long count = 0;
        for (List<Long> l : latencies) {
            count += l.size();
            into.micros().addAll(l);
        }
        into.perSecond().add(count / (double) TURN.toSeconds());
    }
}
