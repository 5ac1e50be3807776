package org.griddesk.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.desk.DeskDoor;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.MainWindowViewModel;
import org.griddesk.desk.StatusBarViewModel;
import org.griddesk.desk.alert.AlertRules;
import org.griddesk.desk.alert.DeskAlerts;
import org.griddesk.desk.audit.AuditViewer;
import org.griddesk.desk.detail.CallerPanel;
import org.griddesk.desk.entry.DeskEntryScreen;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.search.HistorySearchWindow;
import org.griddesk.desk.timers.TimerWatch;
import org.griddesk.domain.org.Unit;
import org.griddesk.map.TileCache;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.digest.HotlineDigestService;
import org.griddesk.supervise.SupervisorBoard;
import org.griddesk.supervise.consult.ConsultationScreen;
import org.griddesk.supervise.digest.HotlineDigestScreen;
import org.griddesk.supervise.digest.MassIncidentBar;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.supervise.handover.HandoverScreen;
import org.griddesk.supervise.ranking.RankingScreen;
import org.griddesk.supervise.stats.StatisticsScreen;
import org.griddesk.ui.AppIcon;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SystemOpener;
import org.griddesk.ui.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The JavaFX application: shows the window at once, then opens the store in the background.
public final class GridDeskApp extends Application {
    private static final Logger log = LoggerFactory.getLogger(GridDeskApp.class);
    private static final AtomicReference<DeskLaunch> PENDING = new AtomicReference<>();
    private static final AtomicReference<Thread> CLOSING = new AtomicReference<>();

    private final DeskLaunch launch;
    private TaskExecutor executor;
    private DeskSession session;
    private DeskAlerts alerts;
    private DeskWindow window;
    private long windowShownMillis = -1;
    private long storeReadyMillis = -1;
    private long mapShownMillis = -1;

    /// Used by `Application.launch`: takes what [#launchAndWait] left.
    public GridDeskApp() {
        this(Objects.requireNonNull(PENDING.get(), "start GridDesk through GridDeskApp.launchAndWait"));
    }

    /// Used by tests that start the real application on their own data folder.
    public GridDeskApp(DeskLaunch launch) {
        this.launch = launch;
    }

