package org.griddesk.onboard;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/// The words a column may hold for a closed set of values, Chinese and English, any case.
final class Choice<T> {
    private final Map<String, T> byWord = new LinkedHashMap<>();
    private final Map<T, String> written = new LinkedHashMap<>();

    /// `value` is written as `chinese` (what the export writes) and read from it or any of `words`.
    Choice<T> with(T value, String chinese, String... words) {
        byWord.put(chinese, value);
        for (String w : words) {
            byWord.put(w.toLowerCase(Locale.ROOT), value);
        }
        written.put(value, chinese);
        return this;
    }

    Optional<T> read(String text) {
        return Optional.ofNullable(byWord.get(text.strip().toLowerCase(Locale.ROOT)));
    }

    /// The word the export writes for `value`.
    String write(T value) {
        return written.get(value);
    }

    /// Every word it reads, for a refusal: `中心、centre、队伍、team…`.
    String accepted() {
        return String.join("、", byWord.keySet());
    }
}
