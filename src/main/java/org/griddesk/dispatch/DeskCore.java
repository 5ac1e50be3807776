package org.griddesk.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.ConnectionMonitor;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.Database;
import org.griddesk.store.StoreUnavailableException;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.feed.ChangeFeed;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// A desk without its window: the store it works on, what it knows of the connection, the feed of
/// what every desk and gateway commits, and the lifecycle actions it takes. The desk's window runs
/// one; tests and benchmarks run several against one store.
///
/// While the connection is known to be down every action is refused at once, in words (nothing is
/// sent, nothing dropped silently); an action cut off by the connection says its outcome is unknown
/// until the trail shows it. The feed keeps its position through an outage and catches up when the
/// store returns.
public final class DeskCore implements AutoCloseable {
    /// The connection is checked this often; with the 2 s validation timeout a loss shows within 5 s.
    public static final Duration CHECK_EVERY = Duration.ofSeconds(2);

    /// What a desk hears, on the core's own threads.
    public interface Listener {
        /// the connection changed state (connected, disconnected)
        void onState(ConnectionState state);

        /// changes committed by anyone (this desk included), each given once
        void onChanges(ChangeBatch batch);
    }

    private final Database db;
    private final Clock clock;
    private final ConnectionMonitor monitor;
    private final ChangeFeed feed;
    private final TicketRepository tickets;
    private volatile ConnectionState state = ConnectionState.CONNECTED;
    private volatile TicketActions actions;
    private volatile LifecycleRules rules = LifecycleRules.DEFAULT;
    private volatile org.griddesk.learn.ItemModels itemModels = org.griddesk.learn.ItemModels.none();
    private volatile org.griddesk.learn.BreachModels breachModels = org.griddesk.learn.BreachModels.none();
    /// who hears the core: the desk's model, the desk's own gateway, a test
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private DeskCore(Database db, ChangeFeed.Pace pace, Clock clock, Listener listener) {
        this.db = db;
        this.clock = clock;
        this.tickets = new TicketRepository(db.dsl());
        if (listener != null) {
            listeners.add(listener);
        }
        this.feed = ChangeFeed.start(db, pace, clock, batch -> {
            if (batch.districtChanged()) {
                forgetActions(); // a new map or organisation: the rules read the district anew
            }
            listeners.forEach(l -> l.onChanges(batch));
        });
        this.monitor = new ConnectionMonitor(db, CHECK_EVERY, now -> {
            boolean back = state != ConnectionState.CONNECTED && now == ConnectionState.CONNECTED;
            state = now;
            listeners.forEach(l -> l.onState(now));
            if (back) {
                feed.wake(); // catch up at once with what was committed while away
            }
        });
    }

    /// Starts the core on an open, migrated store. Off the UI thread.
    public static DeskCore start(Database db, ChangeFeed.Pace pace, Clock clock, Listener listener) {
        return new DeskCore(db, pace, clock, listener);
    }

    /// Starts the core with the pace the store's kind wants and no listener yet ([#subscribe]).
    public static DeskCore start(Database db, Clock clock) {
        return start(db, ChangeFeed.Pace.of(db.kind()), clock, null);
    }

    /// `listener` hears the connection's state and the changes from now on, in the order subscribed.
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public Database database() {
        return db;
    }

    public TicketRepository tickets() {
        return tickets;
    }

    public ConnectionState state() {
        return state;
    }

    /// When the store last answered the feed: the age of what the desk shows.
    public Instant lastRead() {
        return feed.lastRead();
    }

    public ChangeFeed feed() {
        return feed;
    }

    /// The lifecycle's rules from now on (the configured whistle check-in time): actions built anew.
    public void useRules(LifecycleRules configured) {
        synchronized (this) {
            rules = configured;
            actions = null;
        }
    }

    private synchronized void forgetActions() {
        actions = null;
    }

    /// The learnt item model that suggests items from now on (the data folder's): actions built anew.
    public void useItemModels(org.griddesk.learn.ItemModels models) {
        synchronized (this) {
            itemModels = models;
            actions = null;
        }
    }

    /// The learnt breach-risk model the queue's rows are forecast by from now on (the data folder's).
    public void useBreachModels(org.griddesk.learn.BreachModels models) {
        breachModels = models;
    }

    /// The breach-risk models in use (none until [#useBreachModels]).
    public org.griddesk.learn.BreachModels breachModels() {
        return breachModels;
    }

    /// The item models in use (none until [#useItemModels]).
    public org.griddesk.learn.ItemModels itemModels() {
        return itemModels;
    }

    /// The lifecycle actions on this store's district, read on first use.
    public TicketActions actions() {
        TicketActions built = actions;
        if (built == null) {
            synchronized (this) {
                if (actions == null) {
                    actions = buildActions();
                }
                built = actions;
            }
        }
        return built;
    }

    private TicketActions buildActions() {
        DistrictRepository district = new DistrictRepository(db.dsl());
        var organisation = district.organisation();
        var taxonomy = district.taxonomy();
        var lifecycle = new TicketLifecycle(new CalendarRepository(db.dsl(), clock).workCalendar(), organisation, rules);
        List<Region> regions = new ArrayList<>(district.regions(RegionLevel.AREA));
        regions.addAll(district.regions(RegionLevel.COMMUNITY));
        regions.addAll(district.regions(RegionLevel.GRID));
        return new TicketActions(lifecycle, new TicketService(db.dsl(), lifecycle, clock), tickets,
                new Responsibility(organisation, taxonomy, district.teams()), taxonomy, clock,
                GridDirectory.of(regions, organisation), organisation, itemModels);
    }

    /// Runs a command on the ticket as the user last saw it, off the UI thread. Refused at once
    /// while the store is away; a success wakes the feed, so this desk shows it at once.
    public TicketActions.Outcome run(DeskCommand command, Actor actor) {
        if (state != ConnectionState.CONNECTED) {
            return new TicketActions.Outcome(null, List.of(), StoreUnavailableException.refused());
        }
        try {
            TicketActions.Outcome outcome = actions().run(command, actor);
            if (!outcome.done().isEmpty()) {
                feed.wake();
            }
            return outcome;
        } catch (RuntimeException e) {
            if (StoreUnavailableException.isConnectionLoss(e)) {
                return new TicketActions.Outcome(null, List.of(), StoreUnavailableException.from(e));
            }
            throw e;
        }
    }

    @Override
    public void close() {
        monitor.close();
        feed.close();
    }
}
