package org.griddesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/// Writes `target/bench/NAME.json` and prints the one-line summary of a benchmark.
final class BenchResults {
    private BenchResults() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /// Nearest-rank percentile.
    static long percentile(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /// A flat JSON object: numbers, strings, and arrays of numbers.
    static void write(String name, Map<String, Object> fields) {
        String json = fields.entrySet().stream()
                .map(e -> "  \"" + e.getKey() + "\": " + toJson(e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        try {
            Files.writeString(dir().resolve(name + ".json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void summary(String line) {
        String text = "BENCH " + line;
        System.out.println(text);
        try {
            Files.writeString(dir().resolve("summary.txt"), text + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> fields() {
        return new LinkedHashMap<>();
    }

    private static String toJson(Object value) {
        if (value instanceof long[] array) {
            return Arrays.stream(array).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(BenchResults::toJson).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.3f", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