    /// Starts the toolkit and the desk; returns when the window has closed and the store is closed.
    static void launchAndWait(DeskLaunch deskLaunch) {
        PENDING.set(deskLaunch);
        Application.launch(GridDeskApp.class);
        Thread closing = CLOSING.get();
        if (closing != null) {
            try {
                closing.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void start(Stage stage) {
        AppConfig config = launch.boot().config();
        DatabaseSettings databaseSettings = config.databaseSettings(launch.boot().folder());
        executor = new FxTaskExecutor(4);
        SystemOpener.install(getHostServices()::showDocument);
        AppIcon.onEveryWindow();
        Application.setUserAgentStylesheet(config.theme().userAgentStylesheet());

        // JavaFX's own words (a dialog's Cancel, the full-screen hint) follow the default locale: the desk's language
        Locale.setDefault(config.language().locale());
        MainWindowViewModel windowModel = new MainWindowViewModel(config.language(), config.theme());
        StatusBarViewModel status = new StatusBarViewModel(Messages.of(config.language()), config.shifts(),
                databaseSettings.kind(), databaseSettings.describeTarget());
        // nobody is seated until someone signs in (DeskDoor): the queue's scope is the district centre's until then
        DeskModel model = new DeskModel(executor, Clock.systemUTC(), status, DemoDistrictGenerator.DISTRICT_CENTRE);
        session = new DeskSession(executor, Platform::isFxApplicationThread, model, launch.demoSeed(), launch.demoHistoryDays());
        model.useTiming(config.timing()); // for tickets reported from now on: the past keep theirs
        session.useRules(config.lifecycleRules());
        session.useBackups(config.backups());
        DeskDoor door = new DeskDoor(stage, model, executor, Clock.systemUTC(), config.language());
        session.onAccounts(door::useAccounts);
        door.useAuditViewer((owner, signedIn) -> AuditViewer.open(owner, session.auditLog(), signedIn,
                windowModel.languageProperty().get(), executor));
        door.addSupervisionScreen(new HotlineDigestScreen(() -> session.database() == null ? null
                : HotlineDigestService.of(session.database(), session.auditLog()), executor, model.detail()::pick));
        door.addSupervisionScreen(StatisticsScreen.of(session::database, model, executor));
        door.addSupervisionScreen(new org.griddesk.supervise.patrol.AbsentWorkersScreen(session::database, executor));
        door.addSupervisionScreen(new org.griddesk.supervise.visit.OverdueVisitsScreen(session::database, executor));
        door.addSupervisionScreen(new RankingScreen(AssessmentWiring.lazily(session::database), session::auditLog,
                TicketLists.of(model, executor, Clock.systemUTC()), executor, Clock.systemUTC()));
        window = new DeskWindow(stage, windowModel, model, door, Clock.systemUTC(), VersionInfo.version());
        window.useDeskEntry(new DeskEntryScreen(session::deskEntry, executor));
        useHistorySearch(stage, model, windowModel);
        var ticketRows = TicketLists.of(model, executor, Clock.systemUTC()).history();
        ConsultationScreen consultation = new ConsultationScreen(() -> session.supervision(config.shifts()), ticketRows, executor,
                model.detail()::pick);
        door.addSupervisionScreen(consultation);
        door.addSupervisionScreen(new HandoverScreen(() -> session.supervision(config.shifts()), ticketRows, executor, model.detail()::pick));
        TimerWatch timers = timers(config, model, window, windowModel, stage);
        window.addQueuePane((hands, pick) -> new SupervisorBoard(Messages.of(config.language()), model.queue(),
                model.userProperty(), hands, pick).withTimers(timers.listsProperty(), id -> teamName(model, id)).withLink(consultation.boardLink(model.sessionProperty(),
                windowModel.languageProperty()::get, door::openSupervisionScreen)));
        window.addQueuePane((hands, pick) -> MassIncidentBar.following(session::onCore, executor, Messages.of(config.language()),
                model.userProperty(), pick));
        windowModel.themeProperty().addListener((obs, old, theme) -> {
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            remember(ConfigFile.UI_THEME, theme.code());
        });
        windowModel.languageProperty().addListener((obs, old, language) -> Locale.setDefault(language.locale()));
        windowModel.languageProperty().addListener((obs, old, language) -> {
            window.relocalize();
            remember(ConfigFile.UI_LANGUAGE, language.code());
        });
        followStartUp(model);

        stage.setOnShown(e -> {
            windowShownMillis = System.currentTimeMillis() - launch.jvmStartMillis();
            log.info("GridDesk {} window shown {} ms after JVM start (data folder {})",
                    VersionInfo.version(), windowShownMillis, launch.boot().folder().root());
        });
        window.show();
        door.showSignIn();
        useBaseMap(config.tileSource());

        session.openStore(launch.boot().folder().root(), databaseSettings, config.gatewayPort(), port -> {
            log.info("the desk's gateway is up on port {}: the demo feed can run", port);
            windowModel.demoFeedAvailableProperty().set(true);
        });
        windowModel.demoFeedProperty().addListener((obs, was, on) -> {
            log.info("demo feed switched {}", on ? "on" : "off");
            session.demoFeed(on, reason -> {
                windowModel.demoFeedProperty().set(false);
                status.setActivity("status.activity.demoFeedFailed", -1);
            });
            status.setActivity(on ? "status.activity.demoFeed" : null, -1);
        });
    }

    /// The timers that reach people: the centre's whistle check-ins, overdue contact and callbacks read
    /// when the queue is read again (the boards count down between reads), and the desktop
    /// notifications fed from the same reads on their own thread.
    private TimerWatch timers(AppConfig config, DeskModel model, DeskWindow window, MainWindowViewModel windowModel, Stage stage) {
        TimerWatch timers = new TimerWatch(executor, session::database, model::timingPolicies, config.shifts(), Clock.systemUTC());
        alerts = new DeskAlerts(new AlertRules(config.shifts()), executor, Messages.of(config.language(), "i18n/timers"),
                config.alertSound(), Clock.systemUTC()).showingOver(stage, model.detail()::pick);
        alerts.followMute(windowModel.alertsMutedProperty());
        model.onQueueRead(alerts::rowsRead);
        timers.onRead(alerts::timersRead);
        model.queue().all().addListener((ListChangeListener<QueueItem>) c -> timers.changed());
        model.userProperty().addListener((obs, old, user) -> {
            timers.watch(user == null ? null : user.centreId(), user != null);
            alerts.useScope(user == null ? i -> false : model.queue().scope().sees());
        });
        windowModel.languageProperty().addListener((obs, old, language) -> alerts.useMessages(Messages.of(language, "i18n/timers")));
        window.followTimers(timers.listsProperty());
        return timers;
    }

    private static String teamName(DeskModel model, String unitId) {
        DeskModel.Tools tools = model.toolsProperty().get();
        return tools == null ? unitId : tools.organisation().unit(unitId).map(Unit::name).orElse(unitId);
    }

    /// 工单 → 历史工单查询 and the caller panel of the detail pane, over the desk's own history index.
    /// The search window closes when the person at the desk changes or leaves.
    private void useHistorySearch(Stage stage, DeskModel model, MainWindowViewModel windowModel) {
        HistoryWiring history = new HistoryWiring(session::history, model);
        window.useHistorySearch(() -> {
            Stage search = HistorySearchWindow.open(stage, history, executor, Clock.systemUTC(), windowModel.languageProperty().get());
            javafx.beans.value.ChangeListener<Object> leave = (obs, was, now) -> search.close();
            model.sessionProperty().addListener(leave);
            search.setOnHidden(e -> model.sessionProperty().removeListener(leave));
            return search;
        });
        window.useCallerPanel((detail, pick) -> Optional.of(new CallerPanel(Messages.of(windowModel.languageProperty().get()),
                detail.ticket().id(), history, executor, Clock.systemUTC().instant(), pick)));
    }

    /// The start-up's milestones, logged and, when asked, reported: store ready, map shown, district whole.
    private void followStartUp(DeskModel model) {
        model.readyProperty().addListener((obs, was, ready) -> {
            if (ready) {
                storeReady();
            }
        });
        model.mapProperty().addListener((obs, old, map) -> {
            if (map != null && mapShownMillis < 0) {
                mapShownMillis = System.currentTimeMillis() - launch.jvmStartMillis();
                log.info("map shown {} ms after JVM start", mapShownMillis);
            }
        });
        model.districtWholeProperty().addListener((obs, old, made) -> {
            if (made != null) {
                districtWhole(made);
            }
        });
    }

    /// Opens the configured base map off the FX thread (an MBTiles file is a database) and puts it
    /// under the map; the plain vector map stays when it cannot be opened.
    private void useBaseMap(String setting) {
        executor.submit(() -> BaseMap.sources(setting), sources -> {
            if (!sources.isEmpty()) {
                window.map().useTiles(sources, new TileCache(
                        launch.boot().folder().root().resolve("cache").resolve("tiles"), BaseMap.CACHE_BYTES));
                log.info("base map: {} tile source(s) from map.tiles", sources.size());
            }
        }, failure -> log.warn("base map not shown: {}", failure.getMessage()));
    }

    private void storeReady() {
        storeReadyMillis = System.currentTimeMillis() - launch.jvmStartMillis();
        log.info("store ready {} ms after JVM start", storeReadyMillis);
        StartupReport report = launch.startupReport();
        if (report != null && !report.untilDistrictWhole()) {
            reportAndExit(report, -1);
        }
    }

    private void districtWhole(boolean made) {
        long wholeMillis = System.currentTimeMillis() - launch.jvmStartMillis();
        if (made) {
            log.info("first start: district and history whole {} ms after JVM start", wholeMillis);
        }
        StartupReport report = launch.startupReport();
        if (report != null && report.untilDistrictWhole()) {
            reportAndExit(report, wholeMillis);
        }
    }

    private void reportAndExit(StartupReport report, long districtWholeMillis) {
        String json = "{\"windowShownMs\":" + windowShownMillis + ",\"storeReadyMs\":" + storeReadyMillis
                + (mapShownMillis < 0 ? "" : ",\"mapShownMs\":" + mapShownMillis)
                + (districtWholeMillis < 0 ? "" : ",\"districtWholeMs\":" + districtWholeMillis) + "}\n";
        executor.submit(() -> Files.writeString(report.file(), json, StandardCharsets.UTF_8), ignored -> Platform.exit(),
                failure -> Platform.exit());
    }

    /// Saves a menu choice to the config file, off the UI thread.
    private void remember(String key, String value) {
        executor.submit(() -> {
            launch.boot().configFile().update(key, value);
            return null;
        }, ignored -> { }, failure -> log.warn("cannot save {} to the configuration file", key, failure));
    }

    @Override
    public void stop() {
        if (alerts != null) {
            alerts.close();
        }
        Runnable endSession = window == null ? () -> { } : window.close();
        DeskSession closingSession = session;
        if (closingSession != null) {
            closingSession.endFirst(endSession);
            Thread closer = new Thread(closingSession::close, "griddesk-shutdown");
            CLOSING.set(closer);
            closer.start();
        }
    }

    /// The desk's window (tests drive it).
    DeskWindow window() {
        return window;
    }

    /// The desk's history search once its store is open (null before; tests wait for its index).
    org.griddesk.search.HistorySearch history() {
        return session == null ? null : session.history();
    }

    /// Waits for the last stopped desk to release its store (tests that restart the desk).
    static void awaitClosed() throws InterruptedException {
        Thread closing = CLOSING.get();
        if (closing != null) {
            closing.join(10_000);
        }
    }
}
