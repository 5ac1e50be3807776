package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Trains an [ItemModel] from tickets whose item was decided: their text and the final item.
///
/// Each feature's probability given an item is the share of that item's texts that have it (a
/// Bernoulli model over the features present): a place that comes with every item alike then
/// favours none, whatever the length of the items' texts. The examples are taken in report order; the newest tenth is held out first to fit the
/// temperature that makes the probabilities honest, then learnt from as well. Features seen in only
/// one text are dropped (names, typing slips). Smoothing: add-[#ALPHA].
public final class ItemModelTrainer {
    static final double ALPHA = 0.1;
    static final int MIN_FEATURE_TEXTS = 2;
    /// fewer examples than this and there is nothing worth learning
    public static final int MIN_EXAMPLES = 200;

    /// One ticket to learn from: what was reported, when, and the item it finally had.
    public record Example(String text, String itemCode, Instant reportedAt) {
    }

    private ItemModelTrainer() {
    }

    /// A model from `examples` (any order); refused with fewer than [#MIN_EXAMPLES].
    public static ItemModel train(List<Example> examples, Instant trainedAt) {
        if (examples.size() < MIN_EXAMPLES) {
            throw new IllegalArgumentException("too few tickets with an item to learn from: " + examples.size()
                    + " (at least " + MIN_EXAMPLES + ")");
        }
        List<Example> ordered = new ArrayList<>(examples);
        ordered.sort(Comparator.comparing(Example::reportedAt));
        int split = ordered.size() - ordered.size() / 10;
        Counts fitting = Counts.of(ordered.subList(0, split));
        double temperature = fitTemperature(fitting.model(1, null), ordered.subList(split, ordered.size()));
        ItemModel.Facts facts = new ItemModel.Facts(trainedAt, ordered.getFirst().reportedAt(), ordered.getLast().reportedAt(),
                ordered.size());
        return Counts.of(ordered).model(temperature, facts);
    }

    /// The temperature with the least log loss on the held-out examples (a search over a
    /// logarithmic range, then a finer one around the best). Never below 1: naive Bayes counts
    /// words that come together (长江, 江路, 长江路) as separate evidence and is too sure already; a
    /// history where every text is clear would otherwise sharpen it further.
    static double fitTemperature(ItemModel model, List<Example> heldOut) {
        Map<String, Integer> index = new HashMap<>();
        List<String> items = model.items();
        for (int i = 0; i < items.size(); i++) {
            index.put(items.get(i), i);
        }
        List<double[]> scores = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (Example e : heldOut) {
            Integer right = index.get(e.itemCode());
            double[] s = model.scores(TextFeatures.of(e.text()));
            if (right != null && s != null) {
                scores.add(s);
                truth.add(right);
            }
        }
        if (scores.isEmpty()) {
            return 1;
        }
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t = 1; t <= 1024; t *= 1.25) {
            double loss = logLoss(scores, truth, t);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        double low = Math.max(1, best / 1.25);
        double high = best * 1.25;
        for (int k = 0; k <= 20; k++) {
            double t = low + (high - low) * k / 20;
            double loss = logLoss(scores, truth, t);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    private static double logLoss(List<double[]> scores, List<Integer> truth, double temperature) {
        double sum = 0;
        for (int i = 0; i < scores.size(); i++) {
            double p = ItemModel.softmax(scores.get(i), temperature)[truth.get(i)];
            sum -= Math.log(Math.max(p, 1e-12));
        }
        return sum / scores.size();
    }

    /// How often each feature came with each item.
    private static final class Counts {
        private final Map<String, Integer> itemIds = new LinkedHashMap<>();
        private final List<int[]> textsPerItem = new ArrayList<>();
        private final Map<String, Map<Integer, int[]>> byFeature = new HashMap<>();
        private int texts;

        static Counts of(List<Example> examples) {
            Counts c = new Counts();
            examples.forEach(c::add);
            return c;
        }

        private void add(Example e) {
            if (e.itemCode() == null || e.text() == null || e.text().isBlank()) {
                return;
            }
            int item = itemIds.computeIfAbsent(e.itemCode(), k -> {
                textsPerItem.add(new int[1]);
                return itemIds.size();
            });
            textsPerItem.get(item)[0]++;
            texts++;
            Set<String> features = TextFeatures.of(e.text());
            for (String f : features) {
                byFeature.computeIfAbsent(f, k -> new HashMap<>(4)).computeIfAbsent(item, k -> new int[1])[0]++;
            }
        }

        ItemModel model(double temperature, ItemModel.Facts facts) {
            int n = itemIds.size();
            String[] items = itemIds.keySet().toArray(String[]::new);
            Map<String, Integer> kept = new HashMap<>();
            List<Map.Entry<String, Map<Integer, int[]>>> features = new ArrayList<>();
            for (Map.Entry<String, Map<Integer, int[]>> f : byFeature.entrySet()) {
                int seen = f.getValue().values().stream().mapToInt(a -> a[0]).sum();
                if (seen >= MIN_FEATURE_TEXTS) {
                    kept.put(f.getKey(), features.size());
                    features.add(f);
                }
            }
            double[] logPrior = new double[n];
            double[] logUnseen = new double[n];
            for (int c = 0; c < n; c++) {
                int textsOfItem = textsPerItem.get(c)[0];
                logPrior[c] = Math.log((double) textsOfItem / texts);
                logUnseen[c] = Math.log(ALPHA / (textsOfItem + 2 * ALPHA));
            }
            int[][] postingItems = new int[features.size()][];
            float[][] postingLift = new float[features.size()][];
            for (int id = 0; id < features.size(); id++) {
                Map<Integer, int[]> counts = features.get(id).getValue();
                int[] its = new int[counts.size()];
                float[] lift = new float[counts.size()];
                int k = 0;
                for (Map.Entry<Integer, int[]> e : counts.entrySet()) {
                    int c = e.getKey();
                    its[k] = c;
                    lift[k] = (float) Math.log((e.getValue()[0] + ALPHA) / ALPHA);
                    k++;
                }
                postingItems[id] = its;
                postingLift[id] = lift;
            }
            return new ItemModel(items, logPrior, logUnseen, kept, postingItems, postingLift, temperature, facts);
        }
    }
}
