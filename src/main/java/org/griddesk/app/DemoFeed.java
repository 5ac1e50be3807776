package org.griddesk.app;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.intake.Gateway;
import org.griddesk.security.ApiKeys;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The demo feed: the simulator posting gentle traffic ([#RATE]) to the desk's own gateway, with
/// channel keys of its own, made on its first start and revoked when the desk closes.
final class DemoFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoFeed.class);
    /// the demo feed's pace: about 24 requests a minute, enough to watch the queue move
    static final double RATE = 0.4;

    private final TaskExecutor executor;
    private final Map<Channel, String> keys = new ConcurrentHashMap<>();
    private final List<Long> keyIds = new CopyOnWriteArrayList<>();
    private volatile Simulation running;
    private volatile Database keysStore;

    DemoFeed(TaskExecutor executor) {
        this.executor = executor;
    }

    /// Starts the feed to the gateway in the background; `onFailure` hears, on the UI thread, why
    /// it could not start.
    void start(Database db, Gateway gateway, Consumer<String> onFailure) {
        if (running != null) {
            return;
        }
        executor.submit(() -> {
            DistrictRepository district = new DistrictRepository(db.dsl());
            if (!district.hasDistrict()) {
                throw new IllegalStateException("no district yet");
            }
            if (keys.isEmpty()) {
                var repository = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
                keysStore = db;
                for (Channel channel : Channel.values()) {
                    String key = ApiKeys.newKey();
                    keyIds.add(repository.add(channel, "desk demo feed", ApiKeys.digest(key)).id());
                    keys.put(channel, key);
                }
            }
            String run = "D" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
            Simulation simulation = new Simulation(URI.create("http://127.0.0.1:" + gateway.port()), keys,
                    new TrafficModel(Scenery.of(district), System.nanoTime(), run), RATE);
            simulation.start();
            return simulation;
        }, started -> {
            running = started;
            log.info("demo feed on: {} requests a second to the desk's gateway", RATE);
        }, failure -> {
            log.warn("the demo feed did not start", failure);
            onFailure.accept(GridDeskCli.rootMessage(failure));
        });
    }

    /// Stops the feed in the background (its keys stay until the desk closes).
    void stop() {
        Simulation stopping = running;
        running = null;
        if (stopping != null) {
            executor.submit(() -> {
                stopping.close();
                return stopping.tally();
            }, tally -> log.info("demo feed stopped: {}", tally.summary()), failure -> log.warn("demo feed stop", failure));
        }
    }

    /// Stops the feed and revokes its keys (the desk closes; the store is still open).
    @Override
    public void close() {
        Simulation stopping = running;
        if (stopping != null) {
            stopping.close();
        }
        Database db = keysStore;
        if (db != null && !keyIds.isEmpty()) {
            try {
                var repository = new ChannelKeyRepository(db.dsl(), Clock.systemUTC());
                keyIds.forEach(repository::revoke);
            } catch (RuntimeException e) {
                log.warn("the demo feed's keys were not revoked", e);
            }
        }
    }
}
