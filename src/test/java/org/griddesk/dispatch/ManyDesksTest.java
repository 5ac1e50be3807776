package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.jooq.Tables;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// Several desks and a gateway on one PostgreSQL, as in a command centre: every desk's feed gives
/// it every change once, and two desks acting on one ticket at once never both win.
class ManyDesksTest {
    @TempDir
    static Path temp;
    private static CommandCentre centre;
    private static CommandCentre.GatewayNode gateway;

    @BeforeAll
    static void centre() {
        centre = CommandCentre.on(TestDatabases.freshSettings(DatabaseKind.POSTGRESQL, temp));
        gateway = centre.gateway();
    }

    @AfterAll
    static void close() {
        centre.close();
    }

    @Test
    void everyDeskIsGivenEveryChangeExactlyOnceWhileGatewaysAndDesksWriteAtOnce() throws Exception {
        List<CommandCentre.Desk> desks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            desks.add(centre.desk("desk-" + i));
        }
        long start = centre.lastEvent();
        // four channels' worth of orders at once: commits interleave, sequence numbers commit out of order
        try (ExecutorService channels = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String orderNo = "FEED-" + i;
                sent.add(channels.submit(() -> gateway.postOrder(centre.hotlineKey(), orderNo)));
            }
            for (Future<Integer> status : sent) {
                assertThat(status.get()).isEqualTo(201);
            }
        }
        // and the desks act on what came in, each on its own tickets, all at once
        List<Long> reported = ticketsReportedAfter(start);
        try (ExecutorService acting = Executors.newFixedThreadPool(desks.size())) {
            List<Future<TicketActions.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < reported.size(); i++) {
                CommandCentre.Desk desk = desks.get(i % desks.size());
                long id = reported.get(i);
                outcomes.add(acting.submit(() -> acceptAndDispatch(desk, id, dispatcher(desk, id, 0))));
            }
            for (Future<TicketActions.Outcome> outcome : outcomes) {
                assertThat(outcome.get().ok()).as(outcome.get().message(Locale.ENGLISH)).isTrue();
            }
        }
        List<Long> committed = centre.eventsAfter(start);
        assertThat(committed).hasSizeGreaterThanOrEqualTo(40 * 3); // reported, accepted, dispatched
        for (CommandCentre.Desk desk : desks) {
            assertThat(desk.awaitSeen(committed, Duration.ofSeconds(10))).as("%s saw every change", desk.name()).isTrue();
            assertThat(desk.givenTwice()).as("%s was given nothing twice", desk.name()).isEmpty();
            assertThat(desk.seen()).as("%s saw nothing that was not committed", desk.name())
                    .isSubsetOf(new HashSet<>(centre.eventsAfter(0)));
        }
        desks.forEach(CommandCentre.Desk::close);
    }

    @Test
    void eightDesksDispatchingTheSameTicketsAtOnceOneWinsEachAndEveryLoserIsToldWho() throws Exception {
        List<CommandCentre.Desk> desks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            desks.add(centre.desk("racer-" + i));
        }
        long start = centre.lastEvent();
        for (int i = 0; i < 12; i++) {
            assertThat(gateway.postOrder(centre.hotlineKey(), "RACE-" + i)).isEqualTo(201);
        }
        List<Long> tickets = ticketsReportedAfter(start);
        int winners = 0;
        int losersTold = 0;
        try (ExecutorService racing = Executors.newFixedThreadPool(desks.size())) {
            for (long id : tickets) {
                Ticket seen = desks.getFirst().core().tickets().get(id);
                CyclicBarrier together = new CyclicBarrier(desks.size());
                List<Future<TicketActions.Outcome>> attempts = new ArrayList<>();
                for (int d = 0; d < desks.size(); d++) {
                    CommandCentre.Desk desk = desks.get(d);
                    Actor actor = dispatcher(desk, id, d);
                    attempts.add(racing.submit(() -> {
                        together.await();
                        return acceptAndDispatch(desk, seen, actor);
                    }));
                }
                List<TicketActions.Outcome> outcomes = new ArrayList<>();
                for (Future<TicketActions.Outcome> f : attempts) {
                    outcomes.add(f.get());
                }
                List<TicketActions.Outcome> won = outcomes.stream().filter(TicketActions.Outcome::ok).toList();
                assertThat(won).as("exactly one desk wins ticket %d", id).hasSize(1);
                winners++;
                String winner = won.getFirst().done().getFirst().actor().name();
                for (TicketActions.Outcome lost : outcomes) {
                    if (!lost.ok()) {
                        assertThat(lost.done()).as("a loser did nothing").isEmpty();
                        assertThat(lost.failure()).isInstanceOf(StaleTicketException.class);
                        assertThat(((StaleTicketException) lost.failure()).changedBy()).isEqualTo(winner);
                        assertThat(lost.message(Locale.CHINA)).contains(winner);
                        assertThat(lost.ticket().state()).as("the loser sees the new state").isNotEqualTo(TicketState.REPORTED);
                        losersTold++;
                    }
                }
                Ticket now = desks.getFirst().core().tickets().get(id);
                assertThat(now.state()).isEqualTo(TicketState.DISPATCHED);
                var trail = desks.getFirst().core().tickets().trail(id);
                assertThat(trail.stream().filter(e -> e.event().getClass().getSimpleName().equals("Dispatched")).count())
                        .as("dispatched once").isEqualTo(1);
                assertThat(trail.stream().filter(e -> e.event().getClass().getSimpleName().equals("Accepted")).count())
                        .as("accepted once").isEqualTo(1);
            }
        }
        assertThat(winners).isEqualTo(tickets.size());
        assertThat(losersTold).isEqualTo(tickets.size() * (desks.size() - 1));
        desks.forEach(CommandCentre.Desk::close);
    }

    private static List<Long> ticketsReportedAfter(long seq) {
        return centre.admin().dsl().selectDistinct(Tables.TICKET_EVENT.TICKET_ID)
                .from(Tables.TICKET_EVENT)
                .where(Tables.TICKET_EVENT.SEQ.gt(seq),
                        Tables.TICKET_EVENT.EVENT_TYPE.eq("Reported"))
                .orderBy(Tables.TICKET_EVENT.TICKET_ID)
                .fetch(Tables.TICKET_EVENT.TICKET_ID);
    }

    /// A dispatcher of the centre that owns the ticket, named for the desk.
    private static Actor dispatcher(CommandCentre.Desk desk, long ticketId, int n) {
        return centre.dispatcherOf(desk.core().tickets().get(ticketId), "u-" + desk.name(), "调度员" + desk.name() + "-" + n);
    }

    private static TicketActions.Outcome acceptAndDispatch(CommandCentre.Desk desk, long ticketId, Actor actor) {
        return acceptAndDispatch(desk, desk.core().tickets().get(ticketId), actor);
    }

    /// Accepts and dispatches the ticket as the desk saw it.
    private static TicketActions.Outcome acceptAndDispatch(CommandCentre.Desk desk, Ticket seen, Actor actor) {
        return desk.core().run(CommandCentre.acceptAndDispatch(desk.core().actions(), seen), actor);
    }
}
