package org.griddesk.domain.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.TableFile;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.DeadlinePolicy;

/// Reads the taxonomy and responsibility catalogue from two CSV files with a header (UTF-8 with or
/// without BOM, or GBK as Excel saves it; fields in quotes may hold commas) or two XLSX workbooks:
///
/// - team types: `code,level,name` (level STREET or DISTRICT);
/// - items: `category_code,category_name,subcategory_code,subcategory_name,item_code,item_name,
///   deadline,consultation,street_team_type,district_team_type`, where deadline is `urgent`,
///   `general` or `statutory:N` and consultation `Y` or `N`.
///
/// Every problem is reported with its line; nothing is returned from a file with problems.
public final class TaxonomyCsv {
    private TaxonomyCsv() {
    }

    /// The demo catalogue GridDesk ships: 9 categories, 39 subcategories, 238 items.
    public static Taxonomy demo() {
        try (InputStream types = TaxonomyCsv.class.getResourceAsStream("/demo/team-types.csv");
             InputStream items = TaxonomyCsv.class.getResourceAsStream("/demo/taxonomy.csv")) {
            return read(types, items);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// The catalogue from two CSV streams (see [TableFile#csv] for the encodings read).
    public static Taxonomy read(InputStream teamTypesCsv, InputStream itemsCsv) throws IOException {
        List<String> problems = new ArrayList<>();
        TableFile.Table types = table("team types", teamTypesCsv == null ? null : () -> TableFile.csv("team types",
                teamTypesCsv.readAllBytes()), problems);
        TableFile.Table items = table("items", itemsCsv == null ? null : () -> TableFile.csv("items", itemsCsv.readAllBytes()),
                problems);
        return read(types, items, problems);
    }

    /// The catalogue from two files, each CSV (UTF-8 with or without BOM, GBK) or XLSX.
    public static Taxonomy read(Path teamTypes, Path items) throws IOException {
        List<String> problems = new ArrayList<>();
        TableFile.Table types = table("team types", () -> TableFile.read(teamTypes), problems);
        TableFile.Table rows = table("items", () -> TableFile.read(items), problems);
        return read(types, rows, problems);
    }

    private interface TableSource {
        TableFile.Table read() throws IOException;
    }

    /// The table, or null with a problem when it is missing or unreadable.
    private static TableFile.Table table(String file, TableSource source, List<String> problems) throws IOException {
        if (source == null) {
            problems.add(file + ": file missing");
            return null;
        }
        try {
            return source.read();
        } catch (TableFile.UnreadableException e) {
            problems.add(file + ": " + e.chinese() + " / " + e.getMessage());
            return null;
        }
    }

    private static Taxonomy read(TableFile.Table teamTypes, TableFile.Table itemRows, List<String> problems) {
        List<TeamType> types = new ArrayList<>();
        Map<String, TeamType> typeByCode = new LinkedHashMap<>();
        forEachRow(teamTypes, "team types", 3, problems, (line, f) -> {
            String levelText = f[1].strip().toUpperCase(Locale.ROOT);
            if (!levelText.equals("STREET") && !levelText.equals("DISTRICT")) {
                problems.add("team types line " + line + ": level '" + f[1] + "' is not STREET or DISTRICT");
                return;
            }
            UnitLevel level = UnitLevel.valueOf(levelText);
            TeamType type = new TeamType(f[0].strip(), level, f[2].strip());
            if (typeByCode.put(type.code(), type) != null) {
                problems.add("team types line " + line + ": code " + type.code() + " is listed twice");
            }
            types.add(type);
        });
        Map<String, Category> categories = new LinkedHashMap<>();
        Map<String, Category> subcategories = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        Set<String> itemCodes = new HashSet<>();
        forEachRow(itemRows, "items", 10, problems, (line, f) -> {
            String where = "items line " + line + ": ";
            Category category = new Category(f[0].strip(), f[1].strip(), null);
            Category sub = new Category(f[2].strip(), f[3].strip(), category.code());
            Category knownCategory = categories.putIfAbsent(category.code(), category);
            if (knownCategory != null && !knownCategory.equals(category)) {
                problems.add(where + "category " + category.code() + " has two names");
            }
            Category knownSub = subcategories.putIfAbsent(sub.code(), sub);
            if (knownSub != null && !knownSub.equals(sub)) {
                problems.add(where + "subcategory " + sub.code() + " has two names or categories");
            }
            String code = f[4].strip();
            if (code.isEmpty() || f[5].isBlank()) {
                problems.add(where + "an item needs a code and a name");
                return;
            }
            if (!itemCodes.add(code)) {
                problems.add(where + "item " + code + " is listed twice");
            }
            DeadlinePolicy deadline = deadline(f[6].strip(), where, problems);
            String consultation = f[7].strip().toUpperCase(Locale.ROOT);
            if (!consultation.equals("Y") && !consultation.equals("N")) {
                problems.add(where + "consultation must be Y or N, not '" + f[7] + "'");
            }
            String street = f[8].strip();
            String district = f[9].strip();
            if (!typeByCode.containsKey(street) || typeByCode.get(street).level() != UnitLevel.STREET) {
                problems.add(where + "street team type '" + street + "' is not a STREET team type");
            }
            if (!typeByCode.containsKey(district) || typeByCode.get(district).level() != UnitLevel.DISTRICT) {
                problems.add(where + "district team type '" + district + "' is not a DISTRICT team type");
            }
            if (deadline != null) {
                items.add(new Item(code, f[5].strip(), category.code(), sub.code(), deadline, consultation.equals("Y"),
                        street, district));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(problems);
        }
        return new Taxonomy(List.copyOf(categories.values()), List.copyOf(subcategories.values()), items, types);
    }

    private static DeadlinePolicy deadline(String text, String where, List<String> problems) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("statutory:")) {
            try {
                int days = Integer.parseInt(t.substring("statutory:".length()));
                if (days >= 1 && days <= DeadlinePolicy.MAX_STATUTORY_DAYS) {
                    return DeadlinePolicy.statutory(days);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(where + "statutory deadline '" + text + "' needs 1 to " + DeadlinePolicy.MAX_STATUTORY_DAYS + " days");
            return null;
        }
        return DeadlineClass.parse(t).filter(c -> c != DeadlineClass.STATUTORY)
                .map(c -> c == DeadlineClass.URGENT ? DeadlinePolicy.urgent() : DeadlinePolicy.general())
                .orElseGet(() -> {
                    problems.add(where + "deadline '" + text + "' is not urgent, general or statutory:N");
                    return null;
                });
    }

    private interface RowHandler {
        void row(int line, String[] fields);
    }

    private static void forEachRow(TableFile.Table table, String file, int columns, List<String> problems, RowHandler handler) {
        if (table == null) {
            return;
        }
        for (TableFile.Line row : table.rows()) {
            if (row.cells().size() != columns) {
                problems.add(file + " line " + row.number() + ": " + row.cells().size() + " fields, expected " + columns);
                continue;
            }
            handler.row(row.number(), row.cells().toArray(String[]::new));
        }
    }

    /// A catalogue refused whole, with every reason.
    public static final class InvalidCatalogueException extends IllegalArgumentException {
        private final List<String> problems;

        public InvalidCatalogueException(List<String> problems) {
            super("invalid catalogue: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
