package org.griddesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.EmbeddedPostgresServer;

/// Races on PostgreSQL: 8 desks, each on its own pool, try to accept and dispatch the same tickets
/// at the same instant (a barrier per ticket), as two dispatchers double-clicking one new call.
/// Counted: tickets with more than one winner, with more than one dispatch in the trail, with a
/// lost update (version not equal to the trail's length, state not dispatched, or a team other than
/// the winner's), and losers not told in words who won. All must be zero. Also: attempts per second.
final class DispatchRaceBenchmark {
    static final int DESKS = 8;

    private final int attempts;

    DispatchRaceBenchmark(int attempts) {
        this.attempts = attempts;
    }

    void run() throws Exception {
        int tickets = Math.max(1, attempts / DESKS);
        String url = EmbeddedPostgresServer.shared().createDatabase("bench_races");
        try (CommandCentre centre = CommandCentre.on(new DatabaseSettings(url, "postgres", ""))) {
            CommandCentre.GatewayNode gateway = centre.gateway();
            List<CommandCentre.Desk> desks = new ArrayList<>();
            for (int i = 0; i < DESKS; i++) {
                desks.add(centre.desk("racer" + i));
            }
            try (ExecutorService channels = Executors.newFixedThreadPool(4)) {
                List<Future<Integer>> posted = new ArrayList<>();
                for (int i = 0; i < tickets; i++) {
                    String orderNo = "RACE-" + i;
                    posted.add(channels.submit(() -> gateway.postOrder(centre.hotlineKey(), orderNo)));
                }
                for (Future<Integer> status : posted) {
                    if (status.get() != 201) {
                        throw new IllegalStateException("an order was not taken: " + status.get());
                    }
                }
            }
            List<Long> ids = centre.waitingTickets(tickets);
            Tally tally = new Tally();
            long started = System.nanoTime();
            try (ExecutorService racing = Executors.newFixedThreadPool(DESKS)) {
                for (long id : ids) {
                    race(centre, desks, racing, id, tally);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            desks.forEach(CommandCentre.Desk::close);
            report(ids.size(), tally, seconds);
        }
    }

    private static final class Tally {
        int attempts;
        int won;
        int ticketsWithoutOneWinner;
        int doubleDispatches;
        int lostUpdates;
        int losersNotTold;
        int otherFailures;
    }

    private static void race(CommandCentre centre, List<CommandCentre.Desk> desks, ExecutorService racing, long id, Tally tally)
            throws Exception {
        Ticket seen = desks.getFirst().core().tickets().get(id);
        CyclicBarrier together = new CyclicBarrier(desks.size());
        List<Future<TicketActions.Outcome>> futures = new ArrayList<>();
        List<DeskCommand.AcceptAndDispatch> inputs = new ArrayList<>();
        for (int d = 0; d < desks.size(); d++) {
            CommandCentre.Desk desk = desks.get(d);
            Actor actor = centre.dispatcherOf(seen, "u-" + desk.name(), "调度员" + desk.name());
            DeskCommand.AcceptAndDispatch input = CommandCentre.acceptAndDispatch(desk.core().actions(), seen);
            inputs.add(input);
            futures.add(racing.submit(() -> {
                together.await();
                return desk.core().run(input, actor);
            }));
        }
        List<TicketActions.Outcome> outcomes = new ArrayList<>();
        for (Future<TicketActions.Outcome> f : futures) {
            outcomes.add(f.get());
        }
        tally.attempts += outcomes.size();
        List<TicketActions.Outcome> won = outcomes.stream().filter(TicketActions.Outcome::ok).toList();
        tally.won += won.size();
        if (won.size() != 1) {
            tally.ticketsWithoutOneWinner++;
            return;
        }
        String winner = won.getFirst().done().getFirst().actor().name();
        for (TicketActions.Outcome o : outcomes) {
            if (o.ok()) {
                continue;
            }
            if (!(o.failure() instanceof StaleTicketException stale)) {
                tally.otherFailures++;
            } else if (!winner.equals(stale.changedBy()) || !o.message(Locale.CHINA).contains(winner) || !o.done().isEmpty()) {
                tally.losersNotTold++;
            }
        }
        Ticket now = desks.getFirst().core().tickets().get(id);
        List<RecordedEvent> trail = desks.getFirst().core().tickets().trail(id);
        long dispatches = trail.stream().filter(e -> e.event() instanceof TicketEvent.Dispatched).count();
        if (dispatches != 1) {
            tally.doubleDispatches++;
        }
        int winnerIndex = outcomes.indexOf(won.getFirst());
        if (now.version() != trail.size() || now.state() != TicketState.DISPATCHED
                || !inputs.get(winnerIndex).teamId().equals(now.assignedTeamId())) {
            tally.lostUpdates++;
        }
    }

    private static void report(int tickets, Tally t, double seconds) {
        var fields = BenchResults.fields();
        fields.put("benchmark", "desks-races");
        fields.put("desks", DESKS);
        fields.put("tickets", tickets);
        fields.put("attempts", t.attempts);
        fields.put("won", t.won);
        fields.put("ticketsWithoutOneWinner", t.ticketsWithoutOneWinner);
        fields.put("doubleDispatches", t.doubleDispatches);
        fields.put("lostUpdates", t.lostUpdates);
        fields.put("losersNotTold", t.losersNotTold);
        fields.put("otherFailures", t.otherFailures);
        fields.put("seconds", seconds);
        fields.put("attemptsPerSecond", t.attempts / seconds);
        BenchResults.write("desks-races", fields);
        BenchResults.summary(String.format(Locale.ROOT,
                "desks-races: %d simultaneous accept-and-dispatch attempts on %d tickets from %d desks: %d won, "
                        + "tickets without exactly one winner %d, double dispatches %d, lost updates %d, losers not told who %d, "
                        + "other failures %d (all goals 0); %.0f attempts/s",
                t.attempts, tickets, DESKS, t.won, t.ticketsWithoutOneWinner, t.doubleDispatches, t.lostUpdates, t.losersNotTold,
                t.otherFailures, t.attempts / seconds));
    }
}
