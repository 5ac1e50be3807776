package org.griddesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.HistoryQuery;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.PersonalDataSweep;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.testsupport.CommandCentre;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// The index is kept current from the feed (a change is found within a second), survives a
/// restart by catching up, and is built anew when it is unreadable or of another store; callers'
/// names stored before V28 get their blind index from the sweep.
class HistoryIndexTest {
    @TempDir
    Path temp;

    @Test
    void aChangeIsFoundWithinASecondThroughTheFeed() throws Exception {
        try (HistoryTickets tickets = new HistoryTickets(temp.resolve("store"));
             CommandCentre.Desk desk = tickets.centre.desk("search-desk")) {
            Ticket first = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "小区门口路灯不亮", "咸水沽镇津沽路1号",
                    new Caller("张三", "13800138000"), Instant.now());
            HistoryIndex index = tickets.index(temp.resolve("index"));
            HistorySearch search = new HistorySearch(index);
            HistoryFeed.follow(desk.core(), index);
            index.start();
            index.awaitIdle();
            assertThat(search.search(HistoryQuery.text("路灯"), SearchScope.ALL, 10).ids()).containsExactly(first.id());

            long made = System.nanoTime();
            Ticket second = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "化粪池满溢臭味扰民", "咸水沽镇红旗路2号",
                    new Caller("李四", "13700137000"), Instant.now());
            long foundAfter = waitFor(() -> search.search(HistoryQuery.text("化粪池"), SearchScope.ALL, 10).ids().contains(second.id()));
            assertThat(foundAfter).as("a new ticket searchable within 1 s (%d ms)", foundAfter / 1_000_000)
                    .isLessThan(1_000_000_000L);

            Ticket closed = tickets.closed(first, tickets.item);
            long closedAfter = waitFor(() -> search.search(HistoryQuery.EMPTY.withPhone("13800138000").withState(TicketState.CLOSED),
                    SearchScope.ALL, 10).ids().contains(closed.id()));
            assertThat(closedAfter).as("a closed ticket found as closed within 1 s").isLessThan(1_000_000_000L);
            assertThat(search.search(HistoryQuery.EMPTY.withState(TicketState.REPORTED), SearchScope.ALL, 10).ids())
                    .containsExactly(second.id());
            assertThat(made).isPositive();
            index.close();
        }
    }

    /// nanoseconds until `found` holds (fails after 5 s)
    private static long waitFor(java.util.function.BooleanSupplier found) throws InterruptedException {
        long start = System.nanoTime();
        while (!found.getAsBoolean()) {
            if (System.nanoTime() - start > 5_000_000_000L) {
                throw new AssertionError("not found within 5 s");
            }
            Thread.sleep(10);
        }
        return System.nanoTime() - start;
    }

    @Test
    void aRestartCatchesUpAndAnUnreadableOrForeignIndexIsBuiltAnew() throws Exception {
        try (HistoryTickets tickets = new HistoryTickets(temp.resolve("store"))) {
            Ticket first = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "路灯不亮", null, null, Instant.now());
            Path folder = temp.resolve("index");
            HistoryIndex index = tickets.index(folder);
            index.start();
            index.awaitIdle();
            assertThat(index.built()).isEqualTo(1);
            index.close();

            // written while the desk was closed: the next start catches up without building anew
            Ticket whileAway = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "垃圾桶满溢", null, null, Instant.now());
            HistoryIndex reopened = tickets.index(folder);
            reopened.start();
            reopened.awaitIdle();
            assertThat(reopened.built()).as("reused, not rebuilt").isZero();
            assertThat(new HistorySearch(reopened).search(HistoryQuery.text("垃圾桶"), SearchScope.ALL, 10).ids())
                    .containsExactly(whileAway.id());
            reopened.close();

            // garbage over every file of the index
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.write(f, "not an index".getBytes());
                }
            }
            HistoryIndex rebuilt = tickets.index(folder);
            rebuilt.start();
            rebuilt.awaitIdle();
            assertThat(rebuilt.state()).isEqualTo(HistoryIndex.State.READY);
            assertThat(rebuilt.built()).isEqualTo(2);
            assertThat(new HistorySearch(rebuilt).search(HistoryQuery.text("路灯"), SearchScope.ALL, 10).ids())
                    .containsExactly(first.id());
            rebuilt.close();

            // the data folder now faces another store (a copied folder, a new server)
            new SystemPropertyRepository(tickets.db.dsl(), Clock.systemUTC()).put(SystemProperty.INSTALLED_AT, "2027-01-01T00:00:00Z");
            HistoryIndex foreign = tickets.index(folder);
            foreign.start();
            foreign.awaitIdle();
            assertThat(foreign.built()).as("built anew for the other store").isEqualTo(2);
            foreign.close();
        }
    }

    @Test
    void anIndexThatCannotBeBuiltIsTriedAgainAndSearchesOnceItIs() throws Exception {
        try (HistoryTickets tickets = new HistoryTickets(temp.resolve("store"))) {
            Ticket t = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "路灯不亮", null, null, Instant.now());
            Path folder = temp.resolve("blocked");
            Files.writeString(folder, "a file where the index's folder should be"); // the folder cannot be made
            HistoryIndex index = new HistoryIndex(folder, new HistoryRows(tickets.db.dsl()), Clock.systemUTC(), 200);
            index.start();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> index.state() == HistoryIndex.State.FAILED);
            assertThat(new HistorySearch(index).search(HistoryQuery.text("路灯"), SearchScope.ALL, 10).state())
                    .isEqualTo(HistoryIndex.State.FAILED);

            Files.delete(folder); // the disk is back
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> index.state() == HistoryIndex.State.READY);
            assertThat(new HistorySearch(index).search(HistoryQuery.text("路灯"), SearchScope.ALL, 10).ids()).containsExactly(t.id());
            index.close();
        }
    }

    @Test
    void callersStoredBeforeTheNameIndexAreGivenItByTheSweep() {
        try (HistoryTickets tickets = new HistoryTickets(temp.resolve("store"))) {
            Ticket t = tickets.report(tickets.xsg, Channel.HOTLINE_8890, "路灯不亮", null, new Caller("王 五", "13600136000"), Instant.now());
            String index = tickets.db.dsl().select(TICKET.CALLER_NAME_INDEX).from(TICKET).where(TICKET.ID.eq(t.id())).fetchOne().value1();
            assertThat(index).as("a new ticket's name is indexed").isNotNull().hasSize(32).doesNotContain("王");
            tickets.db.dsl().update(TICKET).setNull(TICKET.CALLER_NAME_INDEX).execute();

            assertThat(new PersonalDataSweep(tickets.db.dsl()).sealAll()).as("a start does not wait for it").isZero();
            assertThat(new PersonalDataSweep(tickets.db.dsl()).indexNames()).isEqualTo(1);
            assertThat(tickets.db.dsl().select(TICKET.CALLER_NAME_INDEX).from(TICKET).where(TICKET.ID.eq(t.id())).fetchOne().value1())
                    .isEqualTo(index);
            assertThat(new PersonalDataSweep(tickets.db.dsl()).indexNames()).as("once is enough").isZero();

            HistoryIndex history = tickets.index(null);
            history.start();
            history.awaitIdle();
            assertThat(new HistorySearch(history).search(HistoryQuery.EMPTY.withName("王五"), SearchScope.ALL, 10).ids())
                    .containsExactly(t.id());
            assertThat(List.of(history.state())).containsExactly(HistoryIndex.State.READY);
            history.close();
        }
    }
}
