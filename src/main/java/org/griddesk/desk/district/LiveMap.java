package org.griddesk.desk.district;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.map.MapModel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The map's facts and markers (and whatever else is read with them), kept current from the change
/// feed on a thread of its own: [#changed] asks for a refresh, which reads the open tickets and the
/// grids' facts (visits included) again and hands the new model on. Changes arriving while one is
/// waiting or under way make one more, not one each; and refreshes are at least [#AT_MOST_EVERY]
/// apart, so a steady stream of commits costs two reads a second, while a lone change shows at once.
public final class LiveMap implements AutoCloseable {
    public static final Duration AT_MOST_EVERY = Duration.ofMillis(500);
    private static final Logger log = LoggerFactory.getLogger(LiveMap.class);

    private final DistrictRepository district;
    private final TicketRepository tickets;
    private final Clock clock;
    private final Consumer<MapModel> onRefresh;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("griddesk:live-map").daemon().factory());
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile long lastRefresh = System.nanoTime() - AT_MOST_EVERY.toNanos();
    private volatile Duration atMostEvery = AT_MOST_EVERY;
    private MapModel model;
    private final TimingPolicies policies;
    private volatile UnaryOperator<MapModel> alsoRead = UnaryOperator.identity();

    /// `onRefresh` hears each new model on the map's thread.
    public LiveMap(DistrictRepository district, TicketRepository tickets, MapModel model, Clock clock,
                   TimingPolicies policies, Consumer<MapModel> onRefresh) {
        this.policies = policies;
        this.district = district;
        this.tickets = tickets;
        this.model = model;
        this.clock = clock;
        this.onRefresh = onRefresh;
    }

    /// Something changed: a refresh comes as soon as the last one is [#AT_MOST_EVERY] old (or the
    /// period set by [#atMostEvery]).
    public void changed() {
        if (pending.compareAndSet(false, true)) {
            long delay = Math.max(0, lastRefresh + atMostEvery.toNanos() - System.nanoTime());
            try {
                thread.schedule(this::refresh, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("closed: not refreshed");
            }
        }
    }

    /// Reads `more` into each refreshed model too (today's patrols, which reach the store outside
    /// the trail), and refreshes at least every `period` for it.
    public void alsoRead(UnaryOperator<MapModel> more, Duration period) {
        alsoRead = more;
        thread.scheduleWithFixedDelay(this::changed, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /// Refreshes at most this often from now on (longer while the store is busy being filled, e.g.
    /// the first start's history, so that the desk does not slow the writing down).
    public void atMostEvery(Duration period) {
        atMostEvery = period;
    }

    private void refresh() {
        pending.set(false); // what changes from here on asks for the next refresh
        lastRefresh = System.nanoTime();
        try {
            model = alsoRead.apply(MapModelLoader.refresh(model, district, tickets, clock.instant(), policies));
            onRefresh.accept(model);
        } catch (RuntimeException e) {
            log.debug("map not refreshed this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        // never interrupt: an embedded H2 store closes itself when a thread is interrupted in its file I/O
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.shutdown();
    }
}
