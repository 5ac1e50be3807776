package org.griddesk.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.griddesk.domain.digest.HotlineDigest;
import org.griddesk.domain.digest.DigestSettings;
import org.griddesk.domain.digest.Spike;
import org.griddesk.security.AuditAction;
import org.griddesk.store.DataKeySetup;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.digest.DigestRefused;
import org.griddesk.store.digest.HotlineDigestService;
import org.griddesk.supervise.ExportFile;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/// `griddesk digest --day 2026-11-30 --out FILE.csv`: the day's 专线舆情 digest as CSV (UTF-8 with a
/// byte-order mark, for Excel), its headlines on the console. The file is checked before the store is
/// opened, so that one that cannot be written (or is not a .csv) fails at once with the reason; a day
/// that is not a day, or has not come, is answered with a message and exit 2, and the file is left as it
/// was. The digest is written through [ExportFile] (whole or not at all). Recorded as EXPORTED by the console.
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "专线舆情日报（热点类别/事项/词语、热点区域、重复来电、群体性事件苗头）导出为 CSV / the daily hotline digest as CSV")
final class DigestCommand implements Callable<Integer> {
    /// The digest's days are Beijing days (the service's zone; not read from it here, so that its class,
    /// and its logger, are not loaded before the console's logging is set up).
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @ParentCommand
    GridDeskCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", descriptionKey = "griddesk.digest.day", description = "日期（北京时间），默认昨天 / the day (Beijing time), yesterday by default")
    String day;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", descriptionKey = "griddesk.digest.out", description = "写入的 CSV 文件 / the CSV file to write")
    Path out;

    @Override
    public Integer call() throws IOException {
        Messages words = Messages.of(root.messages().language(), DigestRefused.BUNDLE);
        PrintWriter err = spec.commandLine().getErr();
        LocalDate date;
        try {
            date = day == null ? LocalDate.now(Clock.system(BEIJING)).minusDays(1) : LocalDate.parse(day.strip());
        } catch (DateTimeParseException e) {
            err.println(words.get("digest.cli.badDay", day));
            return 2;
        }
        if (!out.toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            err.println(words.get("digest.cli.notCsv", out));
            return 2;
        }
        try {
            ExportFile.check(out); // before the store (and before the service's class, whose logger would start logging unset)
        } catch (ExportFile.Unwritable e) {
            err.println(words.get("digest.cli.unwritable", out, e.reason(words.language())));
            return 2;
        }
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            DataKeySetup.attach(db, boot.folder().root()); // masked phones of repeat callers
            HotlineDigestService service = new HotlineDigestService(db.dsl(), Clock.systemUTC(), AuditSinks.of(db), DigestSettings.DEFAULT);
            try {
                service.checkDay(date);
            } catch (DigestRefused e) {
                err.println(words.get(e.messageKey(), e.args()));
                return 2;
            }
            long started = System.nanoTime();
            HotlineDigestService.Measured made = ExportFile.write(out, (file, part) -> service.writeTo(file, part, date, words.bundle()));
            long millis = (System.nanoTime() - started) / 1_000_000;
            ConsoleAudit.record(db, AuditAction.EXPORTED, out.toAbsolutePath().toString(),
                    HotlineDigestService.target(date) + " " + HotlineDigestService.describe(made.digest()));
            print(made, words, millis);
        }
        return 0;
    }

    private void print(HotlineDigestService.Measured made, Messages words, long millis) {
        HotlineDigest d = made.digest();
        PrintWriter console = root.out();
        console.println(words.get("digest.cli.done", d.day(), d.total(), String.format(Locale.ROOT, "%.1f", d.baselineMean()),
                d.categories().size(), d.items().size(), d.terms().size(), d.spots().size(), d.callers().size(), d.incidents().size()));
        line(console, words, "digest.section.categories", names(d.categories()));
        line(console, words, "digest.section.items", names(d.items()));
        line(console, words, "digest.section.terms", names(d.terms()));
        line(console, words, "digest.section.spots", d.spots().stream()
                .map(s -> s.areaName() + s.community().name() + " " + s.community().today()).collect(Collectors.joining("、")));
        line(console, words, "digest.section.callers", d.callers().stream()
                .map(c -> c.maskedPhone() + "×" + c.today() + "/" + c.lastSevenDays()).collect(Collectors.joining("、")));
        line(console, words, "digest.section.incidents", d.incidents().stream()
                .map(m -> m.placeName() + "「" + m.subjectName() + "」" + m.callers()).collect(Collectors.joining("、")));
        console.println(words.get("digest.cli.written", out.toAbsolutePath(), String.valueOf(millis), String.valueOf(made.countMillis()),
                String.valueOf(made.texts()), String.valueOf(made.termMillis())));
    }

    private static void line(PrintWriter console, Messages words, String section, String text) {
        if (!text.isEmpty()) {
            console.println(words.get("digest.cli.line", words.get(section), text));
        }
    }

    private static String names(List<Spike> spikes) {
        return spikes.stream().map(s -> s.name() + " " + s.today() + String.format(Locale.ROOT, "(×%.1f)", s.ratio()))
                .collect(Collectors.joining("、"));
    }
}
