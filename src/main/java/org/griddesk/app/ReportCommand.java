package org.griddesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.PeriodKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.supervise.ExportFile;
import org.griddesk.supervise.bulletin.Bulletin;
import org.griddesk.supervise.bulletin.BulletinFile;
import org.griddesk.supervise.bulletin.BulletinMaker;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk report …`: reports written to files from the console.
@Command(name = "report", mixinStandardHelpOptions = true, description = "生成报告（考评专报）",
        subcommands = {ReportCommand.Assessment.class})
final class ReportCommand extends CommandGroup {
    static final String BUNDLE = "i18n/report";

    /// `report assessment --month 2026-11 | --week 2026-W47 --out FILE.pdf|FILE.xlsx`: 《考评专报》. The
    /// period (a real month or week, begun by today) and the file are checked before the store is opened;
    /// the report is audited (REPORT_MADE).
    @Command(name = "assessment", mixinStandardHelpOptions = true, description = "考评专报：月报或周报，写成 PDF 或 XLSX")
    static final class Assessment implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;

        /// what "today" is: a period that has not begun has nothing to report (its open work would be
        /// counted as overdue at an end still to come)
        Clock clock = Clock.systemUTC();

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf|FILE.xlsx", descriptionKey = "griddesk.report.assessment.out", description = "写到哪个文件（.pdf 或 .xlsx）")
        Path out;

        static final class Which {
            @Option(names = "--month", paramLabel = "YYYY-MM", descriptionKey = "griddesk.report.assessment.month", description = "月报，如 2026-11")
            String month;

            @Option(names = "--week", paramLabel = "YYYY-Www", descriptionKey = "griddesk.report.assessment.week", description = "周报，如 2026-W47")
            String week;
        }

        @Override
        public Integer call() throws Exception {
            Period period = which.month != null ? period(which.month, PeriodKind.MONTH, "--month", "2026-11")
                    : period(which.week, PeriodKind.WEEK, "--week", "2026-W47");
            Language language = report.root.messages().language();
            Messages messages = Messages.of(language, BUNDLE);
            LocalDate today = LocalDate.now(clock.withZone(WorkCalendar.ZONE));
            if (period.first().isAfter(today)) {
                report.err().println(messages.get("cli.report.notYet", (which.month != null ? which.month : which.week).strip(), today));
                return 2;
            }
            BulletinFile.Format format;
            try {
                format = BulletinFile.check(out);
            } catch (ExportFile.Unwritable e) {
                report.err().println(e.message(language));
                return 2;
            }
            Bootstrap boot = report.root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                long start = System.nanoTime();
                Bulletin bulletin = new BulletinMaker(AssessmentWiring.sources(db)).make(period);
                BulletinFile.write(bulletin, out);
                long millis = (System.nanoTime() - start) / 1_000_000;
                ConsoleAudit.record(db, AuditAction.REPORT_MADE, "考评专报 " + period.label(),
                        format + " written to " + out.toAbsolutePath());
                if (bulletin.empty()) {
                    report.root.out().println(messages.get("cli.report.empty", period.label()));
                }
                report.root.out().println(messages.get("cli.report.made", bulletin.districtName(), bulletin.periodTitle(),
                        out.toAbsolutePath(), format, millis));
            }
            return 0;
        }

        private static Period period(String text, PeriodKind kind, String option, String example) {
            Period p = Period.parse(text);
            if (p.kind() != kind) {
                throw new IllegalArgumentException(option + " '" + text + "' 不是" + kind.zhName() + "，请写成 " + example);
            }
            return p;
        }
    }
}
