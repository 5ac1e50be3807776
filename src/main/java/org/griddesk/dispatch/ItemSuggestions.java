package org.griddesk.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.learn.ItemModel;
import org.griddesk.learn.ItemModels;
import org.griddesk.learn.ItemSuggestion;

/// The items a request's text suggests, for the accept form, the detail pane and the command bar:
/// the learnt model's most probable items with their probabilities, or — with no model — the
/// item whose name the text contains ([ItemGuess]), shown without a probability. Items the
/// catalogue no longer has are left out.
public final class ItemSuggestions {
    /// the probability from which the model's first item fills the primary button by itself
    public static final double CONFIDENT = 0.8;
    /// how many items the desk shows
    public static final int SHOWN = 3;

    /// An item suggested, with the model's probability, or NaN for the simple guess.
    public record Suggested(Item item, double confidence) {
        public boolean learnt() {
            return !Double.isNaN(confidence);
        }
    }

    private final Map<String, Item> items;
    private final ItemGuess guess;
    private final ItemModels models;

    public ItemSuggestions(Map<String, Item> items, ItemModels models) {
        this.items = Map.copyOf(items);
        this.guess = new ItemGuess(List.copyOf(items.values()));
        this.models = models;
    }

    /// Up to [#SHOWN] items for `text`, most probable first.
    public List<Suggested> top(String text) {
        Optional<ItemModel> model = models.current();
        if (model.isEmpty()) {
            return guess.guess(text).map(i -> List.of(new Suggested(i, Double.NaN))).orElse(List.of());
        }
        List<Suggested> out = new ArrayList<>(SHOWN);
        for (ItemSuggestion s : model.get().suggest(text, SHOWN + 2)) {
            Item item = items.get(s.itemCode());
            if (item != null && out.size() < SHOWN) {
                out.add(new Suggested(item, s.confidence()));
            }
        }
        return out;
    }

    /// The item the primary button may use by itself: the model's first when it is at least
    /// [#CONFIDENT] sure; with no model, the simple guess as before.
    public Optional<Item> primary(String text) {
        List<Suggested> top = top(text);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Suggested first = top.getFirst();
        return !first.learnt() || first.confidence() >= CONFIDENT ? Optional.of(first.item()) : Optional.empty();
    }

    public ItemModels models() {
        return models;
    }
}
