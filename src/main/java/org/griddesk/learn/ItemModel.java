package org.griddesk.learn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// Which item a request's text belongs to, learnt from the history: a naive Bayes model over the
/// [TextFeatures] a text has (see [ItemModelTrainer]), its evidence scaled down for long texts
/// ([#NORM]), its scores turned into probabilities with a temperature fitted on held-out tickets so
/// that "0.9" means right about nine times in ten on tickets like those it learnt from.
///
/// Kept sparse: for each feature only the items whose texts had it. Immutable and thread-safe; three
/// suggestions cost about 60 µs (LearnedPredictionBenchmark).
public final class ItemModel {
    /// the evidence of a text's `n` known features counts as `sqrt(n)` independent ones: its
    /// characters, pairs and triples overlap, and naive Bayes would otherwise be surer the longer the
    /// text (measured: on wordings the history never used, right 47 % of the time when "80 % sure",
    /// against 38 % without)
    static final double NORM = 0.5;
    private final String[] items;
    private final double[] logPrior;
    private final double[] logUnseen;
    private final Map<String, Integer> features;
    private final int[][] postingItems;
    private final float[][] postingLift;
    private final double temperature;
    private final Facts facts;

    /// When and from what the model was trained.
    /// @param trainedAt   when training ran
    /// @param firstReport the earliest report time among the examples
    /// @param lastReport  the latest report time among the examples (nothing after it was seen)
    /// @param examples    how many tickets it learnt from
    public record Facts(Instant trainedAt, Instant firstReport, Instant lastReport, int examples) {
    }

    ItemModel(String[] items, double[] logPrior, double[] logUnseen, Map<String, Integer> features, int[][] postingItems,
              float[][] postingLift, double temperature, Facts facts) {
        this.items = items;
        this.logPrior = logPrior;
        this.logUnseen = logUnseen;
        this.features = Map.copyOf(features);
        this.postingItems = postingItems;
        this.postingLift = postingLift;
        this.temperature = temperature;
        this.facts = facts;
    }

    /// The `n` most probable items for `text`, most probable first; empty for a text with nothing
    /// the model knows.
    public List<ItemSuggestion> suggest(String text, int n) {
        double[] p = probabilities(text);
        if (p == null) {
            return List.of();
        }
        Integer[] order = new Integer[items.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> -p[i]));
        List<ItemSuggestion> out = new ArrayList<>(n);
        for (int k = 0; k < Math.min(n, order.length); k++) {
            out.add(new ItemSuggestion(items[order[k]], p[order[k]]));
        }
        return out;
    }

    /// The probability of each item (in [#items()] order) for `text`, or null when no feature of
    /// the text is known.
    double[] probabilities(String text) {
        double[] raw = scores(TextFeatures.of(text));
        if (raw == null) {
            return null;
        }
        return softmax(raw, temperature);
    }

    /// The unscaled log scores of each item for these features; null when none is known.
    double[] scores(Set<String> textFeatures) {
        double[] score = logPrior.clone();
        int known = 0;
        for (String f : textFeatures) {
            Integer id = features.get(f);
            if (id == null) {
                continue;
            }
            known++;
            int[] its = postingItems[id];
            float[] lift = postingLift[id];
            for (int k = 0; k < its.length; k++) {
                score[its[k]] += lift[k];
            }
        }
        if (known == 0) {
            return null;
        }
        double scale = Math.pow(known, -NORM);
        for (int c = 0; c < score.length; c++) {
            score[c] = logPrior[c] + (score[c] - logPrior[c] + known * logUnseen[c]) * scale;
        }
        return score;
    }

    static double[] softmax(double[] raw, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double r : raw) {
            max = Math.max(max, r);
        }
        double[] p = new double[raw.length];
        double sum = 0;
        for (int c = 0; c < raw.length; c++) {
            p[c] = Math.exp((raw[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < raw.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    public List<String> items() {
        return List.of(items);
    }

    public Facts facts() {
        return facts;
    }

    public int featureCount() {
        return features.size();
    }

    double temperature() {
        return temperature;
    }

    // for ItemModelFile
    double[] logPrior() {
        return logPrior;
    }

    double[] logUnseen() {
        return logUnseen;
    }

    Map<String, Integer> featureIds() {
        return features;
    }

    int[][] postingItems() {
        return postingItems;
    }

    float[][] postingLift() {
        return postingLift;
    }
}
