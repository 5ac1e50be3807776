package org.griddesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.demo.DistrictAhead;
import org.griddesk.demo.LoadProgress;
import org.griddesk.desk.DeskDoor;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.entry.EntryService;
import org.griddesk.dispatch.DeskCore;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.intake.DeskIntake;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.IntakeService;
import org.griddesk.search.HistorySearch;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.backup.BackupFolder;
import org.griddesk.store.backup.BackupRefused;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.security.AuditLog;
import org.griddesk.store.security.AuditPurgeSchedule;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Wires one run of the desk to its store: opens and migrates the store in the background, starts
/// the [DeskCore] and hands it to the [DeskModel], generates the demo district on a new embedded
/// store, starts the desk's own gateway and the demo feed, and closes all of it in order.
final class DeskSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskSession.class);
    /// how long closing waits for a gateway that is starting (it takes about half a second)
    private static final Duration GATEWAY_START_WAIT = Duration.ofSeconds(5);

    private final TaskExecutor executor;
    private final ThreadGuard uiThread;
    private final DeskModel model;
    private final long demoSeed;
    private final int demoHistoryDays;
    private final DemoFeed demoFeed;
    /// the desk's own gateway: one that starts while the desk closes is closed before the store
    private final ClosingSlot<Gateway> gateway = new ClosingSlot<>();
    private volatile Database database;
    /// how `griddesk channels …` changes keys while this desk holds the embedded store open
    private volatile StoreControl keyControl;
    private volatile DailyBackups dailyBackups;
    private volatile ModelLearning modelLearning;
    private BackupPolicy backups = BackupPolicy.DEFAULT;
    private volatile DeskCore core;
    private volatile DistrictAhead district;
    private volatile ConnectionState storeState = ConnectionState.CONNECTED;
    /// hears the store's accounts once it is open (the desk's sign-in), on the UI thread
    private Consumer<DeskDoor.AccountsAccess> onAccounts = access -> { };
    private final List<Consumer<DeskCore>> coreListeners = new CopyOnWriteArrayList<>();
    private volatile Runnable endFirst = () -> { };
    private volatile DataKeySetup.Found keys;
    private volatile AuditLog auditLog;
    private volatile AuditPurgeSchedule auditPurge;
    private volatile PatrolWiring.Purge patrolPurge;
    private SupervisionServices supervision;
    /// the store's intake, one for the desk's own gateway and its 席位录入 (made once the store is open)
    private volatile Gateway.Intakes intakes;
    private EntryService deskEntry;
    private volatile LifecycleRules rules = LifecycleRules.DEFAULT;
    private volatile HistorySearch history;

    DeskSession(TaskExecutor executor, ThreadGuard uiThread, DeskModel model, long demoSeed, int demoHistoryDays) {
        this.executor = executor;
        this.uiThread = uiThread;
        this.model = model;
        this.demoSeed = demoSeed;
        this.demoHistoryDays = demoHistoryDays;
        this.demoFeed = new DemoFeed(executor);
    }

    /// the lifecycle's rules from the configuration (the whistle check-in time), before the store opens
    void useRules(LifecycleRules configured) {
        this.rules = configured;
    }

    /// The store's audit log once it is open (null before): what the audit administrator's viewer reads.
    AuditLog auditLog() {
        return auditLog;
    }

    /// The consultation and hand-over services on the open store, made on first use (a store read:
    /// call it off the FX thread); null while the store is not open or its district not yet there.
    synchronized SupervisionServices supervision(ShiftSchedule shifts) {
        DeskCore open = core;
        if (supervision == null && open != null) {
            SupervisionServices made = SupervisionServices.open(open.database(), shifts, Clock.systemUTC());
            supervision = made.organisation().units().isEmpty() ? null : made;
        }
        return supervision;
    }

    /// The 席位录入 form's service on the open store, made on first use (it reads the district: call
    /// it off the FX thread); null while the store is not open or has no district yet. It shares the
    /// intake (and its duplicate check) with the desk's own gateway.
    synchronized EntryService deskEntry() {
        Gateway.Intakes shared = intakes;
        DeskCore open = core;
        if (deskEntry == null && shared != null && open != null) {
            deskEntry = shared.service().get().map(service -> EntryService.of(new DeskIntake(service, Clock.systemUTC()),
                    id -> open.tickets().get(id).intake().summary())).orElse(null);
        }
        return deskEntry;
    }

    /// The district changed (a new map, new teams): the services read from it are made anew on next use.
    private synchronized void forgetDistrict() {
        supervision = null;
        deskEntry = null;
    }

    /// The history search over the open store (null before): built on first use, kept current from the feed.
    HistorySearch history() {
        return history;
    }

    /// The store once it is open (null before): what the supervision screens read.
    Database database() {
        return database;
    }

    /// `listener` hears the desk's core once the store is open, on the UI thread (before [#openStore]).
    void onCore(Consumer<DeskCore> listener) {
        coreListeners.add(listener);
    }

    /// Who hears the store's accounts once it is open (before [#openStore]).
    void onAccounts(Consumer<DeskDoor.AccountsAccess> listener) {
        this.onAccounts = listener;
    }

    /// How the embedded store is backed up (before [#openStore]): the desk's daily backup and its folder.
    void useBackups(BackupPolicy policy) {
        this.backups = policy;
    }

    private BackupFolder backupFolder(Path dataFolder) {
        return new BackupFolder(backups.folderIn(new DataFolder(dataFolder)), Clock.systemUTC(), java.time.ZoneId.systemDefault());
    }

    /// Opens and migrates the store in the background, gives it the data key of `dataFolder`
    /// ([DataKeySetup]: an embedded store makes its own), then follows it in the model; `onGateway`
    /// hears the port of the desk's own gateway once it listens (`gatewayPort` 0: none). Without a
    /// data key the desk runs with personal data hidden and its gateway stays off, as intake would
    /// otherwise have to store callers in clear.
    void openStore(Path dataFolder, DatabaseSettings settings, int gatewayPort, IntConsumer onGateway) {
        executor.submit(() -> {
            // a new embedded store gets the demo district: its geography is made while the store opens
            // (asked here, off the FX thread: it looks at the file system)
            district = settings.isNewEmbeddedFile() ? DistrictAhead.start(demoSeed) : DistrictAhead.onDemand(demoSeed);
            Database db = Database.open(settings, uiThread);
            try {
                db.migrate();
                keys = DataKeySetup.attach(db, dataFolder);
                SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
                properties.putIfAbsent(SystemProperty.INSTALLED_AT, Clock.systemUTC().instant().toString());
                properties.putIfAbsent(SystemProperty.INSTALLED_VERSION, VersionInfo.version());
                DeskCore started = DeskCore.start(db, Clock.systemUTC());
                started.useRules(rules);
                modelLearning = ModelLearning.start(started, dataFolder, Clock.systemUTC());
                keyControl = StoreControl.serve(settings, db, backupFolder(dataFolder)).orElse(null);
                if (settings.kind() == DatabaseKind.H2 && settings.embeddedFile().isPresent() && backups.daily()) {
                    dailyBackups = DailyBackups.start(db, backupFolder(dataFolder), backups.keepDays(),
                            (latest, failed) -> executor.runOnUi(() -> model.status().backupTaken(latest, failed)));
                }
                AuditLog audit = AuditSinks.of(db);
                return new Opened(started, DeskAccounts.open(db, Clock.systemUTC(), audit), audit);
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }, opened -> {
            DeskCore started = opened.core();
            core = started;
            history = HistoryWiring.follow(started, dataFolder);
            if (!keys.hasKey()) {
                model.personalDataHidden();
            }
            database = started.database();
            intakes = GatewayWiring.intakes(database, Clock.systemUTC());
            auditLog = opened.auditLog();
            if (settings.kind() == DatabaseKind.H2) {
                // one desk, one store: the desk keeps its audit log within the retention (a gateway
                // server does it for a shared store)
                auditPurge = AuditPurgeSchedule.daily(auditLog, Clock.systemUTC());
                patrolPurge = PatrolWiring.dailyPurge(database, Clock.systemUTC());
            }
            model.attach(started);
            started.subscribe(new DeskCore.Listener() {
                @Override
                public void onState(ConnectionState state) {
                }

                @Override
                public void onChanges(ChangeBatch batch) {
                    if (batch.districtChanged()) {
                        forgetDistrict();
                    }
                }
            });
            coreListeners.forEach(l -> l.accept(started));
            onAccounts.accept(opened.accounts());
            Runnable gatewayStart = () -> startGateway(database, gatewayPort, onGateway);
            boolean embedded = settings.kind() == DatabaseKind.H2;
            // a new store has no channel keys, so nothing could be sent to its gateway yet: it starts
            // once the demo district is whole, not in competition with the writers
            boolean gatewayAfterDistrict = embedded && district.ahead();
            if (!gatewayAfterDistrict) {
                gatewayStart.run();
            }
            if (embedded) {
                loadDemoDistrict(database, gatewayAfterDistrict ? gatewayStart : () -> { });
            } else {
                model.loadDistrict();
                model.districtWhole(false); // a shared store's district is loaded by its administrator
            }
        }, failure -> {
            log.error("cannot open the store at {}", settings.describeTarget(), failure);
            // a refusal with its own words (a store file this version cannot read) says them in the desk's language
            model.storeFailed(storeFailure(failure));
        });
    }

    private record Opened(DeskCore core, DeskDoor.AccountsAccess accounts, AuditLog auditLog) {
    }

    /// Why the store did not open, in the desk's language when GridDesk itself refused it (a store file
    /// this version cannot read), else the library's own first words.
    static String storeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BackupRefused refused) {
                return refused.message(java.util.Locale.getDefault());
            }
        }
        return GridDeskCli.rootMessage(failure);
    }

    /// The desk's own gateway, on this machine only (127.0.0.1): channels on the same PC, the
    /// simulator and tests reach the queue through it. A port in use leaves the desk without one.
    private void startGateway(Database db, int port, IntConsumer onGateway) {
        if (port <= 0) {
            return;
        }
        if (!keys.hasKey()) {
            log.warn("the desk's gateway stays off: {} / 本机没有数据密钥，内置网关不启动（受理的个人信息无法加密保存）", keys.problem());
            return;
        }
        Gateway.Intakes intakes = this.intakes;
        storeState = core.state(); // then every change: the gateway's health says whether the store answers
        core.subscribe(new DeskCore.Listener() {
            @Override
            public void onState(ConnectionState state) {
                storeState = state;
            }

            @Override
            public void onChanges(ChangeBatch batch) {
                if (db.kind() == DatabaseKind.POSTGRESQL && gateway.current() != null) {
                    // the desk's own gateway sees other desks' changes at once too (alone on H2, it
                    // catches up on its next request)
                    intakes.service().get().ifPresent(IntakeService::storeChanged);
                }
            }
        });
        executor.submit(() -> gateway.start(() -> Gateway.start("127.0.0.1", port, () -> new Gateway.Health(
                        storeState == ConnectionState.CONNECTED, storeState.name(), VersionInfo.version()), intakes)),
                started -> {
                    if (started != null) { // null: the desk closed first
                        onGateway.accept(started.port());
                    }
                },
                failure -> log.warn("the desk's gateway did not start on 127.0.0.1:{}: {}", port, GridDeskCli.rootMessage(failure)));
    }

    /// The embedded default gets the demo district on its first start, in the background; the
    /// model shows the district as soon as it is stored, and all of it once the history is written.
    private void loadDemoDistrict(Database db, Runnable then) {
        LoadProgress progress = new LoadProgress() {
            @Override
            public void step(String step) {
                log.info("demo district: {}", step);
                model.activity("done".equals(step) ? null : "status.activity." + step, -1);
            }

            @Override
            public void percent(int percent) {
                model.activity("status.activity.history", percent);
            }

            @Override
            public void districtReady() {
                model.loadDistrict();
            }
        };
        model.followHistory(true);
        executor.submit(() -> DemoDistrictLoader.loadIfEmpty(db, district, demoHistoryDays, Instant.now(), progress), made -> {
            model.followHistory(false);
            if (made) {
                log.info("demo district generated (seed {})", demoSeed);
            }
            model.loadDistrict(); // with the whole history now, or the district that was there
            model.districtWhole(made);
            then.run();
        }, failure -> {
            model.followHistory(false);
            log.error("cannot generate the demo district", failure);
            model.activity("status.activity.failed", -1);
            then.run();
        });
    }

    /// Starts or stops the demo feed to the desk's own gateway; `onFailure` hears, on the UI thread,
    /// why it could not start.
    void demoFeed(boolean on, Consumer<String> onFailure) {
        Database db = database;
        Gateway g = gateway.current();
        if (!on) {
            demoFeed.stop();
        } else if (db != null && g != null) {
            demoFeed.start(db, g, onFailure);
        }
    }

    /// What closing does first, while the store is still open (the person's sign-out).
    void endFirst(Runnable first) {
        this.endFirst = first;
    }

    @Override
    public void close() {
        endFirst.run();
        AuditPurgeSchedule purge = auditPurge;
        if (purge != null) {
            purge.close();
        }
        PatrolWiring.Purge patrols = patrolPurge;
        if (patrols != null) {
            patrols.close();
        }
        demoFeed.close();
        gateway.close(GATEWAY_START_WAIT);
        model.close();
        DeskCore desk = core;
        if (desk != null) {
            desk.close();
        }
        HistorySearch search = history;
        if (search != null) {
            search.index().close();
        }
        StoreControl keys = keyControl;
        if (keys != null) {
            keys.close();
        }
        DailyBackups daily = dailyBackups;
        if (daily != null) {
            daily.close();
        }
        ModelLearning learning = modelLearning;
        if (learning != null) {
            learning.close();
        }
        Database db = database;
        if (db != null) {
            db.close();
        }
        executor.close();
    }
}
