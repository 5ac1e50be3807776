package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemModelFileTest {
    private static final ItemModel MODEL = ItemModelTrainer.train(SmallHistory.examples(600), Instant.parse("2026-12-01T00:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aWrittenModelReadsBackSuggestingTheSame() throws Exception {
        Path file = dir.resolve("models").resolve("items.model");
        ItemModelFile.write(MODEL, file);
        ItemModel read = ItemModelFile.read(file);
        for (String text : new String[] {"路灯不亮", "井盖丢了", "太吵", "长江路"}) {
            assertThat(read.suggest(text, 3)).isEqualTo(MODEL.suggest(text, 3));
        }
        assertThat(read.facts()).isEqualTo(MODEL.facts());
        assertThat(Files.exists(file.resolveSibling("items.model.part"))).isFalse();
    }

    @Test
    void aMissingCutOrForeignFileIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> ItemModelFile.read(dir.resolve("none.model")))
                .isInstanceOf(ModelFile.Refused.class).hasMessageContaining("no model file");

        Path file = dir.resolve("items.model");
        ItemModelFile.write(MODEL, file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> ItemModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("cut short");

        Files.write(file, "this is not a model".getBytes());
        assertThatThrownBy(() -> ItemModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("damaged");

        Files.write(file, ModelFiles.gzipped(0x12345678, 1));
        assertThatThrownBy(() -> ItemModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("not an item model");
    }

    @Test
    void countsInADamagedHeaderRunOutOfDataNotOfMemory() throws Exception {
        Path file = dir.resolve("items.model");
        var bytes = new java.io.ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(ItemModelFile.MAGIC);
            out.writeInt(ItemModelFile.FORMAT);
            out.writeLong(0);
            out.writeLong(0);
            out.writeLong(0);
            out.writeInt(600);
            out.writeDouble(1.5);
            out.writeInt(1);
            out.writeUTF("07-01-001");
            out.writeDouble(-1);
            out.writeDouble(-2);
            out.writeInt(ItemModelFile.MAX_FEATURES); // claims five million features, holds none
        }
        Files.write(file, bytes.toByteArray());
        assertThatThrownBy(() -> ItemModelFile.read(file)).isInstanceOf(ModelFile.Refused.class).hasMessageContaining("cut short");
    }

    @Test
    void aModelOfAnotherFormatIsRefusedSoThatItIsTrainedAgain() throws Exception {
        Path file = dir.resolve("items.model");
        Files.write(file, ModelFiles.gzipped(ItemModelFile.MAGIC, ItemModelFile.FORMAT - 1));
        assertThatThrownBy(() -> ItemModelFile.read(file)).isInstanceOf(ModelFile.Refused.class)
                .hasMessageContaining("format " + (ItemModelFile.FORMAT - 1)).hasMessageContaining("trained again");
    }
}
