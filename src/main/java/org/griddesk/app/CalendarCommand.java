package org.griddesk.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.HolidayNotice;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.district.DistrictChangeKind;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk calendar …`: how an administrator loads and checks the working-day calendar.
@Command(name = "calendar", mixinStandardHelpOptions = true,
        subcommands = {CalendarCommand.Import.class, CalendarCommand.Show.class, CalendarCommand.Due.class})
final class CalendarCommand extends CommandGroup {

    /// Opens the store (migrating it if needed) and hands its calendar repository to `work`.
    <T> T withCalendar(Function<CalendarRepository, T> work) {
        return withStore((db, calendar) -> work.apply(calendar));
    }

    /// The same, with the store too (for its audit log).
    <T> T withStore(BiFunction<Database, CalendarRepository, T> work) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            return work.apply(db, new CalendarRepository(db.dsl(), Clock.systemUTC()));
        }
    }

    /// `calendar import FILE`: all or nothing.
    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @ParentCommand
        CalendarCommand calendar;

        @Parameters(paramLabel = "FILE", descriptionKey = "calendar.import.file")
        Path file;

        @Override
        public Integer call() throws Exception {
            Messages messages = calendar.root.messages();
            PrintWriter out = calendar.root.out();
            HolidayNotice notice;
            try {
                notice = HolidayNoticeFile.read(file);
            } catch (HolidayNotice.InvalidNoticeException e) {
                PrintWriter err = calendar.err();
                err.println(messages.get("cli.calendar.invalid", file));
                e.problems().forEach(p -> err.println("  - " + p));
                return 2;
            }
            long off = notice.days().stream().filter(d -> d.offDay()).count();
            calendar.withStore((db, repo) -> {
                repo.importNotice(notice, file.toAbsolutePath().toString());
                ConsoleAudit.districtChanged(db, AuditAction.CONFIGURATION_CHANGED, DistrictChangeKind.CALENDAR,
                        "calendar " + notice.year(),
                        "holiday notice imported from " + file.toAbsolutePath() + ": " + off + " days off, "
                                + (notice.days().size() - off) + " working weekend days");
                return null;
            });
            out.println(messages.get("cli.calendar.imported", notice.year(), off, notice.days().size() - off));
            return 0;
        }
    }

    /// `calendar show YYYY-MM`: a month with holidays and swapped working days marked.
    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @ParentCommand
        CalendarCommand calendar;

        @Parameters(paramLabel = "YYYY-MM", descriptionKey = "calendar.show.month")
        String month;

        @Override
        public Integer call() {
            YearMonth ym;
            try {
                ym = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + month + "' is not a month YYYY-MM");
            }
            WorkCalendar workCalendar = calendar.withCalendar(CalendarRepository::workCalendar);
            calendar.root.out().print(MonthSheet.render(workCalendar, ym, calendar.root.messages()));
            return 0;
        }
    }

    /// `calendar due --from 2026-09-30T10:00 --class general`: the due instant of a deadline.
    @Command(name = "due", mixinStandardHelpOptions = true)
    static final class Due implements Callable<Integer> {
        @ParentCommand
        CalendarCommand calendar;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DDTHH:MM", descriptionKey = "calendar.due.from")
        String from;

        @Option(names = "--class", required = true, paramLabel = "urgent|general|statutory", descriptionKey = "calendar.due.class")
        String deadlineClass;

        @Option(names = "--days", paramLabel = "N", descriptionKey = "calendar.due.days")
        Integer days;

        @Override
        public Integer call() {
            LocalDateTime start;
            try {
                start = LocalDateTime.parse(from.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--from '" + from + "' is not a time YYYY-MM-DDTHH:MM (Asia/Shanghai)");
            }
            DeadlineClass cls = DeadlineClass.parse(deadlineClass).orElseThrow(() ->
                    new IllegalArgumentException("--class '" + deadlineClass + "': use urgent, general or statutory"));
            if (cls == DeadlineClass.STATUTORY && days == null) {
                throw new IllegalArgumentException("--class statutory needs --days N");
            }
            DeadlinePolicy policy = cls == DeadlineClass.STATUTORY ? DeadlinePolicy.statutory(days)
                    : new DeadlinePolicy(cls, days == null ? cls.defaultDays() : days);
            WorkCalendar workCalendar = calendar.withCalendar(CalendarRepository::workCalendar);
            Instant accepted = start.atZone(WorkCalendar.ZONE).toInstant();
            Instant due = workCalendar.dueAt(accepted, policy.workingDays());
            LocalDate dueDay = workCalendar.dueDay(due);
            Messages messages = calendar.root.messages();
            var locale = messages.language().locale();
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            calendar.root.out().println(messages.get("cli.calendar.due",
                    time.format(start), start.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                    messages.get("deadline." + cls.name()), policy.workingDays(),
                    dueDay + " 24:00", dueDay.getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                    due.toString()));
            for (int year = start.getYear(); year <= dueDay.getYear(); year++) {
                if (!workCalendar.hasNotice(year)) {
                    calendar.root.out().println(messages.get("cli.calendar.noNotice", year));
                }
            }
            return 0;
        }
    }

    /// The text of one month, weeks from Monday.
    static final class MonthSheet {
        private MonthSheet() {
        }

        static String render(WorkCalendar calendar, YearMonth month, Messages messages) {
            boolean zh = messages.language() == Language.ZH_CN;
            StringBuilder s = new StringBuilder();
            s.append(messages.get("cli.calendar.month", month.getYear(), month.getMonthValue())).append('\n');
            for (DayOfWeek d : DayOfWeek.values()) {
                String name = d.getDisplayName(TextStyle.NARROW_STANDALONE, messages.language().locale());
                s.append(zh ? "  " + name + " " : String.format("%-5s", d.getDisplayName(TextStyle.SHORT, messages.language().locale())));
            }
            s.append('\n');
            LocalDate first = month.atDay(1);
            s.append("     ".repeat(first.getDayOfWeek().getValue() - 1));
            List<LocalDate[]> runs = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                DayKind kind = calendar.kindOf(day);
                String mark = switch (kind) {
                    case HOLIDAY -> zh ? "休" : "H ";
                    case SWAPPED_WORKDAY -> zh ? "班" : "W ";
                    default -> "  ";
                };
                s.append(String.format("%2d", day.getDayOfMonth())).append(mark).append(' ');
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    s.append('\n');
                }
                if (kind == DayKind.HOLIDAY || kind == DayKind.SWAPPED_WORKDAY) {
                    LocalDate[] last = runs.isEmpty() ? null : runs.getLast();
                    boolean continues = last != null && last[1].plusDays(1).equals(day)
                            && calendar.kindOf(last[1]) == kind && calendar.holidayName(last[1]).equals(calendar.holidayName(day));
                    if (continues) {
                        last[1] = day;
                    } else {
                        runs.add(new LocalDate[] {day, day});
                    }
                }
            }
            if (month.atEndOfMonth().getDayOfWeek() != DayOfWeek.SUNDAY) {
                s.append('\n');
            }
            s.append(messages.get("cli.calendar.legend")).append('\n');
            for (LocalDate[] run : runs) {
                String dates = run[0].equals(run[1]) ? run[0].toString() : run[0] + ".." + run[1];
                s.append("  ").append(dates).append(' ')
                        .append(messages.get(calendar.kindOf(run[0]) == DayKind.HOLIDAY ? "cli.calendar.off" : "cli.calendar.work"))
                        .append(' ').append(calendar.holidayName(run[0]).orElse("")).append('\n');
            }
            if (!calendar.hasNotice(month.getYear())) {
                s.append(messages.get("cli.calendar.noNotice", month.getYear())).append('\n');
            }
            return s.toString();
        }
    }
}
