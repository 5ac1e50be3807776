package org.griddesk.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.StoreUnavailableException;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.jooq.Tables;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.jooq.impl.DSL;

/// Outages on PostgreSQL: the server killed (`pg_ctl stop -m immediate`, every connection cut) and
/// started again N times while 4 desks, a gateway, the simulator (20 requests/s, never retrying) and
/// two channels that send every order again until it is acknowledged (as channels do on 503) run,
/// and desk A acts twice a second. Counted: acknowledged orders missing from the store or stored
/// twice, events a desk never got or got twice; per outage, the time until every desk showed it
/// (goal ≤ 5 s) and, after each return, until every desk was connected and had every event
/// committed before the return (goal ≤ 10 s).
final class OutageBenchmark {
    static final int DESKS = 4;
    private static final Duration UP = Duration.ofSeconds(3);
    private static final Duration DOWN = Duration.ofSeconds(2);

    private final int outages;

    OutageBenchmark(int outages) {
        this.outages = outages;
    }

    void run() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startPrivate();
        try (CommandCentre centre = CommandCentre.on(new DatabaseSettings(server.createDatabase("bench_outage"), "postgres", ""))) {
            List<CommandCentre.Desk> desks = new ArrayList<>();
            for (int i = 0; i < DESKS; i++) {
                desks.add(centre.desk("d" + i));
            }
            CommandCentre.GatewayNode gateway = centre.gateway();
            long firstEvent = centre.lastEvent();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Queue<Long> ackMillis = new ConcurrentLinkedQueue<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> channels = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int channel = c;
                channels.add(Thread.ofPlatform().name("channel-" + c).start(() -> sendOrders(gateway, centre.hotlineKey(),
                        "OUT-" + channel + "-", running, acknowledged, ackMillis)));
            }
            AtomicInteger actionsDone = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger cutOff = new AtomicInteger();
            Thread acting = Thread.ofPlatform().name("desk-a").start(() -> act(centre, desks.getFirst(), running, actionsDone,
                    refused, cutOff));
            long[] detectMillis = new long[outages];
            long[] catchUpMillis = new long[outages];
            Simulation simulator = new Simulation(URI.create("http://127.0.0.1:" + gateway.port()), centre.keys(),
                    new TrafficModel(Scenery.of(new DistrictRepository(centre.admin().dsl())), 9, "O"), 20);
            simulator.start();
            for (int i = 0; i < outages; i++) {
                Thread.sleep(UP.toMillis());
                long killed = System.nanoTime();
                server.kill();
                for (CommandCentre.Desk desk : desks) {
                    desk.awaitState(ConnectionState.DISCONNECTED, Duration.ofSeconds(30));
                }
                detectMillis[i] = (System.nanoTime() - killed) / 1_000_000;
                Thread.sleep(DOWN.toMillis());
                server.restart();
                long back = System.nanoTime();
                List<Long> committed = committedSince(centre, firstEvent);
                for (CommandCentre.Desk desk : desks) {
                    boolean ok = desk.awaitState(ConnectionState.CONNECTED, Duration.ofSeconds(30))
                            && desk.awaitSeen(committed, Duration.ofSeconds(30));
                    if (!ok) {
                        System.out.println("not caught up after outage " + (i + 1) + ": " + desk.diagnose(committed));
                        var missing = committed.stream().filter(s -> !desk.seen().contains(s)).limit(3).toList();
                        for (long m : missing) {
                            System.out.println(centre.admin().dsl().fetch("select seq, ticket_id, ticket_version, event_type,"
                                    + " occurred_at, xmin::text from ticket_event where seq between ? and ? order by seq", m - 3, m + 3));
                        }
                    }
                }
                catchUpMillis[i] = (System.nanoTime() - back) / 1_000_000;
            }
            running.set(false);
            simulator.close();
            acting.join();
            for (Thread channel : channels) {
                channel.join();
            }
            Thread.sleep(3000);
            List<Long> all = centre.eventsAfter(firstEvent);
            int missed = 0;
            int twice = 0;
            for (CommandCentre.Desk desk : desks) {
                desk.awaitSeen(all, Duration.ofSeconds(10));
                Set<Long> seen = new HashSet<>(desk.seen());
                missed += (int) all.stream().filter(s -> !seen.contains(s)).count();
                twice += desk.givenTwice().size();
            }
            var stored = storedOrders(centre);
            long lost = acknowledged.stream().filter(o -> !stored.containsKey(o)).count();
            long duplicates = stored.values().stream().filter(n -> n > 1).count();
            desks.forEach(CommandCentre.Desk::close);
            long[] ack = ackMillis.stream().mapToLong(Long::longValue).toArray();
            BenchResults.summary(String.format(Locale.ROOT, "desks-outage: an order's send to acknowledgment, retries included: "
                    + "p50 %d ms, p99 %d ms, max %d ms", BenchResults.percentile(ack, 50), BenchResults.percentile(ack, 99),
                    Arrays.stream(ack).max().orElse(0)));
            report(acknowledged.size(), lost, duplicates, missed, twice, detectMillis, catchUpMillis, actionsDone.get(),
                    refused.get(), cutOff.get(), simulator.tally());
        } finally {
            server.destroy();
        }
    }

    /// The events committed after `after`, read as soon as the server answers again.
    private static List<Long> committedSince(CommandCentre centre, long after) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return centre.eventsAfter(after);
            } catch (RuntimeException e) {
                if (attempt > 100) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /// A channel: orders one after another, each sent again until acknowledged.
    private static void sendOrders(CommandCentre.GatewayNode gateway, String key, String prefix, AtomicBoolean running,
                                   Set<String> acknowledged, Queue<Long> ackMillis) {
        for (int n = 0; running.get(); n++) {
            String orderNo = prefix + n;
            try {
                long sent = System.nanoTime();
                gateway.sendUntilTaken(key, orderNo, Duration.ofMinutes(2));
                ackMillis.add((System.nanoTime() - sent) / 1_000_000);
                acknowledged.add(orderNo);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /// Desk A: accepts and dispatches a waiting ticket twice a second, through outages too.
    private static void act(CommandCentre centre, CommandCentre.Desk desk, AtomicBoolean running, AtomicInteger done,
                            AtomicInteger refused, AtomicInteger cutOff) {
        while (running.get()) {
            try {
                Thread.sleep(500);
                List<Long> waiting = centre.waitingTickets(1);
                if (waiting.isEmpty()) {
                    continue;
                }
                Ticket ticket = desk.core().tickets().get(waiting.getFirst());
                TicketActions.Outcome outcome = desk.core().run(CommandCentre.acceptAndDispatch(desk.core().actions(), ticket), centre.dispatcherOf(ticket, "u-a", "调度员甲"));
                if (outcome.ok()) {
                    done.incrementAndGet();
                } else if (outcome.failure() instanceof StoreUnavailableException u) {
                    (u.attempted() ? cutOff : refused).incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the store went away between reading and acting: the next round tries again
            }
        }
    }

    private static Map<String, Integer> storedOrders(CommandCentre centre) {
        var t = Tables.TICKET;
        Map<String, Integer> stored = new HashMap<>();
        centre.admin().dsl().select(t.EXTERNAL_ID, DSL.count()).from(t).where(t.EXTERNAL_ID.like("OUT-%"))
                .groupBy(t.EXTERNAL_ID).forEach(r -> stored.put(r.value1(), r.value2()));
        return stored;
    }

    private void report(int acknowledged, long lost, long duplicates, int missed, int twice, long[] detect, long[] catchUp,
                        int actions, int refused, int cutOff, Simulation.Tally simulator) {
        long detectMax = Arrays.stream(detect).max().orElse(0);
        long catchUpMax = Arrays.stream(catchUp).max().orElse(0);
        var fields = BenchResults.fields();
        fields.put("benchmark", "desks-outage");
        fields.put("outages", outages);
        fields.put("desks", DESKS);
        fields.put("acknowledgedOrders", acknowledged);
        fields.put("acknowledgedLost", lost);
        fields.put("duplicates", duplicates);
        fields.put("eventsMissedByADesk", missed);
        fields.put("eventsGivenTwice", twice);
        fields.put("detectMs", detect);
        fields.put("detectMedianMs", BenchResults.median(detect));
        fields.put("detectMaxMs", detectMax);
        fields.put("catchUpMs", catchUp);
        fields.put("catchUpMedianMs", BenchResults.median(catchUp));
        fields.put("catchUpMaxMs", catchUpMax);
        fields.put("deskActionsDone", actions);
        fields.put("deskActionsRefused", refused);
        fields.put("deskActionsCutOff", cutOff);
        fields.put("simulator", simulator.summary());
        BenchResults.write("desks-outage", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "desks-outage: server killed and restarted %d times under %d desks, a gateway, the simulator (20/s) and 2 retrying "
                        + "channels: %d orders acknowledged, lost %d, stored twice %d; events missed by a desk %d, given twice %d "
                        + "(goals 0); outage shown on every desk after median %.0f ms, max %d ms (goal <= 5000); every desk connected "
                        + "and caught up median %.0f ms, max %d ms after each return (goal <= 10000); desk A: %d actions done, "
                        + "%d refused while away, %d cut off",
                outages, DESKS, acknowledged, lost, duplicates, missed, twice, BenchResults.median(detect), detectMax,
                BenchResults.median(catchUp), catchUpMax, actions, refused, cutOff));
    }
}
