package org.griddesk.domain.assessment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/// The values of every [ScoreKey] the formula uses: the defaults overlaid with what the district set.
/// Always valid: each value finite, between 0 and [ScoreKey#MAX_VALUE], and the three weights not all zero.
public record ScoreWeights(Map<ScoreKey, Double> values) {
    public static final ScoreWeights DEFAULTS = new ScoreWeights(Map.of());

    public ScoreWeights {
        EnumMap<ScoreKey, Double> all = new EnumMap<>(ScoreKey.class);
        for (ScoreKey k : ScoreKey.values()) {
            double v = values.getOrDefault(k, k.defaultValue());
            check(k, v);
            all.put(k, v);
        }
        if (Arrays.stream(ScoreKey.values()).filter(ScoreKey::isWeight).mapToDouble(all::get).sum() <= 0) {
            throw new IllegalArgumentException("响应、办结、满意三项权重不能全为 0");
        }
        values = java.util.Collections.unmodifiableMap(all);
    }

    public double get(ScoreKey key) {
        return values.get(key);
    }

    /// These weights with one changed; refused in words when the result is not valid.
    public ScoreWeights with(ScoreKey key, double value) {
        EnumMap<ScoreKey, Double> changed = new EnumMap<>(values);
        changed.put(key, value);
        return new ScoreWeights(changed);
    }

    /// Reads a setting as typed (`weight.response`, `35`); the reason in words when either is wrong.
    /// decimals a setting keeps (`assessment_weight.weight_value`)
    public static final int DECIMALS = 3;

    public ScoreWeights with(String keyText, String valueText) {
        ScoreKey key = ScoreKey.parse(keyText).orElseThrow(() -> new IllegalArgumentException("没有这个考评参数 '" + keyText
                + "'，可用: " + Arrays.stream(ScoreKey.values()).map(ScoreKey::key).collect(Collectors.joining(", "))));
        BigDecimal value;
        try {
            value = new BigDecimal(valueText == null ? "" : valueText.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.key() + " 的值 '" + valueText + "' 不是数字");
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            // the table keeps three decimals: a finer value would be stored other than it was said
            throw new IllegalArgumentException(key.key() + " 的值最多 " + DECIMALS + " 位小数，不能是 " + valueText.strip());
        }
        return with(key, value.doubleValue());
    }

    private static void check(ScoreKey key, double v) {
        if (!Double.isFinite(v) || v < 0 || v > ScoreKey.MAX_VALUE) {
            throw new IllegalArgumentException(key.key() + " 的值须在 0 到 " + (int) ScoreKey.MAX_VALUE + " 之间，不能是 " + v);
        }
    }
}
