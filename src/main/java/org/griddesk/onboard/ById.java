package org.griddesk.onboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/// A file's rows by their id, in file order; a second row with an id is a problem on its id cell.
final class ById<T> {
    private final Column column;
    private final Function<T, String> id;
    private final Map<String, T> items = new LinkedHashMap<>();
    private final Map<String, Sheet.Row> rows = new LinkedHashMap<>();

    ById(Column column, Function<T, String> id) {
        this.column = column;
        this.id = id;
    }

    /// Keeps `item` read from `row`, unless an earlier row had its id.
    boolean add(Sheet.Row row, T item) {
        String key = id.apply(item);
        Sheet.Row earlier = rows.putIfAbsent(key, row);
        if (earlier != null) {
            row.problem(column, "编号 " + key + " 与第 " + earlier.line() + " 行重复", "id " + key + " is also on line " + earlier.line());
            return false;
        }
        items.put(key, item);
        return true;
    }

    boolean contains(String key) {
        return items.containsKey(key);
    }

    /// The row the item with this id came from.
    Sheet.Row row(String key) {
        return rows.get(key);
    }

    List<T> values() {
        return List.copyOf(items.values());
    }
}
