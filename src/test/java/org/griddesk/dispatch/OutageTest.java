package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.StoreUnavailableException;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;

/// The database server killed under two desks and a gateway, and started again: the desks show it
/// within 5 s, refuse actions in words, keep what they showed; the gateway answers 503 so the channel
/// sends again; when the server is back everything reconnects and catches up by itself, and nothing
/// acknowledged is lost.
class OutageTest {
    @Test
    void aKilledDatabaseIsShownRefusedRetriedAndCaughtUpWithNothingAcknowledgedLost() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startPrivate();
        try (CommandCentre centre = CommandCentre.on(new DatabaseSettings(server.createDatabase("outage"), "postgres", ""))) {
            CommandCentre.Desk a = centre.desk("a");
            CommandCentre.Desk b = centre.desk("b");
            CommandCentre.GatewayNode gateway = centre.gateway();
            long start = centre.lastEvent();
            assertThat(gateway.postOrder(centre.hotlineKey(), "BEFORE-1")).isEqualTo(201);
            Ticket ticket = a.core().tickets().findByExternal(Channel.HOTLINE_8890, "BEFORE-1").orElseThrow();
            TicketActions actions = a.core().actions(); // the district read while the store is there
            Actor dispatcher = centre.dispatcherOf(ticket, "u-a", "调度员甲");
            DeskCommand.AcceptAndDispatch input = CommandCentre.acceptAndDispatch(actions, ticket);
            assertThat(b.awaitSeen(centre.eventsAfter(start), Duration.ofSeconds(5))).isTrue();

            long killed = System.nanoTime();
            Instant killedAt = Instant.now();
            server.kill();
            assertThat(a.awaitState(ConnectionState.DISCONNECTED, Duration.ofSeconds(5))).as("desk a shows it within 5 s").isTrue();
            assertThat(b.awaitState(ConnectionState.DISCONNECTED, Duration.ofSeconds(5).minusNanos(System.nanoTime() - killed)))
                    .as("desk b shows it within 5 s").isTrue();
            assertThat(a.core().lastRead()).as("what the desk shows is as of before the kill").isBefore(killedAt.plusSeconds(1));

            TicketActions.Outcome refused = a.core().run(input, dispatcher);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.failure()).isInstanceOf(StoreUnavailableException.class);
            assertThat(((StoreUnavailableException) refused.failure()).attempted()).as("refused before sending").isFalse();
            assertThat(refused.message(Locale.CHINA)).contains("数据库连接中断", "未执行");

            int status = 0;
            for (long until = System.nanoTime() + Duration.ofSeconds(5).toNanos(); System.nanoTime() < until && status != 503; ) {
                status = gateway.postOrder(centre.hotlineKey(), "DURING-1");
            }
            assertThat(status).as("the gateway answers 503 while it cannot write").isEqualTo(503);
            // the channel sends again until taken, as channels do on 503
            CompletableFuture<Integer> retried = CompletableFuture.supplyAsync(() -> {
                try {
                    return gateway.sendUntilTaken(centre.hotlineKey(), "DURING-1", Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            Thread.sleep(1000);
            server.restart();
            long back = System.nanoTime();
            assertThat(a.awaitState(ConnectionState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            assertThat(b.awaitState(ConnectionState.CONNECTED, Duration.ofSeconds(10))).isTrue();
            assertThat(retried.get()).as("taken after some 503s").isGreaterThan(1);

            TicketActions.Outcome done = a.core().run(input, dispatcher);
            assertThat(done.ok()).as(done.message(Locale.ENGLISH)).isTrue();
            var committed = centre.eventsAfter(start);
            assertThat(b.awaitSeen(committed, Duration.ofSeconds(10))).as("desk b caught up").isTrue();
            assertThat(System.nanoTime() - back).as("within 10 s of the return").isLessThan(Duration.ofSeconds(10).toNanos());
            assertThat(a.givenTwice()).isEmpty();
            assertThat(b.givenTwice()).isEmpty();
            assertThat(a.states()).containsSubsequence(ConnectionState.DISCONNECTED, ConnectionState.CONNECTED);
            var tickets = a.core().tickets();
            assertThat(tickets.findByExternal(Channel.HOTLINE_8890, "BEFORE-1")).isPresent();
            assertThat(tickets.findByExternal(Channel.HOTLINE_8890, "DURING-1"))
                    .as("acknowledged after the return, once").isPresent();
        } finally {
            server.destroy();
        }
    }
}
