package org.griddesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.griddesk.dispatch.ItemSuggestions;
import org.griddesk.domain.calendar.DayKind;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.learn.BreachCase;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachModels;
import org.griddesk.learn.BreachTrainer;
import org.griddesk.learn.HeldOutCheck;
import org.griddesk.learn.ItemModel;
import org.griddesk.learn.ItemModelTrainer;
import org.griddesk.learn.ItemModels;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.learn.BreachCases;
import org.griddesk.store.learn.ItemExamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/// `griddesk learn …`: models learnt from the store's history.
@Command(name = "learn", mixinStandardHelpOptions = true, subcommands = {LearnCommand.Items.class, LearnCommand.Risk.class})
final class LearnCommand extends CommandGroup {
    /// the last days of the history held out to check a model on
    static final Duration CHECK_DAYS = Duration.ofDays(61);

    /// What a model learns from, read from the data folder's store (migrated first).
    static <T> T fromStore(Bootstrap boot, java.util.function.Function<Database, T> read) {
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            return read.apply(db);
        }
    }

    /// `learn items`: trains the item model from every ticket with an item, checks it first on the
    /// last two months (trained on the months before), writes it to the data folder.
    @Command(name = "items", mixinStandardHelpOptions = true)
    static final class Items implements Callable<Integer> {
        @ParentCommand
        LearnCommand learn;

        @Override
        public Integer call() {
            GridDeskCommand root = learn.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            Instant now = Clock.systemUTC().instant();
            List<ItemModelTrainer.Example> examples = fromStore(boot, db -> new ItemExamples(db.dsl()).reportedBefore(now));
            if (examples.size() < ItemModelTrainer.MIN_EXAMPLES) {
                learn.err().println(root.messages().get("cli.learn.items.tooFew", examples.size(), ItemModelTrainer.MIN_EXAMPLES));
                return 2;
            }
            Instant cut = HeldOutCheck.cutBefore(examples, CHECK_DAYS);
            long before = examples.stream().filter(e -> e.reportedAt().isBefore(cut)).count();
            if (before >= ItemModelTrainer.MIN_EXAMPLES) {
                HeldOutCheck check = HeldOutCheck.of(examples, cut, now, ItemSuggestions.CONFIDENT);
                root.out().println(root.messages().get("cli.learn.items.check", CHECK_DAYS.toDays(), check.heldOut(),
                        check.trained(), check.top1() * 100, check.top3() * 100, check.confidentShare() * 100,
                        check.confidentRight() * 100));
            }
            long start = System.nanoTime();
            ItemModels models = ItemModels.in(boot.folder().root());
            ItemModel model = models.retrain(() -> examples, now);
            root.out().println(root.messages().get("cli.learn.items.trained", model.facts().examples(), model.items().size(),
                    model.featureCount(), (System.nanoTime() - start) / 1e9, models.file()));
            return 0;
        }
    }

    /// `learn risk`: trains the breach-risk model from every dispatched ticket whose outcome is
    /// known, checks it first on the last two months against the 20 % rule, writes it to the data
    /// folder. The desk colours tickets by it only when it beat the rule.
    @Command(name = "risk", mixinStandardHelpOptions = true)
    static final class Risk implements Callable<Integer> {
        @ParentCommand
        LearnCommand learn;

        @Override
        public Integer call() {
            GridDeskCommand root = learn.root;
            Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
            Instant now = Clock.systemUTC().instant();
            List<BreachCase> cases = fromStore(boot, db -> new BreachCases(db.dsl()).all());
            WorkCalendar calendar = fromStore(boot, db -> new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar());
            long start = System.nanoTime();
            BreachModels models = BreachModels.in(boot.folder().root());
            BreachModel model;
            try {
                model = models.retrain(() -> cases, now, d -> calendar.kindOf(d) == DayKind.HOLIDAY);
            } catch (IllegalArgumentException tooFew) {
                long known = cases.stream().filter(c -> c.missed(now) != null).count();
                learn.err().println(root.messages().get("cli.learn.risk.tooFew", known,
                        BreachTrainer.MIN_MOMENTS / BreachTrainer.MOMENTS_PER_CASE));
                return 2;
            }
            BreachModel.Facts f = model.facts();
            if (f.heldOut() > 0 && Double.isFinite(f.brier())) {
                root.out().println(root.messages().get("cli.learn.risk.check", f.heldOut(), f.brier(), f.auc(), f.ruleBrier(), f.ruleAuc(),
                        root.messages().get(f.beatsRule() ? "cli.learn.risk.used" : "cli.learn.risk.notUsed")));
            } else {
                root.out().println(root.messages().get("cli.learn.risk.unchecked"));
            }
            root.out().println(root.messages().get("cli.learn.risk.trained", f.cases(), (System.nanoTime() - start) / 1e9, models.file()));
            return 0;
        }
    }
}
