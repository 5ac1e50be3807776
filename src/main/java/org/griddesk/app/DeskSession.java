package org.griddesk.app;

import java.time.Clock;
import java.time.Duration;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.demo.DistrictAhead;
import org.griddesk.demo.LoadProgress;
import org.griddesk.desk.district.LiveMap;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.intake.Gateway;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailLoader;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.map.MapModel;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk's non-UI resources for one run: the store and its [DeskCore] (connection, change feed,
/// actions), the desk's own gateway and the demo feed.
///
/// Opening and closing happen on background threads; callbacks arrive on the UI thread through
/// the [TaskExecutor].
final class DeskSession implements AutoCloseable, org.griddesk.desk.DeskBackend {
    private static final Logger log = LoggerFactory.getLogger(DeskSession.class);

    private final TaskExecutor executor;
    private final ThreadGuard uiThread;
    private volatile Database database;
    private volatile DeskCore core;
    private volatile LiveMap liveMap;
    /// while the first start writes the demo history the desk follows it gently: whole reads every
    /// 10 s. Its open tickets come only with its last days, and at its end the desk reads all again;
    /// reading the map, the queue and the wall's figures every 2 s cost the writing a quarter of
    /// the machine (desk's first start: history in 34–40 s at 2 s)
    private volatile boolean generating;
    static final java.time.Duration WHILE_GENERATING = java.time.Duration.ofSeconds(10);
    /// how long closing waits for a gateway that is starting (it takes about half a second)
    private static final java.time.Duration GATEWAY_START_WAIT = java.time.Duration.ofSeconds(5);
    /// how often the whole queue is read again besides the rows each change names
    static final java.time.Duration WHOLE_QUEUE_EVERY = java.time.Duration.ofSeconds(30);
    /// what the feed's changes refresh once the district is shown (null before)
    private volatile java.util.function.Consumer<org.griddesk.store.feed.ChangeBatch> onChanges;
    /// the desk's own gateway: one that starts while the desk closes is closed before the store
    private final ClosingSlot<Gateway> gateway = new ClosingSlot<>();
    private volatile Gateway.Intakes gatewayIntakes;
    private volatile ConnectionState storeState = ConnectionState.CONNECTED;
    private volatile Simulation feed;
    private volatile TicketDetailLoader details;
    private final java.util.Map<org.griddesk.domain.ticket.Channel, String> feedKeys =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.List<Long> feedKeyIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    /// the demo feed's pace: about 24 requests a minute, enough to watch the queue move
    static final double DEMO_FEED_RATE = 0.4;

    private final long demoSeed;
    private final int demoHistoryDays;
    private volatile DistrictAhead district;

