package org.griddesk.domain.digest;

/// A key whose count on the day is far above its baseline ([SpikeRule]).
///
/// @param key          what is counted: a category or item code, a term, a community code
/// @param name         how people call it
/// @param today        the day's count
/// @param baselineMean the baseline's daily mean
/// @param expected     the day's expected count (baseline mean, smoothed, at the day's volume)
/// @param ratio        today over expected
/// @param pValue       P(X ≥ today) by chance
public record Spike(String key, String name, long today, double baselineMean, double expected, double ratio, double pValue) {
}
