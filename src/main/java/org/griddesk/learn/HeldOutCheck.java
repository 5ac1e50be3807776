package org.griddesk.learn;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.griddesk.learn.ItemModelTrainer.Example;

/// How well a model trained on the history up to some day suggests the items of the tickets after
/// it, which it never saw: the share whose item is first ([#top1()]) and among the first three
/// ([#top3()]), and how often the first is sure (≥ `confident`) and right then.
public record HeldOutCheck(int trained, int heldOut, double top1, double top3, double confidentShare, double confidentRight) {

    /// Trains on the examples reported before `cut` and checks the model on those from `cut` on.
    public static HeldOutCheck of(List<Example> examples, Instant cut, Instant now, double confident) {
        List<Example> before = examples.stream().filter(e -> e.reportedAt().isBefore(cut)).toList();
        ItemModel model = ItemModelTrainer.train(before, now);
        return of(examples, cut, text -> model.suggest(text, 3), confident, before.size());
    }

    /// The examples from `cut` on, checked against `suggest` (most probable first): a trained
    /// model, or another way of suggesting to compare with it.
    public static HeldOutCheck of(List<Example> examples, Instant cut, Function<String, List<ItemSuggestion>> suggest,
                                  double confident, int trained) {
        int n = 0;
        int first = 0;
        int three = 0;
        int sure = 0;
        int sureRight = 0;
        for (Example e : examples) {
            if (e.reportedAt().isBefore(cut)) {
                continue;
            }
            n++;
            List<ItemSuggestion> top = suggest.apply(e.text());
            for (int k = 0; k < Math.min(3, top.size()); k++) {
                if (top.get(k).itemCode().equals(e.itemCode())) {
                    first += k == 0 ? 1 : 0;
                    three++;
                    break;
                }
            }
            if (!top.isEmpty() && top.getFirst().confidence() >= confident) {
                sure++;
                sureRight += top.getFirst().itemCode().equals(e.itemCode()) ? 1 : 0;
            }
        }
        return new HeldOutCheck(trained, n, share(first, n), share(three, n), share(sure, n), share(sureRight, sure));
    }

    /// The report time that leaves the last `days` of the examples out.
    public static Instant cutBefore(List<Example> examples, Duration days) {
        Instant last = examples.stream().map(Example::reportedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        return last.minus(days);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
