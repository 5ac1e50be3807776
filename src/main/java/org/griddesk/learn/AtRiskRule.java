package org.griddesk.learn;

import java.util.List;

/// The desk's fixed rule (at risk when less than 20 % of the time is left) as honest probabilities:
/// the share of the moments on each side of it that missed their deadline in the months it learnt
/// from. The baseline a breach-risk model must beat.
public record AtRiskRule(double outsideRate, double insideRate) {
    /// the rule's share of the time left
    public static final double SHARE = 0.2;

    public static AtRiskRule learnt(List<BreachTrainer.Example> examples) {
        double[] missed = new double[2];
        double[] all = new double[2];
        for (BreachTrainer.Example e : examples) {
            int side = inside(e.snapshot()) ? 1 : 0;
            all[side]++;
            missed[side] += e.missed() ? 1 : 0;
        }
        return new AtRiskRule(missed[0] / Math.max(1, all[0]), missed[1] / Math.max(1, all[1]));
    }

    public static boolean inside(BreachSnapshot s) {
        return s.fractionLeft() < SHARE;
    }

    public double probability(BreachSnapshot s) {
        return inside(s) ? insideRate : outsideRate;
    }
}
