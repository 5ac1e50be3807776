package org.griddesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoHistoryGenerator;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/// `griddesk`: with no subcommand it starts the dispatcher's desk.
/// Its commands are added by [GridDeskCli#commandLine], only those a command line names.
@Command(name = "griddesk", mixinStandardHelpOptions = true, versionProvider = GridDeskCommand.Version.class,
        usageHelpAutoWidth = true, sortOptions = false)
public final class GridDeskCommand implements Callable<Integer> {
    /// Every command under `griddesk`, in the order its help lists them.
    static final List<Class<?>> COMMANDS = List.of(DbCommand.class, CalendarCommand.class, DemoCommand.class, GridsCommand.class,
            DistrictCommand.class, TaxonomyCommand.class, GatewayCommand.class, ChannelsCommand.class, SimulateCommand.class, UsersCommand.class,
            AuditCommand.class, KeysCommand.class, DigestCommand.class, AssessmentCommand.class, ReportCommand.class, LearnCommand.class,
            AlarmsCommand.class, VisitsCommand.class);

    /// Administrative commands keep the console for their own output; the log file has the rest.
    static final String QUIET_CONSOLE = "OFF";

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--startup-report", hidden = true, paramLabel = "FILE",
            description = "benchmarks: write start-up timings to FILE and exit once the store is ready")
    Path startupReport;

    @Option(names = "--startup-report-whole", hidden = true,
            description = "with --startup-report: wait until the district is whole (on a first start, with its history)")
    boolean startupReportWhole;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "option.seed")
    long seed = DemoDistrictGenerator.DEFAULT_SEED;

    @Option(names = "--demo-history-days", hidden = true, paramLabel = "DAYS",
            description = "tests: days of ticket history the demo district gets on a first start")
    int demoHistoryDays = DemoHistoryGenerator.DEFAULT_DAYS;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final Messages messages;

    GridDeskCommand(Map<String, String> env, Messages messages) {
        this.env = env;
        this.messages = messages;
    }

    /// Bootstraps for any command: `consoleLevel` is what the console shows of the log.
    Bootstrap bootstrap(String consoleLevel) {
        return Bootstrap.prepare(global, env, consoleLevel);
    }

    Messages messages() {
        return messages;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public Integer call() {
        DemoCommand.checkHistoryDays("--demo-history-days", demoHistoryDays);
        Bootstrap boot;
        try {
            boot = bootstrap("INFO");
        } catch (ConfigException refused) {
            // a desk started from its icon has no console: the reason is shown in a window too
            StartupError.show(messages.get("error.config", refused.key(), refused.value(), messages.get(refused.reasonKey())),
                    messages.language().locale());
            throw refused;
        }
        GridDeskApp.launchAndWait(new DeskLaunch(boot,
                startupReport == null ? null : new StartupReport(startupReport, startupReportWhole), StartupClock.jvmStart(), seed,
                demoHistoryDays));
        return 0;
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"GridDesk 网格指挥台 " + VersionInfo.version(),
                    "Java " + Runtime.version() + " · " + System.getProperty("os.name")};
        }
    }
}
