package org.griddesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemModelTest {
    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void learnsWhichWordsGoWithWhichItemAndRanksTheRestBehind() {
        ItemModel model = ItemModelTrainer.train(SmallHistory.examples(600), NOW);

        List<ItemSuggestion> lamp = model.suggest("来电人称小区门口路灯不亮，请尽快处理", 3);
        assertThat(lamp).hasSize(3);
        assertThat(lamp.getFirst().itemCode()).isEqualTo(SmallHistory.LAMP);
        assertThat(lamp.getFirst().confidence()).isGreaterThan(0.8);
        assertThat(lamp.stream().mapToDouble(ItemSuggestion::confidence).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lamp.get(1).confidence()).isLessThanOrEqualTo(lamp.getFirst().confidence());

        assertThat(model.suggest("咸水沽12号楼下水道盖子不见了", 1).getFirst().itemCode()).isEqualTo(SmallHistory.MANHOLE);
        assertThat(model.suggest("半夜还在吵", 1).getFirst().itemCode()).isEqualTo(SmallHistory.NOISE);
        assertThat(model.facts().examples()).isEqualTo(600);
        assertThat(model.facts().lastReport()).isEqualTo(SmallHistory.examples(600).getLast().reportedAt());
    }

    @Test
    void aTextWithNothingKnownGetsNoSuggestionAndAPlaceAloneIsNotConfident() {
        ItemModel model = ItemModelTrainer.train(SmallHistory.examples(600), NOW);
        assertThat(model.suggest("qqq", 3)).isEmpty();
        assertThat(model.suggest("", 3)).isEmpty();
        assertThat(model.suggest(null, 3)).isEmpty();
        // the places come with every item alike: they must not make the model sure of one
        assertThat(model.suggest("长江路", 1).getFirst().confidence()).isLessThan(0.6);
    }

    @Test
    void tooFewTicketsAreRefused() {
        assertThatThrownBy(() -> ItemModelTrainer.train(SmallHistory.examples(50), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too few");
    }

    @Test
    void featuresFoldDigitsAndDropPunctuation() {
        assertThat(TextFeatures.normalise("丰泽道 12号楼，井盖！ABC")).isEqualTo("丰泽道00号楼井盖abc");
        assertThat(TextFeatures.of("井盖丢")).containsExactlyInAnyOrder("井", "盖", "丢", "井盖", "盖丢", "井盖丢");
    }
}
