package org.griddesk.app;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.griddesk.domain.assessment.ScoreKey;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.security.AuditAction;
import org.griddesk.store.Database;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.assessment.ScoreWeightsRepository;
import org.griddesk.ui.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/// `griddesk assessment …`: the assessment's settings at the console.
@Command(name = "assessment", mixinStandardHelpOptions = true, description = "考评设置", subcommands = {AssessmentCommand.Weights.class})
final class AssessmentCommand extends CommandGroup {
    <T> T withWeights(java.util.function.BiFunction<Database, ScoreWeightsRepository, T> work) {
        Bootstrap boot = root.bootstrap(GridDeskCommand.QUIET_CONSOLE);
        try (Database db = Database.open(boot.config().databaseSettings(boot.folder()), ThreadGuard.NONE)) {
            db.migrate();
            return work.apply(db, new ScoreWeightsRepository(db.dsl(), Clock.systemUTC()));
        }
    }

    Messages messages() {
        return Messages.of(root.messages().language(), ReportCommand.BUNDLE);
    }

    /// `assessment weights`: the formula's weights and deductions with their defaults.
    @Command(name = "weights", mixinStandardHelpOptions = true, description = "查看考评权重与扣分（set KEY VALUE 修改）",
            subcommands = {Weights.Set.class})
    static final class Weights implements Callable<Integer> {
        @ParentCommand
        AssessmentCommand assessment;

        @Override
        public Integer call() {
            ScoreWeights weights = assessment.withWeights((db, repo) -> repo.current());
            Messages m = assessment.messages();
            var out = assessment.root.out();
            out.println(m.get("cli.weights.header"));
            for (ScoreKey k : ScoreKey.values()) {
                out.println(String.format(Locale.ROOT, "  %-20s %8s   %s", k.key(), number(weights.get(k)),
                        m.get("cli.weights.row", number(k.defaultValue()), m.get("weight." + k.key()))));
            }
            out.println(m.get("cli.weights.formula"));
            return 0;
        }

        /// `assessment weights set KEY VALUE`: checked whole (bad key or value: message, exit 2, nothing written); audited.
        @Command(name = "set", mixinStandardHelpOptions = true, description = "修改一项考评参数")
        static final class Set implements Callable<Integer> {
            @ParentCommand
            Weights weights;

            @Parameters(index = "0", paramLabel = "KEY", descriptionKey = "griddesk.assessment.weights.set.KEY", description = "如 weight.response、deduct.overdue")
            String key;

            @Parameters(index = "1", paramLabel = "VALUE", descriptionKey = "griddesk.assessment.weights.set.VALUE", description = "0 到 100 的数")
            String value;

            @Override
            public Integer call() {
                AssessmentCommand assessment = weights.assessment;
                String by = "console:" + System.getProperty("user.name", "?");
                ScoreWeightsRepository.Change change = assessment.withWeights((db, repo) -> {
                    ScoreWeightsRepository.Change c = repo.set(key, value, by);
                    ConsoleAudit.record(db, AuditAction.CONFIGURATION_CHANGED, "assessment " + c.key().key(),
                            "assessment weight " + c.key().key() + " changed from " + number(c.before().get(c.key())) + " to "
                                    + number(c.after().get(c.key())));
                    return c;
                });
                assessment.root.out().println(assessment.messages().get("cli.weights.changed", change.key().key(),
                        number(change.before().get(change.key())), number(change.after().get(change.key()))));
                return 0;
            }
        }
    }

    static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
