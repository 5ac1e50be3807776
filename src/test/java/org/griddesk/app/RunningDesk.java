package org.griddesk.app;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.signin.SignInViewModel;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.security.AccountService;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/// Starts the real GridDesk application in the test JVM (headless) with the given flags, and stops
/// it again, waiting until its store is closed. The demo district it generates on first start has no
/// ticket history, to keep the suite fast.
final class RunningDesk {
    private final Application app;
    private int gatewayPort;
    private Path dataDir;
    private Database store;

    private RunningDesk(Application app) {
        this.app = app;
    }

    static RunningDesk start(GlobalOptions options) throws Exception {
        return start(options, 0);
    }

    /// Starts the desk on `options`; its new demo district gets `historyDays` days of ticket history.
    static RunningDesk start(GlobalOptions options, int historyDays) throws Exception {
        FxToolkit.registerPrimaryStage();
        Bootstrap boot = Bootstrap.prepare(options, Map.of(), "INFO");
        return new RunningDesk(FxToolkit.setupApplication(
                () -> new GridDeskApp(new DeskLaunch(boot, null, System.currentTimeMillis(), 20211, historyDays))));
    }

    /// Starts the desk on a fresh data folder whose own gateway listens on a free port of this
    /// machine, and signs in as the district centre's demo dispatcher.
    static RunningDesk startWithGateway(Path dataDir) throws Exception {
        RunningDesk desk = startWithGatewaySignedOut(dataDir);
        desk.signIn(DISTRICT_DISPATCHER);
        return desk;
    }

    /// The demo store's dispatcher of the district centre (what the desk was before sign-in came).
    static final String DISTRICT_DISPATCHER = "jn-dispatcher";

    /// Signs in as a demo account, as the sign-in dialog does once its fields are filled (the demo
    /// accounts come with the demo district: this waits for them), and waits until the desk is theirs.
    void signIn(String username) throws Exception {
        SignInViewModel dialog = window().door().signIn();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> dialog.readyProperty().get()
                && dialog.demoAccounts().stream().anyMatch(a -> a.username().equals(username)));
        WaitForAsyncUtils.asyncFx(() -> {
            dialog.usernameProperty().set(username);
            dialog.passwordProperty().set(AccountService.DEMO_PASSWORD);
            dialog.signIn();
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            var session = window().door().sessions().current();
            return session != null && session.username().equals(username);
        });
        // as on a desk that has run a while: the history index is built, so a detail pane's caller
        // panel is whole when it shows (not filled in seconds later, under a robot's lookups)
        GridDeskApp desk = (GridDeskApp) app;
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> desk.history() != null);
        desk.history().index().start();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> desk.history().index().state() == org.griddesk.search.HistoryIndex.State.READY);
    }

    /// Starts the desk on a fresh data folder whose own gateway listens on a free port; nobody signed in.
    static RunningDesk startWithGatewaySignedOut(Path dataDir) throws Exception {
        return startWithGatewaySignedOut(dataDir, 0);
    }

    /// The same, with `historyDays` days of demo ticket history (the desk's gateway starts once it is whole).
    static RunningDesk startWithGatewaySignedOut(Path dataDir, int historyDays) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(dataDir.resolve("griddesk.properties"), "gateway.port=" + port + "\n");
        GlobalOptions options = new GlobalOptions();
        options.dataDir = dataDir;
        RunningDesk desk = start(options, historyDays);
        desk.gatewayPort = port;
        desk.dataDir = dataDir;
        return desk;
    }

    /// The port of the desk's own gateway (started by [#startWithGateway]).
    int gatewayPort() {
        return gatewayPort;
    }

    /// The desk's window.
    DeskWindow window() {
        return ((GridDeskApp) app).window();
    }

    /// Signs in as [#signIn] does, then waits until the desk has nothing left to do (its status
    /// bar's activity is empty) and its queue has settled.
    void signInAndSettle(String username) throws Exception {
        signIn(username);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window().userProperty().get() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#activityLabel").queryAs(Label.class).getText().isEmpty());
        Thread.sleep(2000);
    }

    /// A second connection to the desk's store (a desk started by [#startWithGatewaySignedOut]), with
    /// its data key, as another desk or a gateway would hold it; closed by [#stop].
    synchronized Database store() {
        if (store == null) {
            store = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE);
            DataKeySetup.attach(store, dataDir);
        }
        return store;
    }

    void stop() throws Exception {
        synchronized (this) {
            if (store != null) {
                store.close();
            }
        }
        FxToolkit.cleanupApplication(app);
        GridDeskApp.awaitClosed();
    }
}
