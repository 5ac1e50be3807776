package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.learn.ItemModels;
import org.griddesk.learn.SmallHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemSuggestionsTest {
    private static final Map<String, Item> ITEMS = TaxonomyCsv.demo().itemsByCode();

    @TempDir
    Path dataDir;

    @Test
    void withoutAModelTheItemWhoseNameTheTextHoldsIsSuggestedWithoutAProbability() {
        ItemSuggestions suggestions = new ItemSuggestions(ITEMS, ItemModels.in(dataDir));
        List<ItemSuggestions.Suggested> top = suggestions.top("丰泽道井盖缺失，夜间有人跌倒");
        assertThat(top).extracting(s -> s.item().code()).containsExactly(SmallHistory.MANHOLE);
        assertThat(top.getFirst().learnt()).isFalse();
        assertThat(suggestions.primary("丰泽道井盖缺失").map(Item::code)).contains(SmallHistory.MANHOLE);
        assertThat(suggestions.top("下水道盖子不见了")).as("the name guess needs the name").isEmpty();
    }

    @Test
    void withAModelThreeItemsWithProbabilitiesAndThePrimaryOnlyWhenSure() {
        ItemModels models = ItemModels.in(dataDir);
        models.retrain(() -> SmallHistory.examples(600), Instant.parse("2026-12-01T00:00:00Z"));
        ItemSuggestions suggestions = new ItemSuggestions(ITEMS, models);

        List<ItemSuggestions.Suggested> top = suggestions.top("小区门口下水道盖子不见了");
        assertThat(top).hasSize(3);
        assertThat(top.getFirst().item().code()).isEqualTo(SmallHistory.MANHOLE);
        assertThat(top.getFirst().learnt()).isTrue();
        assertThat(top.getFirst().confidence()).isGreaterThanOrEqualTo(ItemSuggestions.CONFIDENT);
        assertThat(suggestions.primary("小区门口下水道盖子不见了").map(Item::code)).contains(SmallHistory.MANHOLE);
        // a place alone: the model is not sure, so the primary button gets no item
        assertThat(suggestions.top("长江路").getFirst().confidence()).isLessThan(ItemSuggestions.CONFIDENT);
        assertThat(suggestions.primary("长江路")).isEmpty();
    }

    @Test
    void itemsTheCatalogueNoLongerHasAreLeftOut() {
        ItemModels models = ItemModels.in(dataDir);
        models.retrain(() -> SmallHistory.examples(600), Instant.parse("2026-12-01T00:00:00Z"));
        Map<String, Item> without = new HashMap<>(ITEMS);
        without.remove(SmallHistory.MANHOLE);
        List<ItemSuggestions.Suggested> top = new ItemSuggestions(without, models).top("下水道盖子不见了");
        assertThat(top).extracting(s -> s.item().code()).doesNotContain(SmallHistory.MANHOLE).hasSize(2);
    }
}
