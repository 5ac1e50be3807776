package org.griddesk.store.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeFeedTest {
    @TempDir
    Path temp;

    @Test
    void whileSkippingTheListenerHearsThatThingsChangedNotWhatAndAfterwardsEveryChangeAgain() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            long ticket = TrailReaderTest.aTicket(db);
            BlockingQueue<ChangeBatch> heard = new LinkedBlockingQueue<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            try (ChangeFeed feed = ChangeFeed.start(db, new ChangeFeed.Pace(Duration.ofMillis(50), false), Clock.systemUTC(), heard::add)) {
                feed.skipAheadWhile(loading::get);
                long last = 0;
                for (int v = 0; v < 40; v++) {
                    last = TrailReaderTest.appendEvent(db, ticket, 500 + v);
                }

                ChangeBatch skipped = heard.poll(10, TimeUnit.SECONDS);
                assertThat(skipped).isNotNull();
                assertThat(skipped.skipped()).isTrue();
                assertThat(skipped.changes()).isEmpty();
                long stood = last;
                waitUntil(() -> feed.position() == stood);

                loading.set(false);
                long after = TrailReaderTest.appendEvent(db, ticket, 600);
                List<Long> read = new ArrayList<>();
                while (!read.contains(after)) {
                    ChangeBatch batch = heard.poll(10, TimeUnit.SECONDS);
                    assertThat(batch).as("the change after the load is heard").isNotNull();
                    batch.changes().forEach(c -> read.add(c.seq()));
                }
                assertThat(read).as("nothing of the load, one by one").containsExactly(after);
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("in time").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
