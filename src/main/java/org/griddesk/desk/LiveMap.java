package org.griddesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.griddesk.map.MapModel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Keeps the map's facts and markers current: every [#PERIOD] it looks at the end of the event
/// trail and, when events were added, reads the open tickets again on its own thread and hands the
/// new model on. On PostgreSQL another desk's commit wakes it at once ([#wake], from
/// `ChangeNotifications`); the poll stays as a net. A store that is away is simply asked again next time.
public final class LiveMap implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(LiveMap.class);

    private final DistrictRepository district;
    private final TicketRepository tickets;
    private final Clock clock;
    private final Consumer<MapModel> onChange;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("griddesk:live-map").daemon().factory());
    private MapModel model;
    private long lastSeq;

    /// `onChange` is called on the poll thread with each new model.
    public LiveMap(DistrictRepository district, TicketRepository tickets, MapModel model, long lastSeq, Clock clock,
                   Consumer<MapModel> onChange) {
        this.district = district;
        this.tickets = tickets;
        this.model = model;
        this.lastSeq = lastSeq;
        this.clock = clock;
        this.onChange = onChange;
    }

    public LiveMap start() {
        poller.scheduleWithFixedDelay(this::poll, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /// Looks at once (on its own thread): this desk just changed a ticket.
    public void wake() {
        try {
            poller.execute(this::poll);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("closed: not woken");
        }
    }

    /// One look at the trail; public for tests that do not want to wait.
    public void poll() {
        try {
            long seq = tickets.lastEventSeq();
            if (seq != lastSeq) {
                lastSeq = seq;
                model = MapModelLoader.refresh(model, district, tickets, clock.instant());
                onChange.accept(model);
            }
        } catch (RuntimeException e) {
            log.debug("map not refreshed this time: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