    DeskSession(TaskExecutor executor, ThreadGuard uiThread, long demoSeed, int demoHistoryDays) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.demoSeed = demoSeed;
        this.demoHistoryDays = demoHistoryDays;
    }

    /// Opens and migrates the store in the background; `onState` hears every change of connection
    /// state, `onFailure` the reason when the store cannot be opened at all.
    void openStore(DatabaseSettings settings, int gatewayPort, StoreListener callbacks) {
        executor.submit(() -> {
            // a new embedded store gets the demo district: its geography is made while the store opens
            // (asked here, off the FX thread: it looks at the file system)
            district = settings.isNewEmbeddedFile() ? DistrictAhead.start(demoSeed) : DistrictAhead.onDemand(demoSeed);
            Database db = Database.open(settings, uiThread);
            try {
                db.migrate();
                SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
                properties.putIfAbsent(SystemProperty.INSTALLED_AT, Clock.systemUTC().instant().toString());
                properties.putIfAbsent(SystemProperty.INSTALLED_VERSION, VersionInfo.version());
                return DeskCore.start(db, Clock.systemUTC(), coreListener(callbacks));
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }, started -> {
            core = started;
            database = started.database();
            callbacks.onState(ConnectionState.CONNECTED, null);
            callbacks.onReady();
            Runnable gatewayStart = () -> startGateway(database, gatewayPort, callbacks);
            boolean embedded = settings.kind() == org.griddesk.store.DatabaseKind.H2;
            // a new store has no channel keys, so nothing could be sent to its gateway yet: it starts
            // once the demo district is whole, not in competition with the writers
            boolean gatewayAfterDistrict = embedded && district.ahead();
            if (!gatewayAfterDistrict) {
                gatewayStart.run();
            }
            if (embedded) {
                loadDemoDistrict(database, callbacks, gatewayAfterDistrict ? gatewayStart : () -> { });
            } else {
                loadMap(database, callbacks);
                callbacks.onDistrictWhole(false); // a shared store's district is loaded by its administrator
            }
        }, failure -> {
            log.error("cannot open the store at {}", settings.describeTarget(), failure);
            callbacks.onFailure(GridDeskCli.rootMessage(failure));
            callbacks.onReady();
        });
    }

    /// What the core's threads tell the window: the connection's state (with the age of the data
    /// shown), and the changes, once the district is on screen.
    private DeskCore.Listener coreListener(StoreListener callbacks) {
        return new DeskCore.Listener() {
            @Override
            public void onState(ConnectionState state) {
                storeState = state;
                DeskCore running = core;
                java.time.Instant asOf = running == null ? null : running.lastRead();
                executor.runOnUi(() -> callbacks.onState(state, asOf));
            }

            @Override
            public void onChanges(org.griddesk.store.feed.ChangeBatch batch) {
                var apply = onChanges; // first: the window's queue and map come before the gateway's check
                if (apply != null) {
                    apply.accept(batch);
                }
                Gateway.Intakes intakes = gatewayIntakes;
                if (intakes != null && gateway.current() != null && core != null
                        && core.database().kind() == org.griddesk.store.DatabaseKind.POSTGRESQL) {
                    // the desk's own gateway sees other desks' changes at once too (alone on H2, it
                    // catches up on its next request)
                    intakes.service().get().ifPresent(org.griddesk.intake.IntakeService::storeChanged);
                }
            }
        };
    }

    /// The desk's own gateway, on this machine only (127.0.0.1): channels on the same PC, the
    /// simulator and tests reach the queue through it. A port in use leaves the desk without one.
    private void startGateway(Database db, int port, StoreListener listener) {
        if (port <= 0) {
            return;
        }
        Gateway.Intakes intakes = GatewayWiring.intakes(db, Clock.systemUTC());
        gatewayIntakes = intakes;
        executor.submit(() -> gateway.start(() -> Gateway.start("127.0.0.1", port, () -> new Gateway.Health(
                        storeState == ConnectionState.CONNECTED, storeState.name(), VersionInfo.version()), intakes)),
                started -> {
                    if (started != null) { // null: the desk closed first
                        listener.onGateway(started.port());
                    }
                },
                failure -> log.warn("the desk's gateway did not start on 127.0.0.1:{}: {}", port, GridDeskCli.rootMessage(failure)));
    }

    /// The embedded default gets the demo district on its first start, in the background.
    private void loadDemoDistrict(Database db, StoreListener callbacks, Runnable then) {
        LoadProgress progress = new LoadProgress() {
            @Override
            public void step(String step) {
                log.info("demo district: {}", step);
                executor.runOnUi(() -> callbacks.onActivity("done".equals(step) ? null : "status.activity." + step, -1));
            }

            @Override
            public void percent(int percent) {
                executor.runOnUi(() -> callbacks.onActivity("status.activity.history", percent));
            }

            @Override
            public void districtReady() {
                loadMap(db, callbacks);
            }
        };
        generating = true;
        // the history's events are not read one by one: the queue and the map are read whole meanwhile
        core.feed().skipAheadWhile(() -> generating);
        executor.submit(() -> DemoDistrictLoader.loadIfEmpty(db, district, demoHistoryDays, java.time.Instant.now(), progress),
                made -> {
            generating = false;
            if (made) {
                log.info("demo district generated (seed {})", demoSeed);
            }
            loadMap(db, callbacks); // with the whole history now, or the district that was there
            callbacks.onDistrictWhole(made);
            then.run();
        }, failure -> {
            generating = false;
            log.error("cannot generate the demo district", failure);
            callbacks.onActivity("status.activity.failed", -1);
            then.run();
        });
    }

    /// Builds the map of the stored district in the background, hands it to the window and keeps
    /// it current from then on.
    private void loadMap(Database db, StoreListener callbacks) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        TicketRepository tickets = new TicketRepository(db.dsl());
        QueueRepository figures = new QueueRepository(db.dsl());
        record Loaded(MapModel model, QueueLoader queue, java.util.List<QueueItem> rows,
                      org.griddesk.dispatch.TicketActions actions, org.griddesk.domain.org.Organisation organisation) {
        }
        executor.submit(() -> {
            java.time.Instant now = java.time.Instant.now();
            return MapModelLoader.load(district, tickets, now).map(model -> {
                var taxonomy = district.taxonomy();
                var organisation = district.organisation();
                var calendar = new org.griddesk.store.calendar.CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar();
                QueueLoader queue = new QueueLoader(new QueueRepository(db.dsl()), taxonomy, model);
                details = new TicketDetailLoader(tickets, new org.griddesk.store.ticket.IntakeRepository(db.dsl()), taxonomy,
                        organisation, calendar, model);
                var deskActions = core.actions();
                java.util.List<QueueItem> rows = queue.load(now);
                warmUp(rows, deskActions, organisation);
                return new Loaded(model, queue, rows, deskActions, organisation);
            });
        }, loaded -> loaded.ifPresent(l -> {
            callbacks.onTools(l.actions(), l.organisation());
            callbacks.onMap(l.model());
            callbacks.onQueue(l.rows());
            readFigures(figures, callbacks);
            org.griddesk.desk.queue.LiveQueue queue = new org.griddesk.desk.queue.LiveQueue(l.queue(), l.rows());
            java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong();
            java.util.function.Consumer<org.griddesk.desk.queue.LiveQueue.Snapshot> show = snapshot -> executor.runOnUi(() -> {
                if (snapshot.version() > shown.get()) { // an older copy that arrives late is not shown
                    shown.set(snapshot.version());
                    callbacks.onQueue(snapshot.rows());
                }
            });
            LiveMap previous = liveMap;
            if (previous != null) {
                previous.close();
            }
            // at most twice a second: the map and the wall's figures; the whole queue (every row's risk
            // at the clock) every half minute, or each time while the first start writes its history
            java.util.concurrent.atomic.AtomicLong wholeQueueRead = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
            LiveMap live = new LiveMap(district, tickets, l.model(), Clock.systemUTC(), fresh -> {
                executor.runOnUi(() -> callbacks.onMap(fresh));
                if (generating || System.nanoTime() - wholeQueueRead.get() >= WHOLE_QUEUE_EVERY.toNanos()) {
                    wholeQueueRead.set(System.nanoTime());
                    show.accept(queue.reloaded(java.time.Instant.now()));
                }
                readFigures(figures, callbacks);
            });
            liveMap = live;
            live.atMostEvery(generating ? WHILE_GENERATING : LiveMap.AT_MOST_EVERY);
            onChanges = batch -> { // on the feed's thread: the rows of the tickets named, at once
                live.changed(); // first: should the rows' read fail, the whole read still comes
                java.util.Set<Long> changed = batch.ticketIds();
                if (!changed.isEmpty() && !generating) {
                    show.accept(queue.changed(changed, java.time.Instant.now()));
                    executor.runOnUi(() -> callbacks.onTicketsChanged(changed));
                }
            };
        }), failure -> log.error("cannot load the district map", failure));
    }

    /// Reads one open ticket's detail and asks the rules what its owner may do, once, in the
    /// background: the paths a dispatcher's first click takes are then warm, not compiled on it.
    private void warmUp(java.util.List<QueueItem> rows, org.griddesk.dispatch.TicketActions deskActions,
                        org.griddesk.domain.org.Organisation organisation) {
        if (rows.isEmpty() || details == null) {
            return;
        }
        try {
            TicketDetail d = details.load(rows.getFirst().id(), java.time.Instant.now());
            organisation.unit(d.ticket().ownerUnitId()).filter(org.griddesk.domain.org.Unit::isCentre).ifPresent(owner -> {
                var user = new org.griddesk.dispatch.DeskUser(org.griddesk.domain.org.Role.DISPATCHER, owner);
                for (var action : deskActions.available(d.ticket(), user.actor())) {
                    deskActions.check(d.ticket(), action, deskActions.defaults(d.ticket(), action, d.intake().itemHint(),
                            d.intake().urgent()), user.actor());
                }
            });
        } catch (RuntimeException e) {
            log.debug("warm-up skipped: {}", e.getMessage());
        }
    }

    /// Today's intake (from 00:00 Shanghai time) and the on-time rate of the last 30 days, for the wall.
    private void readFigures(QueueRepository figures, StoreListener callbacks) {
        executor.submit(() -> {
            java.time.Instant now = java.time.Instant.now();
            java.time.Instant dayStart = now.atZone(org.griddesk.domain.calendar.WorkCalendar.ZONE).toLocalDate()
                    .atStartOfDay(org.griddesk.domain.calendar.WorkCalendar.ZONE).toInstant();
            return figures.figures(dayStart, now.minus(java.time.Duration.ofDays(30)));
        }, callbacks::onFigures, failure -> log.debug("wall figures not read: {}", failure.getMessage()));
    }

    /// What the status bar hears while the store opens and runs.
    interface StoreListener {
        /// `dataAsOf`: when the store last answered the change feed (null while connected at start)
        void onState(ConnectionState state, java.time.Instant dataAsOf);

        void onFailure(String reason);

        /// the store is open, or has failed to open: start-up is over either way
        void onReady();

        /// long background work began or ended (a message key, or null), and how far it is (0–100, or -1)
        void onActivity(String key, int percent);

        /// the district is whole in the store: `made` on a first start that generated it, with its
        /// history; false when it was there already (or the store is shared)
        default void onDistrictWhole(boolean made) {
        }

        /// the district's map is ready (again, with fresh facts, after more data arrived)
        void onMap(MapModel model);

        /// the open tickets, read again (after the map, and whenever the trail moved on)
        default void onQueue(java.util.List<QueueItem> items) {
        }

        /// these tickets changed (by anyone): a detail pane showing one of them reads it again
        default void onTicketsChanged(java.util.Set<Long> ticketIds) {
        }

        /// the wall's figures (today's intake, on-time rate), read again with the queue
        default void onFigures(QueueRepository.Figures figures) {
        }

        /// the lifecycle actions and the organisation, once the district is read
        default void onTools(org.griddesk.dispatch.TicketActions actions, org.griddesk.domain.org.Organisation organisation) {
        }

        /// the desk's own gateway listens on this port
        default void onGateway(int port) {
        }
    }

    @Override
    public void views(String userId, java.util.function.Consumer<java.util.List<org.griddesk.store.view.SavedViewRepository.SavedView>> onRead) {
        Database db = database;
        if (db != null) {
            executor.submit(() -> new org.griddesk.store.view.SavedViewRepository(db.dsl(), Clock.systemUTC()).views(userId), onRead,
                    failure -> log.warn("cannot read the saved views of {}", userId, failure));
        }
    }

    @Override
    public void saveView(String userId, org.griddesk.store.view.SavedViewRepository.SavedView view,
                         java.util.function.Consumer<java.util.List<org.griddesk.store.view.SavedViewRepository.SavedView>> onSaved) {
        Database db = database;
        if (db != null) {
            executor.submit(() -> {
                var views = new org.griddesk.store.view.SavedViewRepository(db.dsl(), Clock.systemUTC());
                views.save(userId, view);
                return views.views(userId);
            }, onSaved, failure -> log.warn("the view {} was not saved", view.name(), failure));
        }
    }

    @Override
    public void recordReveal(long ticketId, org.griddesk.domain.org.Actor actor, Runnable onRecorded) {
        Database db = database;
        if (db != null) {
            executor.submit(() -> {
                new org.griddesk.store.ticket.PersonalDataLog(db.dsl(), Clock.systemUTC()).recordReveal(ticketId, actor);
                return Boolean.TRUE;
            }, ok -> onRecorded.run(), failure -> log.warn("the reveal of ticket {}'s citizen was not recorded: not shown", ticketId, failure));
        }
    }

    @Override
    public void findTicket(String code, java.util.function.Consumer<java.util.Optional<TicketDetail>> onFound) {
        TicketDetailLoader loader = details;
        if (loader != null) {
            executor.submit(() -> loader.find(code, java.time.Instant.now()), onFound,
                    failure -> log.warn("cannot look up ticket {}", code, failure));
        }
    }

    @Override
    public void run(long ticketId, long version, org.griddesk.dispatch.Action action, org.griddesk.dispatch.ActionInput input,
                    org.griddesk.domain.org.Actor actor,
                    java.util.function.Consumer<org.griddesk.dispatch.TicketActions.Outcome> onDone) {
        DeskCore running = core;
        if (running == null) {
            return;
        }
        executor.submit(() -> running.run(ticketId, version, action, input, actor), onDone, failure -> {
            log.warn("{} on ticket {} failed", action, ticketId, failure);
            onDone.accept(new org.griddesk.dispatch.TicketActions.Outcome(null, java.util.List.of(),
                    failure instanceof RuntimeException r ? r : new IllegalStateException(failure)));
        });
    }

    /// Reads a ticket's detail in the background and hands it to `onLoaded` on the UI thread.
    @Override
    public void loadTicket(long ticketId, java.util.function.Consumer<TicketDetail> onLoaded) {
        TicketDetailLoader loader = details;
        if (loader == null) {
            return; // the district is not loaded yet
        }
        executor.submit(() -> loader.load(ticketId, java.time.Instant.now()), onLoaded,
                failure -> log.warn("cannot read ticket {}", ticketId, failure));
    }

    /// Starts or stops the demo feed: the simulator posting gentle traffic ([#DEMO_FEED_RATE]) to
    /// the desk's own gateway, with keys of its own (revoked when the desk closes). `onFailure`
    /// hears, on the UI thread, why it could not start.
    void demoFeed(boolean on, java.util.function.Consumer<String> onFailure) {
        Database db = database;
        Gateway g = gateway.current();
        if (!on) {
            Simulation running = feed;
            feed = null;
            if (running != null) {
                executor.submit(() -> {
                    running.close();
                    return running.tally();
                }, tally -> log.info("demo feed stopped: {}", tally.summary()), failure -> log.warn("demo feed stop", failure));
            }
            return;
        }
        if (db == null || g == null || feed != null) {
            return;
        }
        executor.submit(() -> {
            DistrictRepository district = new DistrictRepository(db.dsl());
            if (!district.hasDistrict()) {
                throw new IllegalStateException("no district yet");
            }
            if (feedKeys.isEmpty()) {
                var keys = new org.griddesk.store.security.ChannelKeyRepository(db.dsl(), Clock.systemUTC());
                for (org.griddesk.domain.ticket.Channel channel : org.griddesk.domain.ticket.Channel.values()) {
                    String key = org.griddesk.security.ApiKeys.newKey();
                    feedKeyIds.add(keys.add(channel, "desk demo feed", org.griddesk.security.ApiKeys.digest(key)).id());
                    feedKeys.put(channel, key);
                }
            }
            String run = "D" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
            Simulation simulation = new Simulation(java.net.URI.create("http://127.0.0.1:" + g.port()), feedKeys,
                    new TrafficModel(Scenery.of(district), System.nanoTime(), run), DEMO_FEED_RATE);
            simulation.start();
            return simulation;
        }, started -> {
            feed = started;
            log.info("demo feed on: {} requests a second to the desk's gateway", DEMO_FEED_RATE);
        }, failure -> {
            log.warn("the demo feed did not start", failure);
            onFailure.accept(GridDeskCli.rootMessage(failure));
        });
    }

    @Override
    public void close() {
        Simulation running = feed;
        if (running != null) {
            running.close();
        }
        Database store = database;
        if (store != null && !feedKeyIds.isEmpty()) {
            try {
                var keys = new org.griddesk.store.security.ChannelKeyRepository(store.dsl(), Clock.systemUTC());
                feedKeyIds.forEach(keys::revoke);
            } catch (RuntimeException e) {
                log.warn("the demo feed's keys were not revoked", e);
            }
        }
        gateway.close(GATEWAY_START_WAIT);
        LiveMap live = liveMap;
        if (live != null) {
            live.close();
        }
        DeskCore desk = core;
        if (desk != null) {
            desk.close();
        }
        Database db = database;
        if (db != null) {
            db.close();
        }
        executor.close();
    }
}
