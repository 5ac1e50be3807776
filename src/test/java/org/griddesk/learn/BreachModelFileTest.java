package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The breach-risk model's file: what is written reads back forecasting the same with the same
/// facts; a missing, cut, foreign, damaged or older file is refused with the reason, the desk's slot
/// then has no model (the rule serves) and trains one that replaces the file.
class BreachModelFileTest {
    private static final Instant NOW = Instant.parse("2026-07-24T01:00:00Z");

    @TempDir
    Path dir;

    private static BreachModel trained() {
        return BreachTrainer.trainChecked(TwoTeamsHistory.cases(), TwoTeamsHistory.NOW, d -> false);
    }

    @Test
    void aWrittenModelReadsBackForecastingTheSame() throws Exception {
        BreachModel model = trained();
        Path file = dir.resolve("models").resolve("breach.model");
        BreachModelFile.write(model, file);
        BreachModel read = BreachModelFile.read(file);
        assertThat(read.facts()).isEqualTo(model.facts());
        for (BreachCase c : TwoTeamsHistory.cases().subList(0, 20)) {
            BreachSnapshot s = BreachSnapshot.of(c, c.dispatchedAt().plus(Duration.ofDays(1)), 3, false);
            assertThat(read.probability(s)).isEqualTo(model.probability(s));
        }
        try (var left = Files.list(file.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("breach.model");
        }
    }

    @Test
    void aMissingCutForeignOrDamagedFileIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> BreachModelFile.read(dir.resolve("none.model"))).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("no model file");
        Path file = dir.resolve("breach.model");
        BreachModelFile.write(trained(), file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> BreachModelFile.read(file)).isInstanceOf(ModelFile.Refused.class);
        Files.write(file, ModelFiles.gzipped(ItemModelFile.MAGIC, ItemModelFile.FORMAT));
        assertThatThrownBy(() -> BreachModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("is not a breach-risk model");
        Files.writeString(file, "not gzip at all");
        assertThatThrownBy(() -> BreachModelFile.read(file)).isInstanceOf(ModelFile.Refused.class).hasMessageContaining("damaged");
        // a weight that is not a number
        var bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(BreachModelFile.MAGIC);
            out.writeInt(BreachModelFile.FORMAT);
            out.writeLong(0);
            out.writeInt(0);
            out.writeLong(0);
            out.writeInt(0);
            for (int k = 0; k < 4; k++) {
                out.writeDouble(0);
            }
            out.writeInt(BreachModel.NUMERIC);
            out.writeDouble(Double.NaN);
        }
        Files.write(file, bytes.toByteArray());
        assertThatThrownBy(() -> BreachModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("not a number");
    }

    @Test
    void aModelOfAnOlderFormatIsRefusedAndTheSlotTrainsOneThatReplacesIt() throws Exception {
        Path file = dir.resolve(BreachModels.FILE);
        Files.createDirectories(file.getParent());
        Files.write(file, ModelFiles.gzipped(BreachModelFile.MAGIC, BreachModelFile.FORMAT - 1));
        BreachModels models = BreachModels.in(dir);
        assertThat(models.current()).as("the rule serves").isEmpty();
        assertThat(models.unusable()).contains("format " + (BreachModelFile.FORMAT - 1), "trained again");
        assertThat(models.due(NOW)).isTrue();

        BreachModel model = models.retrain(TwoTeamsHistory::cases, TwoTeamsHistory.NOW, d -> false);
        assertThat(models.current()).containsSame(model);
        BreachModels reread = BreachModels.in(dir);
        assertThat(reread.current()).isPresent();
        assertThat(reread.current().get().facts()).isEqualTo(model.facts());
        assertThat(reread.due(TwoTeamsHistory.NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThat(reread.due(TwoTeamsHistory.NOW.plus(Duration.ofDays(8)))).as("a week old: trained again").isTrue();
    }

    @Test
    void aFailedTrainingKeepsTheModelInUseAndNoneMeansTheRule() {
        BreachModels models = BreachModels.in(dir);
        BreachModel model = models.retrain(TwoTeamsHistory::cases, TwoTeamsHistory.NOW, d -> false);
        assertThatThrownBy(() -> models.retrain(() -> TwoTeamsHistory.cases().subList(0, 10), TwoTeamsHistory.NOW, d -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
        assertThat(models.current()).containsSame(model);
        assertThat(BreachModels.none().current()).isEmpty();
        assertThat(BreachModels.none().due(NOW)).as("no data folder: nothing to train into").isFalse();
    }
}
