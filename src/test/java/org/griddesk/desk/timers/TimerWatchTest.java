package org.griddesk.desk.timers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// A ticket joins the timer lists by time passing alone (a citizen not contacted within the limit):
/// the lists are read again every minute though the store stays quiet, and no more once nobody is watched.
class TimerWatchTest {
    @TempDir
    Path temp;

    /// Runs work at once; keeps what is asked for later, for the test to run when it says time has passed.
    private static final class LaterByHand implements TaskExecutor {
        final List<Runnable> later = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                onSuccess.accept(result);
                return CompletableFuture.completedFuture(result);
            } catch (Exception e) {
                onFailure.accept(e);
                return CompletableFuture.failedFuture(e);
            }
        }

        @Override
        public void runOnUi(Runnable uiWork) {
            uiWork.run();
        }

        @Override
        public void runOnUiAfter(Duration delay, Runnable uiWork) {
            delays.add(delay);
            later.add(uiWork);
        }

        void runWhatIsDue() {
            List<Runnable> due = new ArrayList<>(later);
            later.clear();
            due.forEach(Runnable::run);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aQuietStoreIsReadAgainEveryMinuteWhileSomeoneWatches() {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            LaterByHand executor = new LaterByHand();
            TimerWatch watch = new TimerWatch(executor, () -> db, () -> TimingPolicies.DEFAULT, ShiftSchedule.defaultSchedule(),
                    Clock.systemUTC());
            AtomicInteger reads = new AtomicInteger();
            watch.onRead(lists -> reads.incrementAndGet());

            watch.watch("JN-XSG", true);
            assertThat(reads).hasValue(1);
            assertThat(executor.delays).containsExactly(TimerWatch.READ_AGAIN_EVERY);
            for (int minute = 1; minute <= 3; minute++) {
                executor.runWhatIsDue(); // a minute passes (and a read held back by the one-a-second rule comes)
                executor.runWhatIsDue();
            }
            assertThat(reads.get()).as("read again with no change in the store").isGreaterThanOrEqualTo(4);

            watch.watch(null, false);
            int before = reads.get();
            executor.runWhatIsDue();
            executor.runWhatIsDue();
            assertThat(reads).as("nobody watched: no more reads").hasValue(before);
            assertThat(executor.later).isEmpty();
        }
    }
}
