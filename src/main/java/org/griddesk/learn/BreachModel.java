package org.griddesk.learn;

import java.time.Instant;
import java.util.Map;

/// The probability that an open, dispatched ticket misses its deadline: a logistic regression over
/// its item, team, owning unit and channel, the share of its time left and the hours left, the team's
/// load, the day and hour, a holiday ahead, and how often it was urged or sent back
/// ([BreachSnapshot]). Trained by [BreachTrainer]; immutable and thread-safe; a prediction costs a
/// few dozen multiplications.
public final class BreachModel {
    /// the numeric inputs, in order: see [#numeric(BreachSnapshot)]
    static final int NUMERIC = 9;

    private final Map<String, Integer> categories;
    private final double[] weights;
    private final Facts facts;

    /// When and from what the model was trained, and how it did on the newest tickets it was first
    /// trained without (the held-out check), against the 20 % rule as rates on the same moments.
    ///
    /// @param cases        dispatched tickets with a known outcome it learnt from
    /// @param lastDispatch the latest dispatch among them (nothing after it was seen)
    /// @param heldOut      moments of the held-out check
    public record Facts(Instant trainedAt, int cases, Instant lastDispatch, int heldOut, double brier, double auc,
                        double ruleBrier, double ruleAuc) {
        /// Whether it beat the rule on the held-out check, both in Brier score and in AUC: only then
        /// does the desk let it colour tickets at risk.
        public boolean beatsRule() {
            return brier < ruleBrier && auc > ruleAuc;
        }
    }

    BreachModel(Map<String, Integer> categories, double[] weights, Facts facts) {
        this.categories = Map.copyOf(categories);
        this.weights = weights;
        this.facts = facts;
    }

    /// The same weights with the facts of a finished training.
    BreachModel with(Facts facts) {
        return new BreachModel(categories, weights, facts);
    }

    /// The probability (0–1) that the ticket seen in `s` misses its deadline.
    public double probability(BreachSnapshot s) {
        double z = 0;
        double[] x = numeric(s);
        for (int k = 0; k < NUMERIC; k++) {
            z += weights[k] * x[k];
        }
        for (String c : categorical(s)) {
            Integer id = categories.get(c);
            if (id != null) {
                z += weights[NUMERIC + id];
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    /// The numeric inputs: a constant, the share of time left and its square, the 20 %-rule's flag,
    /// hours left (log), the team's load (log), urges, returns, a holiday ahead.
    static double[] numeric(BreachSnapshot s) {
        return new double[] {1, s.fractionLeft(), s.fractionLeft() * s.fractionLeft(), AtRiskRule.inside(s) ? 1 : 0,
            Math.log1p(s.hoursLeft()) / 5, Math.log1p(s.teamLoad()) / 3, Math.min(3, s.urges()), Math.min(3, s.returns()),
            s.holidayAhead() ? 1 : 0};
    }

    /// The categorical inputs, each a name.
    static String[] categorical(BreachSnapshot s) {
        return new String[] {"item:" + s.itemCode(), "team:" + s.teamId(), "unit:" + s.unitId(), "channel:" + s.channel(),
            "day:" + s.day(), "hour:" + s.hour() / 3};
    }

    public Facts facts() {
        return facts;
    }

    Map<String, Integer> categories() {
        return categories;
    }

    double[] weights() {
        return weights;
    }
}
