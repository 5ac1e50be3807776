package org.griddesk.dispatch;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.taxonomy.Item;

/// Guesses the taxonomy item of a request that came without one (a hotline order's text): the item
/// whose name's character pairs the text contains most completely — `井盖缺失` in "丰泽道井盖缺失，
/// 夜间有人跌倒" — among at least [#MIN_SHARE] of them. A guess only fills the form; the dispatcher
/// sees it on the button and can change it.
public final class ItemGuess {
    /// the share of an item name's character pairs the text must contain
    static final double MIN_SHARE = 0.6;

    private final List<Item> items;

    public ItemGuess(List<Item> items) {
        this.items = List.copyOf(items);
    }

    public Optional<Item> guess(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Set<String> pairs = pairs(text);
        Item best = null;
        double bestScore = 0;
        for (Item item : items) {
            Set<String> own = pairs(item.name());
            if (own.isEmpty()) {
                continue;
            }
            long found = own.stream().filter(pairs::contains).count();
            // a whole-name match of a longer name beats a partial one of a shorter
            double score = (double) found / own.size() + found * 0.01;
            if ((double) found / own.size() >= MIN_SHARE && score > bestScore) {
                best = item;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> pairs(String text) {
        Set<String> out = new HashSet<>();
        String s = text.replaceAll("[\\s\\p{Punct}，。、；：！？（）“”]", "");
        for (int i = 0; i + 1 < s.length(); i++) {
            out.add(s.substring(i, i + 2));
        }
        return out;
    }
}
