package org.griddesk.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.feed.ChangeFeed;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.EmbeddedPostgresServer;

/// How soon a change made on one desk shows on the others, on PostgreSQL: 8 desks on one server and
/// the simulator posting 50 requests a second through a gateway; desk A accepts and dispatches a
/// waiting ticket 5 times a second, and for each, the time from its commit to each other desk having
/// applied it: its feed gave the change and the desk read the queue rows of the tickets it names, as
/// its queue does (the map and the whole queue are read again at most twice a second besides, on a
/// thread of their own, and are not timed here). Goal p99 < 200 ms. Baseline, same run, same load: the same 8 desks woken by a
/// 250 ms poll only (the H2 pace), no `LISTEN/NOTIFY`.
final class ChangeVisibilityBenchmark {
    static final int DESKS = 8;
    static final double SIMULATOR_RATE = 50;
    private static final Duration ACT_EVERY = Duration.ofMillis(200);

    private final int seconds;

    ChangeVisibilityBenchmark(int seconds) {
        this.seconds = seconds;
    }

    /// Commit-to-seen times (µs) over every other desk and every action, and what was never seen.
    record Result(long[] micros, int actions, int failedActions, int neverSeen) {
    }

    void run() throws Exception {
        String url = EmbeddedPostgresServer.shared().createDatabase("bench_visibility");
        try (CommandCentre centre = CommandCentre.on(new DatabaseSettings(url, "postgres", ""))) {
            CommandCentre.GatewayNode gateway = centre.gateway();
            Scenery scenery = Scenery.of(new DistrictRepository(centre.admin().dsl()));
            try (Simulation simulator = new Simulation(URI.create("http://127.0.0.1:" + gateway.port()), centre.keys(),
                    new TrafficModel(scenery, 8, "V"), SIMULATOR_RATE)) {
                simulator.start();
                Thread.sleep(5000); // tickets to act on, and the gateway warm
                Result notified = measure(centre, ChangeFeed.Pace.of(DatabaseKind.POSTGRESQL));
                Result polled = measure(centre, new ChangeFeed.Pace(Duration.ofMillis(250), false));
                report(notified, polled, simulator.tally());
            }
        }
    }

    private Result measure(CommandCentre centre, ChangeFeed.Pace pace) throws Exception {
        List<CommandCentre.Desk> desks = new ArrayList<>();
        for (int i = 0; i < DESKS; i++) {
            desks.add(centre.desk("d" + i, pace, true));
        }
        CommandCentre.Desk actor = desks.getFirst();
        Set<Long> tried = new HashSet<>();
        act(centre, actor, tried, Duration.ofSeconds(5), new ArrayList<>()); // warm-up, not measured
        List<long[]> commits = new ArrayList<>();
        int failed = act(centre, actor, tried, Duration.ofSeconds(seconds), commits);
        Thread.sleep(3000); // the last changes reach every desk
        List<Long> latencies = new ArrayList<>();
        int neverSeen = 0;
        for (long[] commit : commits) {
            for (CommandCentre.Desk other : desks.subList(1, desks.size())) {
                Long seen = other.seenAt(commit[0]);
                if (seen == null) {
                    neverSeen++;
                } else {
                    latencies.add(Math.max(0, seen - commit[1]) / 1000);
                }
            }
        }
        desks.forEach(CommandCentre.Desk::close);
        return new Result(latencies.stream().mapToLong(Long::longValue).toArray(), commits.size(), failed, neverSeen);
    }

    /// Accepts and dispatches a waiting ticket every [#ACT_EVERY] for `length`; records the last
    /// event number of each and the moment its commit returned. Returns how many actions failed.
    private static int act(CommandCentre centre, CommandCentre.Desk desk, Set<Long> tried, Duration length,
                           List<long[]> commits) throws InterruptedException {
        int failed = 0;
        long end = System.nanoTime() + length.toNanos();
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            long id = centre.waitingTickets(50).stream().filter(t -> !tried.contains(t)).findFirst().orElse(-1L);
            if (id > 0) {
                tried.add(id);
                Ticket ticket = desk.core().tickets().get(id);
                TicketActions.Outcome outcome = desk.core().run(CommandCentre.acceptAndDispatch(desk.core().actions(), ticket),
                        centre.dispatcherOf(ticket, "u-bench", "调度员"));
                long committed = System.nanoTime();
                if (outcome.ok()) {
                    commits.add(new long[] {centre.lastEventOf(id), committed});
                } else {
                    failed++;
                }
            }
            next += ACT_EVERY.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        return failed;
    }

    private void report(Result notified, Result polled, Simulation.Tally simulator) {
        double p50 = BenchResults.median(notified.micros()) / 1000.0;
        double p99 = BenchResults.percentile(notified.micros(), 99) / 1000.0;
        double pollP50 = BenchResults.median(polled.micros()) / 1000.0;
        double pollP99 = BenchResults.percentile(polled.micros(), 99) / 1000.0;
        var fields = BenchResults.fields();
        fields.put("benchmark", "desks-visibility");
        fields.put("desks", DESKS);
        fields.put("simulatorPerSecond", SIMULATOR_RATE);
        fields.put("seconds", seconds);
        fields.put("actions", notified.actions());
        fields.put("samples", notified.micros().length);
        fields.put("p50Ms", p50);
        fields.put("p99Ms", p99);
        fields.put("maxMs", Arrays.stream(notified.micros()).max().orElse(0) / 1000.0);
        fields.put("neverSeen", notified.neverSeen());
        fields.put("failedActions", notified.failedActions());
        fields.put("pollingP50Ms", pollP50);
        fields.put("pollingP99Ms", pollP99);
        fields.put("pollingNeverSeen", polled.neverSeen());
        fields.put("pollingOverNotifyP99", pollP99 / p99);
        fields.put("pollingOverNotifyP50", pollP50 / p50);
        fields.put("simulator", simulator.summary());
        BenchResults.write("desks-visibility", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "desks-visibility: commit on desk A to applied on the 7 others, %d desks, simulator %.0f/s, %d actions: "
                        + "LISTEN/NOTIFY p50 %.1f ms, p99 %.1f ms (goal p99 < 200 ms), never seen %d; polling 250 ms only: "
                        + "p50 %.1f ms, p99 %.1f ms, never seen %d; polling/notify p99 %.1fx, p50 %.1fx; simulator %s",
                DESKS, SIMULATOR_RATE, notified.actions(), p50, p99, notified.neverSeen(), pollP50, pollP99, polled.neverSeen(),
                pollP99 / p99, pollP50 / p50, simulator.summary()));
    }
}
