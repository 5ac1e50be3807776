package org.griddesk.app;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import org.griddesk.desk.DeskWindow;
import org.testfx.api.FxToolkit;

/// Starts the real GridDesk application in the test JVM (headless) with the given flags, and stops
/// it again, waiting until its store is closed. The demo district it generates on first start has no
/// ticket history, to keep the suite fast.
final class RunningDesk {
    private final Application app;
    private int gatewayPort;

    private RunningDesk(Application app) {
        this.app = app;
    }

    static RunningDesk start(GlobalOptions options) throws Exception {
        FxToolkit.registerPrimaryStage();
        Bootstrap boot = Bootstrap.prepare(options, Map.of(), "INFO");
        return new RunningDesk(FxToolkit.setupApplication(
                () -> new GridDeskApp(new DeskLaunch(boot, null, System.currentTimeMillis(), 20211, 0))));
    }

    /// Starts the desk on a fresh data folder whose own gateway listens on a free port of this machine.
    static RunningDesk startWithGateway(Path dataDir) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.writeString(dataDir.resolve("griddesk.properties"), "gateway.port=" + port + "\n");
        GlobalOptions options = new GlobalOptions();
        options.dataDir = dataDir;
        RunningDesk desk = start(options);
        desk.gatewayPort = port;
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

    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        GridDeskApp.awaitClosed();
    }
}
