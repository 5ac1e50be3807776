package org.griddesk.store;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Checks the database on its own thread every `period` and reports each change of state.
///
/// With a two-second period and a two-second validation timeout an outage shows within five
/// seconds.
public final class ConnectionMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectionMonitor.class);

    private final Database database;
    private final Consumer<ConnectionState> listener;
    private final ScheduledThreadPoolExecutor scheduler;
    private ConnectionState last;

    public ConnectionMonitor(Database database, Duration period, Consumer<ConnectionState> listener) {
        this.database = Objects.requireNonNull(database);
        this.listener = Objects.requireNonNull(listener);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "griddesk-db-monitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        ConnectionState now = database.isReachable(Duration.ofSeconds(2))
                ? ConnectionState.CONNECTED : ConnectionState.DISCONNECTED;
        if (now != last) {
            if (last != null) {
                log.warn("database connection is now {}", now);
            }
            last = now;
            listener.accept(now);
        }
    }

    @Override
    public void close() {
        // never interrupt a check under way: an embedded H2 store closes itself when a thread is
        // interrupted in its file I/O
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.shutdown();
    }
}
