package org.griddesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.griddesk.desk.command.CommandRunner;
import org.griddesk.desk.detail.EvidenceLoader;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.desk.detail.TicketDetailLoader;
import org.griddesk.desk.detail.TicketDetailViewModel;
import org.griddesk.desk.district.CameraCardModel;
import org.griddesk.desk.district.LiveMap;
import org.griddesk.desk.district.PatrolMapReader;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolRepository;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.desk.queue.LiveQueue;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.BreachForecast;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.desk.queue.QueueViewModel;
import org.griddesk.desk.queue.SavedViews;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.map.MapModel;
import org.griddesk.security.AuditRetention;
import org.griddesk.security.Session;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.care.CareService;
import org.griddesk.visit.WorkerDays;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TimingPolicyHistory;
import org.griddesk.store.view.SavedViewRepository;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The desk without its window: what a dispatcher sees and does, kept current from the change feed.
/// Built from a [DeskCore] and a [TaskExecutor]; it subscribes to the core itself, reads the
/// district, the queue and the map through the executor, keeps them current at a measured pace
/// (the map and the wall's figures at most twice a second, the changed queue rows at once, the
/// whole queue every half minute), and holds the queue's and the detail pane's view models (the team
/// board, the supervisor's board and the wall read from them). Every property changes on the UI
/// thread (the executor's); tests run it without a window.
public final class DeskModel implements CommandRunner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskModel.class);
    /// while the first start writes the demo history the desk follows it gently: whole reads every
    /// 10 s. Its open tickets come only with its last days, and at its end the desk reads all again;
    /// reading the map, the queue and the wall's figures every 2 s cost the writing a quarter of
    /// the machine (desk's first start: history in 34–40 s at 2 s)
    public static final Duration WHILE_GENERATING = Duration.ofSeconds(10);
    /// how often the whole queue is read again besides the rows each change names
    public static final Duration WHOLE_QUEUE_EVERY = Duration.ofSeconds(30);
    /// how often today's patrols are read for the map (the workers' apps post every 30 s)
    public static final Duration PATROLS_EVERY = PatrolMapReader.READ_EVERY;
    /// the first start's steps before its history is whole: the queue fills only at their end
    private static final Set<String> FIRST_START_STEPS = Set.of("status.activity.geography", "status.activity.saving",
            "status.activity.history");

    /// What reads any ticket as the desk shows it (its queue row, its detail), for windows that list
    /// tickets other than the queue's, closed ones too.
    public record Readers(QueueLoader rows, TicketDetailLoader details) {
    }

    /// The lifecycle actions and the organisation, once the district is read.
    public record Tools(TicketActions actions, Organisation organisation) {
    }

    private final TaskExecutor executor;
    private final Clock clock;
    private final StatusBarViewModel status;
    private final QueueViewModel queue;
    private final TicketDetailViewModel detail;
    private volatile EvidenceLoader evidence;
    private volatile CameraCardModel.Reader cameras;
    private volatile CareService care;
    private volatile WorkerDays workerDays;
    private final SavedViews savedViews;

    // Properties
    private final ObjectProperty<DeskUser> user = new SimpleObjectProperty<>(this, "user");
    private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
    private final ReadOnlyObjectWrapper<MapModel> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyObjectWrapper<QueueRepository.Figures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyObjectWrapper<Tools> tools = new ReadOnlyObjectWrapper<>(this, "tools");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper storeFailure = new ReadOnlyStringWrapper(this, "storeFailure");
    private final ReadOnlyBooleanWrapper personalDataHidden = new ReadOnlyBooleanWrapper(this, "personalDataHidden");
    private final ReadOnlyObjectWrapper<Boolean> districtWhole = new ReadOnlyObjectWrapper<>(this, "districtWhole");

    private volatile DeskCore core;
    private volatile LiveMap liveMap;
    private volatile Following following;
    private volatile boolean writingHistory;
    private volatile boolean closed;
    private volatile Readers readers;
    /// the configured timing policy (recorded in the store when the district is read) and the store's history of them
    private volatile TimingPolicy configuredTiming = TimingPolicy.DEFAULT;
    private volatile TimingPolicies timingPolicies = TimingPolicies.DEFAULT;
    /// who hears each copy of the queue read (off the UI thread): the desktop notifications
    private final List<BiConsumer<List<QueueItem>, Instant>> queueReaders = new CopyOnWriteArrayList<>();
    /// each read of the district is numbered: one that ends after a newer one began is not shown
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong wholeQueueRead = new AtomicLong(System.nanoTime());

    /// The queue kept current since the district was last read, and the newest of its copies shown
    /// (each [LiveQueue] numbers its copies from one).
    private record Following(LiveQueue queue, AtomicLong shown) {
    }

    public DeskModel(TaskExecutor executor, Clock clock, StatusBarViewModel status, String myCentre) {
        this.executor = executor;
        this.clock = clock;
        this.status = status;
        this.queue = new QueueViewModel(myCentre);
        this.detail = new TicketDetailViewModel(executor, clock);
        this.savedViews = new SavedViews(executor);
        user.addListener((obs, old, now) -> {
            if (now != null) {
                queue.useScope(now.role() == Role.DISTRICT_MANAGER || now.role() == Role.WALL_DISPLAY ? QueueViewModel.Scope.EVERYTHING
                        : QueueViewModel.Scope.of(now.unit().id(), now.unit().isCentre(), now.unit().level() == UnitLevel.DISTRICT));
            }
        });
    }

    // ---- the panes' view models and what they show

    public StatusBarViewModel status() {
        return status;
    }

    public QueueViewModel queue() {
        return queue;
    }

    /// The background work of the desk's own screens (files read for a form, say).
    public TaskExecutor executor() {
        return executor;
    }

    /// The tickets' photos and files (empty until the store is open).
    public Optional<EvidenceLoader> evidence() {
        return Optional.ofNullable(evidence);
    }

    /// The special groups and their care (empty until the store is open).
    public Optional<CareService> care() {
        return Optional.ofNullable(care);
    }

    /// The grid workers' days (empty until the store is open).
    public Optional<WorkerDays> workerDays() {
        return Optional.ofNullable(workerDays);
    }

    /// The cameras' recent alarms and streams (empty until the store is open).
    public Optional<CameraCardModel.Reader> cameras() {
        return Optional.ofNullable(cameras);
    }

    public TicketDetailViewModel detail() {
        return detail;
    }

    /// Each user's saved queue views.
    public SavedViews savedViews() {
        return savedViews;
    }

    /// Who sits at the desk: the person signed in, seated once the district's organisation is read
    /// (null before, and for administrators).
    public ObjectProperty<DeskUser> userProperty() {
        return user;
    }

    /// The signed-in session of the person seated (null when nobody is): what the services that
    /// check permissions themselves, such as a reveal of personal data, are asked with.
    public ObjectProperty<Session> sessionProperty() {
        return session;
    }

    /// The district's map with its facts (null until read).
    public ReadOnlyObjectProperty<MapModel> mapProperty() {
        return map.getReadOnlyProperty();
    }

    /// Today's intake and the on-time rate, for the wall (null until read).
    public ReadOnlyObjectProperty<QueueRepository.Figures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    /// The readers of tickets (null until the district is read).
    public Readers readers() {
        return readers;
    }

    /// The lifecycle actions and the organisation (null until the district is read).
    public ReadOnlyObjectProperty<Tools> toolsProperty() {
        return tools.getReadOnlyProperty();
    }

    /// True once the store is open, or has failed to open: start-up is over either way.
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /// Null until the district is whole in the store; then true when this start generated it.
    public ReadOnlyObjectProperty<Boolean> districtWholeProperty() {
        return districtWhole.getReadOnlyProperty();
    }

    // ---- what the store side tells the desk (any thread)

    /// The timing policy of the configuration: recorded in the store (for tickets reported from then
    /// on) when the district is next read. Before [#loadDistrict].
    public void useTiming(TimingPolicy configured) {
        configuredTiming = configured;
    }

    /// the timing policies the store's tickets are timed by (the code's defaults until the district is read)
    public TimingPolicies timingPolicies() {
        return timingPolicies;
    }

    /// `reader` hears every copy of the open queue the desk reads (the whole district's rows, unfiltered) and
    /// when, on the thread that read it (never the UI thread's): kept short, it must hand long work on.
    public void onQueueRead(BiConsumer<List<QueueItem>, Instant> reader) {
        queueReaders.add(reader);
    }

    /// Follows the core: its connection state and its feed of changes.
    public void attach(DeskCore started) {
        this.core = started;
        CameraAlarms alarms = new CameraAlarms(started.database().dsl());
        evidence = new EvidenceLoader(executor, EvidenceLoader.Store.of(new AttachmentRepository(started.database().dsl()), alarms));
        cameras = CameraCardModel.Reader.of(alarms);
        AuditLog careAudit = new AuditLog(started.database().dsl(), clock, AuditRetention.fromSystemProperty());
        PersonalDataService personal = new PersonalDataService(started.database().dsl(), careAudit, clock);
        care = new CareService(started.database().dsl(), personal, careAudit, clock);
        workerDays = new WorkerDays(started.database(), personal, clock);
        savedViews.useStore(new SavedViewRepository(started.database().dsl(), clock));
        started.subscribe(new DeskCore.Listener() {
            @Override
            public void onState(ConnectionState state) {
                Instant asOf = started.lastRead();
                executor.runOnUi(() -> status.setConnectionState(state, asOf));
            }

            @Override
            public void onChanges(ChangeBatch batch) {
                changed(batch);
            }
        });
        executor.runOnUi(() -> {
            status.setConnectionState(started.state());
            ready.set(true);
        });
    }

    /// The desk has no data key: personal data cannot be shown, and the desk's gateway stays off.
    public void personalDataHidden() {
        executor.runOnUi(() -> personalDataHidden.set(true));
    }

    public ReadOnlyBooleanProperty personalDataHiddenProperty() {
        return personalDataHidden.getReadOnlyProperty();
    }

    /// The store could not be opened at all: the status bar says why.
    public void storeFailed(String reason) {
        executor.runOnUi(() -> {
            status.connectionFailed(reason);
            storeFailure.set(reason);
            ready.set(true);
        });
    }

    /// why the store could not be opened (null while it opens or once it is open)
    public ReadOnlyStringProperty storeFailureProperty() {
        return storeFailure.getReadOnlyProperty();
    }

    /// Long background work began or ended (a message key, or null) and how far it is (0–100, or -1).
    public void activity(String key, int percent) {
        executor.runOnUi(() -> {
            status.setActivity(key, percent);
            queue.historyArrivingProperty().set(key != null && FIRST_START_STEPS.contains(key));
        });
    }

    /// While the first start writes its history the feed is skipped, not read event by event, and
    /// the desk reads the map and the queue whole every [#WHILE_GENERATING] instead.
    public void followHistory(boolean writing) {
        writingHistory = writing;
        if (writing && core != null) {
            core.feed().skipAheadWhile(() -> writingHistory);
        }
        LiveMap live = liveMap;
        if (live != null) {
            live.atMostEvery(writing ? WHILE_GENERATING : LiveMap.AT_MOST_EVERY);
        }
    }

    /// The district is whole in the store (`made`: this start generated it).
    public void districtWhole(boolean made) {
        executor.runOnUi(() -> districtWhole.set(made));
    }

    /// Reads the stored district (its map, queue, organisation and rules) in the background, shows
    /// it, and keeps it current from then on. Called again, it reads everything anew.
    public void loadDistrict() {
        DeskCore running = core;
        if (running == null) {
            return;
        }
        Database db = running.database();
        DistrictRepository district = new DistrictRepository(db.dsl());
        TicketRepository tickets = running.tickets();
        record Loaded(MapModel model, QueueLoader queue, List<QueueItem> rows, Tools tools, TicketDetailLoader details) {
        }
        int load = loads.incrementAndGet();
        executor.submit(() -> {
            Instant now = clock.instant();
            // a desk on its own store puts its configured limits in force; desks sharing a server store
            // follow the centre's (recorded by its gateway): one desk's file must not time everyone's tickets
            TimingPolicyHistory history = new TimingPolicyHistory(db.dsl(), clock);
            TimingPolicies policies = db.kind() == DatabaseKind.H2 ? history.record(configuredTiming) : history.read();
            timingPolicies = policies;
            return MapModelLoader.load(district, tickets, now, policies).map(model -> {
                var taxonomy = district.taxonomy();
                var organisation = district.organisation();
                WorkCalendar calendar = new CalendarRepository(db.dsl(), clock).workCalendar();
                QueueRepository queueRows = new QueueRepository(db.dsl());
                BreachForecast forecast = new BreachForecast(() -> running.breachModels().current(), queueRows::teamLoads,
                        d -> calendar.kindOf(d) == DayKind.HOLIDAY);
                QueueLoader queueLoader = new QueueLoader(queueRows, taxonomy, model, policies, forecast);
                TicketDetailLoader details = new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), taxonomy,
                        organisation, calendar, model, policies, forecast);
                Tools loaded = new Tools(running.actions(), organisation);
                List<QueueItem> rows = queueLoader.load(now);
                queueReaders.forEach(r -> r.accept(rows, now));
                warmUp(rows, details, loaded);
                return new Loaded(model, queueLoader, rows, loaded, details);
            });
        }, loaded -> loaded.filter(l -> load == loads.get() && !closed).ifPresent(l -> {
            detail.useStore(l.details(), new PersonalDataService(db.dsl(),
                    new AuditLog(db.dsl(), clock, AuditRetention.fromSystemProperty()), clock));
            tools.set(l.tools());
            readers = new Readers(l.queue(), l.details());
            map.set(l.model());
            executor.submit(() -> {
                l.model().spellNames(); // the map's place search: not on the FX thread at its first Enter
                return null;
            }, spelt -> { }, failure -> log.debug("place names not spelt ahead: {}", failure.getMessage()));
            queue.show(l.rows(), clock.instant());
            readFigures();
            follow(district, tickets, l.model(), l.queue(), l.rows());
        }), failure -> log.error("cannot load the district map", failure));
    }

    /// From now on: the map and the figures at most twice a second (every [#WHILE_GENERATING]
    /// while the history is written); the whole queue every [#WHOLE_QUEUE_EVERY], or with each of
    /// those reads while the history is written.
    private void follow(DistrictRepository district, TicketRepository tickets, MapModel model, QueueLoader loader,
                        List<QueueItem> rows) {
        LiveMap previous = liveMap;
        if (previous != null) {
            previous.close();
        }
        Following now = new Following(new LiveQueue(loader, rows), new AtomicLong());
        following = now;
        LiveMap live = new LiveMap(district, tickets, model, clock, timingPolicies, fresh -> {
            executor.runOnUi(() -> map.set(fresh));
            if (writingHistory || System.nanoTime() - wholeQueueRead.get() >= WHOLE_QUEUE_EVERY.toNanos()) {
                wholeQueueRead.set(System.nanoTime());
                showQueue(now, now.queue().reloaded(clock.instant()));
            }
            readFigures();
        });
        live.atMostEvery(writingHistory ? WHILE_GENERATING : LiveMap.AT_MOST_EVERY);
        DeskCore running = core;
        if (running != null) {
            live.alsoRead(new PatrolMapReader(new DayPatrols(new PatrolRepository(running.database().dsl())), clock), PATROLS_EVERY);
        }
        liveMap = live;
    }

    /// On the feed's thread: the map asked to refresh, then the rows of the tickets named, at once.
    private void changed(ChangeBatch batch) {
        LiveMap live = liveMap;
        Following rows = following;
        if (live == null || rows == null || closed) {
            return; // the district is not shown yet (its first read comes whole), or the desk closes
        }
        if (batch.districtChanged() && !writingHistory) {
            log.info("the district changed ({}): the desk reads it anew", batch.district());
            loadDistrict(); // the map, the queue, the organisation and the rules, all at once
            return;
        }
        live.changed(); // first: should the rows' read fail, the whole read still comes
        Set<Long> changed = batch.ticketIds();
        if (!changed.isEmpty() && !writingHistory) {
            showQueue(rows, rows.queue().changed(changed, clock.instant()));
            executor.runOnUi(() -> detail.changed(changed));
        }
    }

    /// Shows a copy of the queue, unless a newer one is already shown (two threads may hand theirs
    /// over out of order) or the district was read anew since (its queue is followed instead).
    private void showQueue(Following from, LiveQueue.Snapshot snapshot) {
        Instant read = clock.instant();
        queueReaders.forEach(r -> r.accept(snapshot.rows(), read));
        executor.runOnUi(() -> {
            if (from == following && snapshot.version() > from.shown().get()) {
                from.shown().set(snapshot.version());
                queue.show(snapshot.rows(), clock.instant());
            }
        });
    }

    /// Today's intake (from 00:00 Shanghai time) and the on-time rate of the last 30 days, for the wall.
    private void readFigures() {
        DeskCore running = core;
        if (running == null) {
            return;
        }
        QueueRepository repository = new QueueRepository(running.database().dsl());
        executor.submit(() -> {
            Instant now = clock.instant();
            Instant dayStart = now.atZone(WorkCalendar.ZONE).toLocalDate().atStartOfDay(WorkCalendar.ZONE).toInstant();
            return repository.figures(dayStart, now.minus(Duration.ofDays(30)));
        }, figures::set, failure -> log.debug("wall figures not read: {}", failure.getMessage()));
    }

    /// Reads one open ticket's detail and asks the rules what its owner may do, once, in the
    /// background: the paths a dispatcher's first click takes are then warm, not compiled on it.
    private void warmUp(List<QueueItem> rows, TicketDetailLoader details, Tools loaded) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            TicketDetail d = details.load(rows.getFirst().id(), clock.instant());
            TicketActions actions = loaded.actions();
            loaded.organisation().unit(d.ticket().ownerUnitId()).filter(Unit::isCentre).ifPresent(owner -> {
                Actor actor = new DeskUser(Role.DISPATCHER, owner).actor();
                for (var action : actions.available(d.ticket(), actor)) {
                    actions.check(actions.command(d.ticket(), action, actions.defaults(d.ticket(), action,
                            d.intake().itemHint(), d.intake().urgent())), actor);
                }
            });
        } catch (RuntimeException e) {
            log.debug("warm-up skipped: {}", e.getMessage());
        }
    }

    /// The person leaves the desk (sign-out, change of person): nobody is seated, and the queue and
    /// the detail pane hold nothing of theirs. [#loadDistrict] reads it all again for the next.
    public void forgetPerson() {
        user.set(null);
        session.set(null);
        queue.clear();
        detail.clear();
    }

    // ---- what the desk asks of the store (from the UI thread; answers come back on it)

    @Override
    public void run(DeskCommand command, Actor actor, Consumer<TicketActions.Outcome> onDone) {
        DeskCore running = core;
        if (running == null) {
            return;
        }
        executor.submit(() -> running.run(command, actor), onDone, failure -> {
            log.warn("{} on ticket {} failed", command.action(), command.ticket().code(), failure);
            onDone.accept(new TicketActions.Outcome(null, List.of(),
                    failure instanceof RuntimeException r ? r : new IllegalStateException(failure)));
        });
    }

    /// Stops following the store (the store itself is closed by whoever opened it): the feed's
    /// changes and a district read still under way are ignored from now on.
    @Override
    public void close() {
        closed = true;
        LiveMap live = liveMap;
        if (live != null) {
            live.close();
        }
    }
}
