package org.griddesk.store.feed;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Wakes a desk or gateway as soon as another one appends to the trail, on PostgreSQL: `LISTEN
/// griddesk_events` on a connection and a thread of its own (never one of the pool's), calling
/// `onChange` for each notification. When the connection breaks it reconnects, and calls
/// `onChange` once more after reconnecting (what was missed meanwhile is read from the trail).
public final class ChangeNotifications implements AutoCloseable {
    static final String CHANNEL = "griddesk_events";
    private static final Logger log = LoggerFactory.getLogger(ChangeNotifications.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final DatabaseSettings settings;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private ChangeNotifications(DatabaseSettings settings, Runnable onChange) {
        this.settings = settings;
        this.onChange = onChange;
        this.thread = Thread.ofPlatform().name("griddesk:listen").daemon().unstarted(this::listen);
    }

    /// Starts listening (PostgreSQL only: an H2 store has no notifications and returns null).
    public static ChangeNotifications start(DatabaseSettings settings, Runnable onChange) {
        if (settings.kind() != DatabaseKind.POSTGRESQL) {
            return null;
        }
        ChangeNotifications n = new ChangeNotifications(settings, onChange);
        n.thread.start();
        return n;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
                connection = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (reconnecting) {
                    onChange.run(); // whatever happened while we were away
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications((int) WAIT.toMillis());
                    if (notifications != null && notifications.length > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.debug("change notifications interrupted, reconnecting: {}", e.getMessage());
                reconnecting = true;
                sleep(RETRY);
            } finally {
                connection = null;
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
    }
}
