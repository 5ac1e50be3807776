package org.griddesk.onboard;

import java.util.Locale;

/// A column of a district file: the English key and the Chinese heading; a header row may use
/// either (case, spaces and an explanation in brackets aside: `上级（编号）` is `上级`).
public record Column(String key, String chinese, boolean required) {

    static Column required(String key, String chinese) {
        return new Column(key, chinese, true);
    }

    static Column optional(String key, String chinese) {
        return new Column(key, chinese, false);
    }

    /// Whether a header cell names this column.
    boolean named(String heading) {
        String h = normalised(heading);
        return h.equals(normalised(key)) || h.equals(normalised(chinese));
    }

    private static String normalised(String s) {
        return s.replaceAll("[（(].*[)）]", "").replaceAll("[\\s_\\-*]", "").toLowerCase(Locale.ROOT);
    }
}
