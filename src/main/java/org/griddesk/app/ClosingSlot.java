package org.griddesk.app;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// One thing the desk starts in the background (its gateway), such that closing the desk never
/// misses it: a start asked after the close does not run; a start under way when the close comes
/// is waited for (bounded) and what it yields is closed before the close goes on to the store.
final class ClosingSlot<T extends AutoCloseable> {
    private static final Logger log = LoggerFactory.getLogger(ClosingSlot.class);

    private final Object lock = new Object();
    private boolean closed;
    private boolean starting;
    private volatile T current;

    /// Runs `start` unless the slot is closed: what it started, or null when the slot was closed
    /// before or during the start (then it is closed again at once).
    T start(Supplier<T> start) {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            starting = true;
        }
        T started;
        try {
            started = start.get();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                starting = false;
                lock.notifyAll();
            }
            throw e;
        }
        synchronized (lock) { // a close waiting for this start goes on only once the lock is free
            starting = false;
            lock.notifyAll();
            if (closed) {
                closeQuietly(started);
                return null;
            }
            current = started;
            return started;
        }
    }

    /// What was started and is not closed, or null.
    T current() {
        return current;
    }

    /// Closes what was started; waits at most `wait` for a start under way.
    void close(Duration wait) {
        T toClose;
        synchronized (lock) {
            closed = true;
            long end = System.nanoTime() + wait.toNanos();
            try {
                for (long left = wait.toNanos(); starting && left > 0; left = end - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            toClose = current;
            current = null;
        }
        if (toClose != null) {
            closeQuietly(toClose);
        }
    }

    private static void closeQuietly(AutoCloseable thing) {
        try {
            thing.close();
        } catch (Exception e) {
            log.warn("{} did not close cleanly", thing, e);
        }
    }
}
