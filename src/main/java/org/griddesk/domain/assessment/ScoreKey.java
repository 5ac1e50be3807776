package org.griddesk.domain.assessment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/// The settings of the assessment formula ([AssessmentFormula]), each with its key in the
/// `assessment_weight` table and on the command line (`griddesk assessment weights set KEY VALUE`) and its
/// default. Weights are points of the 100 the three rates share; deductions are points per case per 100
/// tickets received; the cap bounds all deductions together.
public enum ScoreKey {
    RESPONSE("weight.response", "响应 (受理及时率、联系及时率)", 20, true),
    RESOLUTION("weight.resolution", "办结 (按时办结率、办结率)", 40, true),
    SATISFACTION("weight.satisfaction", "满意 (满意率)", 40, true),
    OVERDUE("deduct.overdue", "超期 (超期未办结 + 超期办结) 每百件扣分", 1.0, false),
    RETURN("deduct.return", "退单每百件扣分", 0.5, false),
    URGE("deduct.urge", "督办每百件扣分", 0.5, false),
    REPEAT("deduct.repeat", "重复来件每百件扣分", 0.2, false),
    CAP("deduct.cap", "扣分上限", 30, false);

    /// no single setting may exceed this (a weight is a share of 100; a deduction of more would zero any score)
    public static final double MAX_VALUE = 100;

    private final String key;
    private final String zhName;
    private final double defaultValue;
    private final boolean weight;

    ScoreKey(String key, String zhName, double defaultValue, boolean weight) {
        this.key = key;
        this.zhName = zhName;
        this.defaultValue = defaultValue;
        this.weight = weight;
    }

    /// as stored and typed, e.g. `weight.response`
    public String key() {
        return key;
    }

    public String zhName() {
        return zhName;
    }

    public double defaultValue() {
        return defaultValue;
    }

    /// true for the three rate weights, false for deductions and the cap
    public boolean isWeight() {
        return weight;
    }

    public static Optional<ScoreKey> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.key.equals(t)).findFirst();
    }
}
