package org.griddesk.app;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.griddesk.domain.district.VisitHousehold.Category;
import org.griddesk.domain.visit.VisitFrequency;
import org.griddesk.domain.visit.VisitSchedule;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/// `griddesk visits …`: the duty visits' configuration as an administrator sets it from the console.
@Command(name = "visits", mixinStandardHelpOptions = true, subcommands = VisitsCommand.Frequencies.class)
final class VisitsCommand extends CommandGroup {

    /// `visits frequencies [--set GROUP=FREQUENCY]…`: the frequencies in force, each group's set at
    /// once (all or nothing, recorded in the audit log); desks and gateways use them on their next read.
    @Command(name = "frequencies", mixinStandardHelpOptions = true)
    static final class Frequencies implements Callable<Integer> {
        @ParentCommand
        VisitsCommand visits;

        @Option(names = "--set", paramLabel = "GROUP=FREQUENCY", descriptionKey = "visits.frequencies.set")
        List<String> changes = List.of();

        @Override
        public Integer call() {
            Messages m = visits.root.messages();
            Map<String, String> asked = new LinkedHashMap<>();
            for (String change : changes) {
                String[] parts = change.split("=", 2);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new IllegalArgumentException(m.get("cli.visits.notAChange", change));
                }
                String group = parts[0].strip().toUpperCase(java.util.Locale.ROOT);
                if (asked.put(VisitSchedule.PROPERTY_PREFIX + group, parts[1].strip().toUpperCase(java.util.Locale.ROOT)) != null) {
                    throw new IllegalArgumentException(m.get("cli.visits.twice", group));
                }
            }
            Bootstrap boot = visits.root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
                db.migrate();
                VisitRepository repository = new VisitRepository(db.dsl());
                // read after the changes: a value stored wrong by hand is mended by setting its group
                if (!asked.isEmpty()) {
                    String wrong = firstWrong(asked, m); // every change checked before any is written
                    if (wrong != null) {
                        visits.err().println(m.get("cli.visits.refused", wrong));
                        return 2;
                    }
                    SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), Clock.systemUTC());
                    asked.forEach((key, value) -> {
                        properties.put(key, value);
                        ConsoleAudit.record(db, AuditAction.CONFIGURATION_CHANGED, key, value);
                    });
                }
                print(repository.schedule(), m);
            }
            return 0;
        }

        /// What is wrong with the first change that names no group or no frequency, in the user's words; null when none.
        private static String firstWrong(Map<String, String> asked, Messages m) {
            for (Map.Entry<String, String> change : asked.entrySet()) {
                String group = change.getKey().substring(VisitSchedule.PROPERTY_PREFIX.length());
                if (java.util.Arrays.stream(Category.values()).noneMatch(c -> c.name().equals(group))) {
                    return m.get("cli.visits.noGroup", group);
                }
                if (java.util.Arrays.stream(VisitFrequency.values()).noneMatch(f -> f.name().equals(change.getValue()))) {
                    return m.get("cli.visits.noFrequency", group, change.getValue());
                }
            }
            return null;
        }

        private void print(VisitSchedule schedule, Messages m) {
            boolean chinese = m.language() == Language.ZH_CN;
            visits.root.out().println(m.get("cli.visits.heading"));
            for (Category group : Category.values()) {
                VisitFrequency frequency = schedule.frequencies().get(group);
                boolean changed = frequency != VisitSchedule.DEFAULT.frequencies().get(group);
                visits.root.out().println(m.get("cli.visits.line", group.name(), chinese ? group.zhName() : "",
                        m.get("cli.visits.frequency." + frequency.name()), changed ? m.get("cli.visits.notDefault") : ""));
            }
        }
    }
}
