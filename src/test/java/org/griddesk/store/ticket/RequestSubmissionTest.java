package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// The store's side of Open311's repeat rule: a send is recorded in its ticket's transaction, a
/// repeat within the window finds that ticket, a later one takes the record over, and of the same
/// send recorded by many transactions at once (many gateways) exactly one ticket remains.
class RequestSubmissionTest {
    @TempDir
    Path temp;

    private static final Instant AT = Instant.parse("2026-11-23T01:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private static Submission send(Instant at) {
        return new Submission("sender-digest", "C" + "c".repeat(64), "c".repeat(64), at, WINDOW);
    }

    private static TicketService service(Database db) {
        return new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
    }

    private static long report(TicketService service, String external, Submission submission) {
        return service.report(hotlineRequest(external, AT), "JN-XSG", HOTLINE, IntakeDetail.NONE, null, List.of(), submission)
                .after().id();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRepeatWithinTheWindowFindsTheFirstTicketAndALaterSendTakesTheRecordOver(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            IntakeRepository intakes = new IntakeRepository(db.dsl());
            assertThat(intakes.submitted(send(AT))).isEmpty();
            long first = report(service(db), "O311-A", send(AT));

            assertThat(intakes.submitted(send(AT.plus(WINDOW))).map(IntakeRepository.Submitted::ticketId)).contains(first);
            assertThat(intakes.submitted(send(AT.plus(WINDOW).plusSeconds(1)))).as("past the window").isEmpty();

            long later = report(service(db), "O311-B", send(AT.plus(WINDOW).plusSeconds(1)));
            assertThat(later).isNotEqualTo(first);
            assertThat(intakes.submitted(send(AT.plus(WINDOW).plusSeconds(2))).map(IntakeRepository.Submitted::ticketId))
                    .contains(later);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void ofOneSendRecordedByTwentyTransactionsAtOnceOneTicketRemains(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            int before = new TicketRepository(db.dsl()).count();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> made = new ArrayList<>();
            try (ExecutorService senders = Executors.newFixedThreadPool(20)) {
                for (int i = 0; i < 20; i++) {
                    String external = "O311-RACE-" + i;
                    made.add(senders.submit(() -> {
                        start.await();
                        return report(service, external, send(AT));
                    }));
                }
                start.countDown();
            }
            List<Long> tickets = new ArrayList<>();
            for (Future<Long> f : made) {
                try {
                    tickets.add(f.get());
                } catch (ExecutionException refused) {
                    // the store refused a second record of the same send: its ticket was not written
                }
            }
            assertThat(tickets).hasSize(1);
            assertThat(new TicketRepository(db.dsl()).count()).isEqualTo(before + 1);
            assertThat(new IntakeRepository(db.dsl()).submitted(send(AT)).map(IntakeRepository.Submitted::ticketId))
                    .contains(tickets.getFirst());
        }
    }
}
