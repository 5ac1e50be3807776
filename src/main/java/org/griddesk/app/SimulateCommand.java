package org.griddesk.app;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.security.ApiKeys;
import org.griddesk.simulate.FieldWorkers;
import org.griddesk.simulate.PatrolWalkers;
import org.griddesk.simulate.Scenery;
import org.griddesk.simulate.Simulation;
import org.griddesk.simulate.TrafficModel;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk simulate --rate 2/s --duration 10m`: posts realistic traffic from every channel to a
/// gateway through its HTTP API. Without `--keys`, it makes a key per channel in the configured
/// store (labelled `simulator`) and reads the district from it; with `--keys FILE` (lines
/// `HOTLINE_8890=gdk_…`) it needs no store and uses the demo district's geography.
@Command(name = "simulate", mixinStandardHelpOptions = true)
final class SimulateCommand implements Callable<Integer> {
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|min|m|h))?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h)?");
    /// the share of reports placed in the simulated workers' grids
    static final double WORKERS_SHARE = 0.1;
    private static final Pattern SHARE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(%)?");

    @ParentCommand
    GridDeskCommand root;

    @Option(names = "--url", paramLabel = "URL", descriptionKey = "simulate.url")
    String url;

    @Option(names = "--rate", paramLabel = "N/s", defaultValue = "2/s", descriptionKey = "simulate.rate")
    String rate;

    @Option(names = "--duration", paramLabel = "TIME", defaultValue = "10m", descriptionKey = "simulate.duration")
    String duration;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", descriptionKey = "simulate.seed")
    long seed;

    @Option(names = "--keys", paramLabel = "FILE", descriptionKey = "simulate.keys")
    Path keysFile;

    @Option(names = "--patrols", paramLabel = "N", defaultValue = "60", descriptionKey = "patrol.simulate.count")
    int patrols;

    @Option(names = "--worker-token", paramLabel = "TOKEN", descriptionKey = "patrol.simulate.token")
    String workerToken;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "10", descriptionKey = "simulate.workers")
    int workers;

    @Option(names = "--worker-tokens", paramLabel = "FILE", descriptionKey = "simulate.workerTokens")
    Path workerTokensFile;

    @Option(names = "--work-hour", paramLabel = "TIME", defaultValue = "1m", descriptionKey = "simulate.workHour")
    String workHour;

    @Option(names = "--check-fail", paramLabel = "RATE", defaultValue = "15%", descriptionKey = "simulate.checkFail")
    String checkFail;

    @Option(names = "--resend", paramLabel = "RATE", defaultValue = "5%", descriptionKey = "simulate.resend")
    String resend;

    @Option(names = "--prepare", descriptionKey = "simulate.prepare")
    boolean prepare;

    @Override
    public Integer call() throws InterruptedException, IOException {
        double perSecond = rate(rate);
        Duration length = duration(duration);
        if (workers < 0 || workers > 2000) {
            throw new IllegalArgumentException("--workers is between 0 and 2000");
        }
        FieldWorkers.Pace pace = FieldWorkers.Pace.DEFAULT.withHour(duration(workHour)).withCheckFailRate(share("--check-fail", checkFail))
                .withResendRate(share("--resend", resend));
        if (prepare) {
            return prepare(root.bootstrap(GridDeskCommand.QUIET_CONSOLE));
        }
        List<String> workerTokens = workerTokensFile == null ? new ArrayList<>() : readTokens(workerTokensFile);
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        URI gateway = URI.create(url != null ? url : "http://127.0.0.1:" + boot.config().gatewayPort());
        Map<Channel, String> keys;
        Scenery scenery;
        if (keysFile != null) {
            keys = readKeys(keysFile);
            scenery = Scenery.of(new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate());
        } else {
            keys = new EnumMap<>(Channel.class);
            try (Database db = open(boot)) {
                db.migrate();
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (!district.hasDistrict()) {
                    throw new IllegalArgumentException("the store has no district yet: start the desk once, or run griddesk demo generate");
                }
                scenery = Scenery.of(district);
                keys.putAll(makeKeys(new ChannelKeyRepository(db.dsl(), Clock.systemUTC())));
                if (workerToken == null && patrols > 0) {
                    workerToken = SimulatedWorker.token(db).orElse(null);
                }
                if (workerTokensFile == null) {
                    workerTokens.addAll(SimulatedCrew.tokens(db, workers, seed));
                }
            }
        }
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        root.out().println(root.messages().get("cli.simulate.start", gateway.toString(), Double.toString(perSecond),
                length.toString()));
        List<String> crew = workerTokens.subList(0, Math.min(workers, workerTokens.size()));
        root.out().println(crew.isEmpty() && workers > 0 ? cliText("simulate.workers.none")
                : cliText("simulate.workers.start", crew.size(), workHour.strip(), percent(pace.checkFailRate()),
                        percent(pace.resendRate())));
        root.out().flush();
        TrafficModel model = new TrafficModel(scenery, seed, run);
        try (Simulation simulation = new Simulation(gateway, keys, model, perSecond);
             PatrolWalkers walkers = new PatrolWalkers(gateway, workerToken, scenery, workerToken == null ? 0 : patrols, seed,
                     Duration.ofSeconds(30), Duration.ofSeconds(5));
             FieldWorkers field = new FieldWorkers(gateway, crew, scenery, seed, pace, run)) {
            // a tenth of the reports land in the workers' grids, so that they have some to verify
            model.focusOn(field::grids, field.workers() > 0 ? WORKERS_SHARE : 0);
            simulation.start();
            walkers.start();
            field.start();
            long end = System.nanoTime() + length.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                root.out().println("  " + simulation.tally().summary());
                if (walkers.walkers() > 0) {
                    root.out().println("  " + walkers.tally().summary());
                }
                if (field.workers() > 0) {
                    root.out().println("  " + field.tally().summary());
                }
                root.out().flush();
            }
            simulation.close();
            field.close();
            Simulation.Tally tally = simulation.tally();
            root.out().println(root.messages().get("cli.simulate.done", tally.summary(), tally.byKind().toString()));
            FieldWorkers.Tally work = field.tally();
            if (field.workers() > 0) {
                root.out().println(cliText("simulate.workers.done", work.visits(), work.visitsKnown(), work.verifications(), work.unreal(),
                        work.checksPassed(), work.checksFailed(), work.resends(), work.resendsSame(), work.refused(), work.failed()));
            }
            return tally.failed() > 0 || work.failed() > 0 || work.resendsSame() < work.resends() ? 1 : 0;
        }
    }

    /// `--prepare`: the channel keys and the workers' tokens made in the configured store and written
    /// to the files `--keys` and `--worker-tokens` name, for a simulation against a desk or gateway
    /// that will hold the embedded store while it runs. Files already there are not overwritten.
    private int prepare(Bootstrap boot) throws IOException {
        if (keysFile == null && workerTokensFile == null) {
            throw new IllegalArgumentException("--prepare writes the files named by --keys FILE and --worker-tokens FILE: name one or both"
                    + " / --prepare 写入 --keys 与 --worker-tokens 所指的文件：请至少给出其一");
        }
        for (Path file : new Path[] {keysFile, workerTokensFile}) {
            if (file != null && Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists already: not overwritten / 文件已存在，不覆盖");
            }
        }
        try (Database db = open(boot)) {
            db.migrate();
            if (!new DistrictRepository(db.dsl()).hasDistrict()) {
                throw new IllegalArgumentException("the store has no district yet: start the desk once, or run griddesk demo generate");
            }
            int keyCount = 0;
            if (keysFile != null) {
                Map<Channel, String> keys = makeKeys(new ChannelKeyRepository(db.dsl(), Clock.systemUTC()));
                writeSecret(keysFile, keys.entrySet().stream().map(e -> e.getKey().name() + "=" + e.getValue()).toList());
                keyCount = keys.size();
            }
            int tokenCount = 0;
            if (workerTokensFile != null) {
                List<String> tokens = SimulatedCrew.tokens(db, workers, seed);
                if (tokens.isEmpty() && workers > 0) {
                    throw new IllegalArgumentException("this store has no demo administrators to make simulated workers: issue tokens with "
                            + "griddesk users token issue / 此库没有演示管理员，无法建立模拟网格员：请用 griddesk users token issue 签发令牌");
                }
                writeSecret(workerTokensFile, tokens);
                tokenCount = tokens.size();
            }
            root.out().println(cliText("simulate.prepared", keyCount, keysFile == null ? "-" : keysFile.toString(), tokenCount,
                    workerTokensFile == null ? "-" : workerTokensFile.toString()));
            return 0;
        }
    }

    /// Keys and tokens are secrets: the file readable by its owner only where the file system says so.
    private static void writeSecret(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, java.nio.file.StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file sits in the user's own folder
        }
    }

    /// The configured store; an embedded one in use by a running desk or gateway says what to do instead.
    private static Database open(Bootstrap boot) {
        var settings = boot.config().databaseSettings(boot.folder());
        try {
            return Database.open(settings, ThreadGuard.NONE);
        } catch (RuntimeException e) {
            if (settings.kind() == DatabaseKind.H2) {
                throw new IllegalStateException("the embedded store is in use by a running desk or gateway (one program at a "
                        + "time): make keys beforehand with `griddesk channels add` and give them with --keys FILE, or switch "
                        + "on the desk's demo feed / 内置数据库正被运行中的席位或网关使用：请先用 griddesk channels add 建好密钥并以 "
                        + "--keys 文件给出，或在席位中打开“演示数据流”", e);
            }
            throw e;
        }
    }

    private static Map<Channel, String> makeKeys(ChannelKeyRepository repository) {
        Map<Channel, String> keys = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            if (channel != Channel.DESK) {
                String key = ApiKeys.newKey();
                repository.add(channel, "simulator", ApiKeys.digest(key));
                keys.put(channel, key);
            }
        }
        return keys;
    }

    private static Map<Channel, String> readKeys(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        Map<Channel, String> keys = new EnumMap<>(Channel.class);
        for (String name : properties.stringPropertyNames()) {
            keys.put(Channel.valueOf(name.strip()), properties.getProperty(name).strip());
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + " names no keys (lines such as HOTLINE_8890=gdk_…)");
        }
        return keys;
    }

    /// Worker tokens, one a line (`gdw_…`); blank lines and lines starting with `#` are skipped.
    private static List<String> readTokens(Path file) throws IOException {
        List<String> tokens = new ArrayList<>(Files.readAllLines(file).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException(file + " names no worker tokens (one gdw_… a line)");
        }
        return tokens;
    }

    /// `15%`, `0.15`: a share between 0 and 1.
    static double share(String option, String text) {
        Matcher m = SHARE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " is a share such as 15% or 0.15");
        }
        double value = Double.parseDouble(m.group(1)) / (m.group(2) == null ? 1 : 100);
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " is between 0 and 100%");
        }
        return value;
    }

    private static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }

    /// A text of `i18n/cli` in the command's language.
    private String cliText(String key, Object... args) {
        ResourceBundle bundle = Messages.bundle(GridDeskCli.CLI_BUNDLE, root.messages().language());
        return new MessageFormat(bundle.getString(key), root.messages().language().locale()).format(args);
    }

    /// `2/s`, `120/min`, `0.5` (per second).
    static double rate(String text) {
        Matcher m = RATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--rate is a number per second or minute, e.g. 2/s or 120/min");
        }
        double n = Double.parseDouble(m.group(1));
        double perSecond = m.group(2) == null || m.group(2).startsWith("s") ? n : m.group(2).equals("h") ? n / 3600 : n / 60;
        if (!(perSecond > 0 && perSecond <= 10_000)) {
            throw new IllegalArgumentException("--rate must be more than 0 and at most 10000/s");
        }
        return perSecond;
    }

    /// `30s`, `10m`, `1h`, `90` (seconds).
    static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--duration is a time such as 30s, 10m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = m.group(2) == null || m.group(2).equals("s") ? Duration.ofSeconds(n)
                : m.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofMinutes(n);
        if (d.isZero() || d.compareTo(Duration.ofDays(7)) > 0) {
            throw new IllegalArgumentException("--duration must be more than 0 and at most 7 days");
        }
        return d;
    }
}
