package org.griddesk.map;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/// Work cut into numbered parts that any thread may claim, one part at a time, in phases (a phase
/// starts once every part of the one before is done): the common pool's threads start on it at
/// once, and the thread that asked for it joins in when it is free, then waits only for parts
/// others are doing. Nobody waits on a part nobody has started, so it cannot deadlock, whether the
/// pool is busy, small, or the asker is one of its threads.
final class SharedWork {
    /// `parts` parts, each done by `part` with its number
    record Phase(int parts, IntConsumer part) {
    }

    private final Phase[] phases;
    private final AtomicInteger[] next;
    private final CountDownLatch[] left;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private SharedWork(Phase[] phases) {
        this.phases = phases.clone();
        this.next = new AtomicInteger[phases.length];
        this.left = new CountDownLatch[phases.length];
        for (int i = 0; i < phases.length; i++) {
            next[i] = new AtomicInteger();
            left[i] = new CountDownLatch(phases[i].parts());
        }
    }

    /// Starts the phases on up to `helpers` threads of the common pool (the asker being one more);
    /// finish them with [#helpAndWait].
    static SharedWork start(int helpers, Phase... phases) {
        SharedWork work = new SharedWork(phases);
        int threads = Math.min(helpers, ForkJoinPool.getCommonPoolParallelism());
        for (int i = 0; i < threads; i++) {
            ForkJoinPool.commonPool().execute(work::help);
        }
        return work;
    }

    /// The threads of the common pool a piece of drawing may take beside the thread that asked:
    /// one less than the cores, and no more than three (a desk's map should not take every core of
    /// a big machine).
    static int helpers() {
        return Math.clamp(Runtime.getRuntime().availableProcessors() - 1, 0, 3);
    }

    /// Does parts until none is left unclaimed, then waits until every part is done; throws what a
    /// part threw.
    void helpAndWait() {
        help();
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        }
    }

    private void help() {
        for (int phase = 0; phase < phases.length; phase++) {
            Phase doing = phases[phase];
            for (int p = next[phase].getAndIncrement(); p < doing.parts(); p = next[phase].getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        doing.part().accept(p);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    left[phase].countDown();
                }
            }
            awaitUninterruptibly(left[phase]);
        }
    }

    /// the parts are short: a thread interrupted meanwhile finishes waiting, then keeps its interrupt
    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
