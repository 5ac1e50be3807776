package org.griddesk.app;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.AlarmItemRepository;
import org.griddesk.store.district.DistrictRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk alarms …`: which item each kind of video alarm names, so that its ticket arrives with
/// its item and team known.
@Command(name = "alarms", mixinStandardHelpOptions = true, subcommands = {AlarmsCommand.List.class, AlarmsCommand.Map.class,
    AlarmsCommand.Unmap.class})
final class AlarmsCommand extends CommandGroup {

    private Database open() {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE);
        db.migrate();
        return db;
    }

    /// `alarms list`: every kind and its item.
    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class List implements Callable<Integer> {
        @ParentCommand
        AlarmsCommand alarms;

        @Override
        public Integer call() {
            try (Database db = alarms.open()) {
                java.util.Map<String, String[]> all = new AlarmItemRepository(db.dsl(), Clock.systemUTC()).all();
                var words = alarms.root.messages();
                if (all.isEmpty()) {
                    alarms.root.out().println(words.get("cli.alarms.none"));
                }
                all.forEach((kind, item) -> alarms.root.out().println(kind + "\t" + item[0] + "\t"
                        + (item[1] == null ? words.get("cli.alarms.itemGone") : item[1])));
            }
            return 0;
        }
    }

    /// `alarms map KIND ITEM`: ITEM is an item's code or its exact name.
    @Command(name = "map", mixinStandardHelpOptions = true)
    static final class Map implements Callable<Integer> {
        @ParentCommand
        AlarmsCommand alarms;

        @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "alarms.kind")
        String kind;

        @Parameters(index = "1", paramLabel = "ITEM", descriptionKey = "alarms.item")
        String item;

        @Override
        public Integer call() {
            var words = alarms.root.messages();
            try (Database db = alarms.open()) {
                java.util.Map<String, Item> items = new DistrictRepository(db.dsl()).taxonomy().itemsByCode();
                java.util.List<Item> named = items.values().stream().filter(i -> i.name().equals(item.strip())).toList();
                Optional<Item> chosen = Optional.ofNullable(items.get(item.strip()))
                        .or(() -> named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty());
                if (chosen.isEmpty() && named.size() > 1) {
                    alarms.err().println(words.get("cli.alarms.ambiguous", item, String.join("、", named.stream().map(Item::code).sorted().toList())));
                    return 2;
                }
                if (chosen.isEmpty()) {
                    alarms.err().println(words.get("cli.alarms.noItem", item));
                    return 2;
                }
                AlarmItemRepository kinds = new AlarmItemRepository(db.dsl(), Clock.systemUTC());
                String[] before = kinds.all().get(kind.strip());
                try {
                    kinds.map(kind, chosen.get().code());
                } catch (IllegalArgumentException refused) {
                    alarms.err().println(words.get("cli.alarms.badKind", AlarmItemRepository.MAX_KIND));
                    return 2;
                }
                ConsoleAudit.record(db, AuditAction.CONFIGURATION_CHANGED, "alarm-kind:" + kind.strip(),
                        "mapped to " + chosen.get().code() + (before == null ? "" : " (was " + before[0] + ")"));
                alarms.root.out().println(words.get("cli.alarms.mapped", kind.strip(), chosen.get().code(), chosen.get().name()));
            }
            return 0;
        }
    }

    /// `alarms unmap KIND`.
    @Command(name = "unmap", mixinStandardHelpOptions = true)
    static final class Unmap implements Callable<Integer> {
        @ParentCommand
        AlarmsCommand alarms;

        @Parameters(index = "0", paramLabel = "KIND", descriptionKey = "alarms.kind")
        String kind;

        @Override
        public Integer call() {
            var words = alarms.root.messages();
            try (Database db = alarms.open()) {
                if (!new AlarmItemRepository(db.dsl(), Clock.systemUTC()).unmap(kind)) {
                    alarms.err().println(words.get("cli.alarms.notMapped", kind));
                    return 2;
                }
                ConsoleAudit.record(db, AuditAction.CONFIGURATION_CHANGED, "alarm-kind:" + kind.strip(), "unmapped");
                alarms.root.out().println(words.get("cli.alarms.unmapped", kind.strip()));
            }
            return 0;
        }
    }
}
