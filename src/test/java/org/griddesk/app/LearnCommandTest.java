package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.learn.BreachCase;
import org.griddesk.learn.BreachModel;
import org.griddesk.learn.BreachModels;
import org.griddesk.learn.ItemModels;
import org.griddesk.learn.ItemSuggestion;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.learn.BreachCases;
import org.griddesk.store.learn.ItemExamples;
import org.griddesk.testsupport.TestDataKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk learn items` and `learn risk` on a store with 75 days of demo history: checked on the
/// last 61 days, trained on all of it, written where the desk reads it; a damaged model file is
/// replaced; a store without history is refused plainly.
class LearnCommandTest {
    @TempDir
    Path dataDir;

    @Test
    void trainsOnTheStoresTicketsChecksItAndWritesTheModelWhereTheDeskReadsIt() throws Exception {
        var now = Instant.now();
        java.util.List<org.griddesk.learn.ItemModelTrainer.Example> examples;
        java.util.List<BreachCase> cases;
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            TestDataKeys.attach(db);
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 75, now, step -> { });
            examples = new ItemExamples(db.dsl()).reportedBefore(now.plusSeconds(60));
            cases = new BreachCases(db.dsl()).all();
        }
        Path file = dataDir.resolve(ItemModels.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "damaged");
        assertThat(ItemModels.in(dataDir).current()).as("a damaged file is not used").isEmpty();
        assertThat(ItemModels.in(dataDir).unusable()).contains("damaged");

        CliRun run = CliRun.in(dataDir, "learn", "items");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("检验：", "最近 61 天", "已训练事项推荐模型", examples.size() + " 件工单", file.toString());

        ItemModels models = ItemModels.in(dataDir);
        assertThat(models.current()).isPresent();
        assertThat(models.current().get().facts().examples()).isEqualTo(examples.size());
        assertThat(models.due(now)).isFalse();
        // the model names the item of most of the store's own tickets first
        long right = examples.stream().filter(e -> models.current().get().suggest(e.text(), 1).stream()
                .map(ItemSuggestion::itemCode).anyMatch(e.itemCode()::equals)).count();
        assertThat((double) right / examples.size()).isGreaterThan(0.8);

        // the breach-risk model from the same store's trails
        assertThat(cases).hasSizeGreaterThan(1000).allSatisfy(c -> {
            assertThat(c.teamId()).isNotBlank();
            assertThat(c.dispatchedAt()).isAfterOrEqualTo(c.startedAt());
            assertThat(c.dueAt()).isAfter(c.startedAt());
        });
        double missed = cases.stream().filter(c -> Boolean.TRUE.equals(c.missed(now))).count() / (double) cases.size();
        assertThat(missed).as("the demo history misses about one deadline in fifteen").isBetween(0.02, 0.15);
        Path riskFile = dataDir.resolve(BreachModels.FILE);
        Files.writeString(riskFile, "damaged");
        CliRun risk = CliRun.in(dataDir, "learn", "risk");
        assertThat(risk.code()).as(risk.err()).isZero();
        assertThat(risk.out()).contains("检验：", "Brier", "AUC", "已训练超期风险模型", riskFile.toString());
        BreachModels breach = BreachModels.in(dataDir);
        assertThat(breach.current()).isPresent();
        BreachModel.Facts facts = breach.current().get().facts();
        assertThat(facts.heldOut()).isPositive();
        assertThat(facts.auc()).as("better than a coin on the last 61 days").isGreaterThan(0.6);
        assertThat(risk.out()).contains(facts.beatsRule() ? "模型优于规则" : "模型未优于规则");
    }

    @Test
    void aStoreWithoutHistoryIsRefusedAndNoModelIsWritten() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            TestDataKeys.attach(db);
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, 0, Instant.now(), step -> { });
        }
        CliRun run = CliRun.in(dataDir, "learn", "items", "--lang", "en");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Too few tickets with an item", "no model trained");
        assertThat(dataDir.resolve(ItemModels.FILE)).doesNotExist();
        CliRun risk = CliRun.in(dataDir, "learn", "risk", "--lang", "en");
        assertThat(risk.code()).isEqualTo(2);
        assertThat(risk.err()).contains("Too few dispatched tickets", "no model trained");
        assertThat(dataDir.resolve(BreachModels.FILE)).doesNotExist();
    }
}
