package org.griddesk.store.feed;

import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeNotificationsTest {
    @TempDir
    Path temp;

    @Test
    void anotherDesksCommitWakesThisOneAtOnceOnPostgresql() throws Exception {
        try (Database writer = TestDatabases.freshMigrated(DatabaseKind.POSTGRESQL, temp)) {
            Semaphore woken = new Semaphore(0);
            try (ChangeNotifications listening = ChangeNotifications.start(writer.settings(), woken::release)) {
                assertThat(listening).isNotNull();
                TicketService tickets = new TicketService(writer.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
                // the listener connects on its own thread: the first report may come before it listens
                tickets.report(hotlineRequest("8890-N0", Instant.now()), "JN-XSG", HOTLINE);
                woken.tryAcquire(5, TimeUnit.SECONDS);
                woken.drainPermits();
                for (int i = 1; i <= 5; i++) {
                    long committed = System.nanoTime();
                    tickets.report(hotlineRequest("8890-N" + i, Instant.now()), "JN-XSG", HOTLINE);
                    assertThat(woken.tryAcquire(2, TimeUnit.SECONDS)).as("woken by report %d", i).isTrue();
                    assertThat(System.nanoTime() - committed).as("within a second").isLessThan(TimeUnit.SECONDS.toNanos(1));
                }
                assertThat(woken.tryAcquire(300, TimeUnit.MILLISECONDS)).as("once per transaction").isFalse();
            }
        }
    }

    @Test
    void householdVisitsWakeTheDesksTooAndTheFeedGivesThem() throws Exception {
        try (Database writer = TestDatabases.freshMigrated(DatabaseKind.POSTGRESQL, temp)) {
            TrailReader reader = TrailReader.fromNow(writer.dsl(), Clock.systemUTC());
            Semaphore woken = new Semaphore(0);
            try (ChangeNotifications listening = ChangeNotifications.start(writer.settings(), woken::release)) {
                recordVisit(writer, "H-0"); // the listener may not listen yet
                woken.tryAcquire(5, TimeUnit.SECONDS);
                woken.drainPermits();
                recordVisit(writer, "H-1");
                assertThat(woken.tryAcquire(2, TimeUnit.SECONDS)).as("woken by a visit").isTrue();
            }
            assertThat(reader.next().visits()).isEqualTo(2);
            assertThat(reader.next().visits()).as("each once").isZero();
        }
    }

    private static void recordVisit(Database db, String household) {
        db.dsl().execute("INSERT INTO household_visit (household_id, worker_id, visited_on, note) VALUES (?, 'w-1', CURRENT_DATE, '走访')",
                household);
    }

    @Test
    void anEmbeddedStoreHasNoNotificationsAndIsPolled() {
        assertThat(ChangeNotifications.start(DatabaseSettings.embeddedH2(temp), () -> { })).isNull();
    }
}
