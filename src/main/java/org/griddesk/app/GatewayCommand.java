package org.griddesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.RateLimiter;
import org.griddesk.store.ConnectionMonitor;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.ticket.TimingPolicyHistory;
import org.griddesk.store.security.AuditPurgeSchedule;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/// `griddesk gateway`: the intake gateway on its own, for a command centre (the desk will run its
/// own on 127.0.0.1). Runs until stopped (Ctrl+C, or the service manager).
@Command(name = "gateway", mixinStandardHelpOptions = true)
final class GatewayCommand implements Callable<Integer> {
    /// released to stop a running gateway (a shutdown hook does it; so can a test)
    static final AtomicReference<CountDownLatch> RUNNING = new AtomicReference<>();

    @ParentCommand
    GridDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDRESS", descriptionKey = "gateway.bind")
    String bind;

    @Option(names = "--port", paramLabel = "N", descriptionKey = "gateway.port")
    Integer port;

    @Option(names = "--tls-keystore", paramLabel = "FILE", descriptionKey = "gateway.tlsKeystore")
    Path tlsKeystore;

    /// where the keystore's password comes from: never the command line, where `ps` would show it
    static final String TLS_PASSWORD_ENV = "GRIDDESK_TLS_PASSWORD";
    /// the exit code of a gateway that has no data key (docs/security-keys.md)
    static final int NO_DATA_KEY = 3;

    @Override
    public Integer call() throws InterruptedException {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        AppConfig config = boot.config();
        String address = bind != null ? bind : config.gatewayBind();
        int listenOn = port != null ? port : config.gatewayPort();
        if (listenOn < 0 || listenOn > 65535) {
            throw new IllegalArgumentException("--port must be 0 to 65535");
        }
        Gateway.Tls tls = tlsKeystore == null ? null
                : new Gateway.Tls(tlsKeystore, Objects.requireNonNullElse(System.getenv(TLS_PASSWORD_ENV), ""));
        CountDownLatch stop = new CountDownLatch(1);
        RUNNING.set(stop);
        Thread hook = new Thread(stop::countDown, "griddesk:gateway-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        DatabaseSettings settings = config.databaseSettings(boot.folder());
        try (Database db = Database.open(settings, ThreadGuard.NONE)) {
            db.migrate();
            // the centre's limits for new tickets: the gateway's configuration (desks on a shared store follow it)
            new TimingPolicyHistory(db.dsl(), Clock.systemUTC()).record(config.timing());
            DataKeySetup.Found dataKey = DataKeySetup.attach(db, boot.folder().root());
            if (!dataKey.hasKey()) {
                // intake would have to store callers in clear: the gateway does not take requests without the key
                PrintWriter err = spec.commandLine().getErr();
                err.println(Messages.of(root.messages().language(), KeysCommand.BUNDLE).get("gateway.noDataKey", dataKey.problem()));
                err.flush();
                return NO_DATA_KEY;
            }
            AtomicReference<ConnectionState> state = new AtomicReference<>(ConnectionState.CONNECTED);
            Gateway.Intakes intakes = GatewayWiring.intakes(db, Clock.systemUTC());
            try (StoreControl keys = StoreControl.serve(settings, db).orElse(null);
                 ConnectionMonitor monitor = new ConnectionMonitor(db, Duration.ofSeconds(2), state::set);
                 var following = GatewayWiring.follow(db, intakes);
                 // the server that runs all day keeps the audit log within its retention
                 var purge = AuditPurgeSchedule.daily(AuditSinks.of(db), Clock.systemUTC());
                 var patrolPurge = PatrolWiring.dailyPurge(db, Clock.systemUTC());
                 Gateway gateway = Gateway.start(address, listenOn, () -> new Gateway.Health(
                         state.get() == ConnectionState.CONNECTED, state.get().name(), VersionInfo.version()),
                         intakes, RateLimiter.DEFAULT, tls)) {
                root.out().println(root.messages().get("cli.gateway.listening", (tls == null ? "http://" : "https://") + address,
                        Integer.toString(gateway.port()),
                        settings.describeTarget()));
                root.out().flush();
                stop.await();
            }
        } finally {
            RUNNING.set(null);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is what stopped us
            }
        }
        return 0;
    }
}
