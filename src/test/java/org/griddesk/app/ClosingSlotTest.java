package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClosingSlotTest {

    @Test
    void aStartAskedAfterTheCloseDoesNotRun() {
        ClosingSlot<Thing> slot = new ClosingSlot<>();
        slot.close(Duration.ofSeconds(1));
        AtomicBoolean ran = new AtomicBoolean();

        Thing started = slot.start(() -> {
            ran.set(true);
            return new Thing();
        });

        assertThat(started).isNull();
        assertThat(ran).isFalse();
    }

    @Test
    void theCloseClosesWhatWasStarted() {
        ClosingSlot<Thing> slot = new ClosingSlot<>();
        Thing thing = slot.start(Thing::new);
        assertThat(slot.current()).isSameAs(thing);

        slot.close(Duration.ofSeconds(1));

        assertThat(thing.closed).isTrue();
        assertThat(slot.current()).isNull();
    }

    @Test
    void aCloseDuringTheStartWaitsForItAndClosesWhatItYields() throws Exception {
        ClosingSlot<Thing> slot = new ClosingSlot<>();
        Thing thing = new Thing();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Thing> start = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> start.complete(slot.start(() -> {
            entered.countDown();
            await(release);
            return thing;
        })));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = Thread.ofPlatform().start(() -> slot.close(Duration.ofSeconds(10)));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(closer.getState()).as("the close waits for the start under way").isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(thing.closed).isFalse();

        release.countDown();
        closer.join(5_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(thing.closed).as("closed before the close returned").isTrue();
        assertThat(start.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(slot.current()).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Thing implements AutoCloseable {
        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
