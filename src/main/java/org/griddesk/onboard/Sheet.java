package org.griddesk.onboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.griddesk.domain.TableFile;

/// A district file's table read against the columns it should have: the header is matched to the
/// columns (in any order), then each row's cells are found by column. A header that lacks a
/// required column or has one nobody knows is a problem on the header's line, and no row is read.
final class Sheet {
    /// One row: its cells by column, and where to report a problem with one of them.
    final class Row {
        private final TableFile.Line line;
        private boolean flawed;

        private Row(TableFile.Line line) {
            this.line = line;
        }

        int line() {
            return line.number();
        }

        /// The cell of `column`, stripped; "" when empty or when the file has no such column.
        String get(Column column) {
            int at = indexOf(column);
            return at < 0 ? "" : line.cell(at);
        }

        /// Whether a problem was found in this row.
        boolean flawed() {
            return flawed;
        }

        /// A problem with the cell of `column`.
        void problem(Column column, String chinese, String english) {
            flawed = true;
            problems.add(new Problem(table.fileName(), line.number(), indexOf(column) + 1, column, chinese, english));
        }

        /// A problem with the row as a whole.
        void problem(String chinese, String english) {
            flawed = true;
            problems.add(new Problem(table.fileName(), line.number(), 0, null, chinese, english));
        }
    }

    private final TableFile.Table table;
    private final List<Column> columns;
    private final int[] positions;
    private final Problems problems;
    private final List<Row> rows;

    Sheet(TableFile.Table table, List<Column> columns, Problems problems) {
        this.table = table;
        this.columns = columns;
        this.problems = problems;
        this.positions = new int[columns.size()];
        Arrays.fill(positions, -1);
        this.rows = matchHeader() ? readRows() : List.of();
    }

    String fileName() {
        return table.fileName();
    }

    /// The rows below the header; none when the header is wrong.
    List<Row> rows() {
        return rows;
    }

    /// A value in a column without a heading is a problem (it would otherwise be dropped unseen).
    private List<Row> readRows() {
        List<Row> rows = table.rows().stream().map(Row::new).toList();
        for (Row row : rows) {
            for (int cell = 0; cell < row.line.cells().size(); cell++) {
                if (!row.line.cell(cell).isEmpty() && !headed(cell)) {
                    row.flawed = true;
                    problems.add(new Problem(table.fileName(), row.line(), cell + 1, null, "该列没有表头，值“" + row.line.cell(cell)
                            + "”无处可放", "this column has no heading: the value '" + row.line.cell(cell) + "' belongs nowhere"));
                }
            }
        }
        return rows;
    }

    private boolean headed(int cell) {
        return Arrays.stream(positions).anyMatch(p -> p == cell);
    }

    private int indexOf(Column column) {
        int i = columns.indexOf(column);
        return i < 0 ? -1 : positions[i];
    }

    private boolean matchHeader() {
        TableFile.Line header = table.header();
        boolean ok = true;
        List<String> unknown = new ArrayList<>();
        for (int cell = 0; cell < header.cells().size(); cell++) {
            String heading = header.cell(cell);
            if (heading.isEmpty()) {
                continue;
            }
            int match = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).named(heading)) {
                    match = c;
                }
            }
            if (match < 0) {
                unknown.add(heading);
            } else if (positions[match] >= 0) {
                problems.add(new Problem(table.fileName(), header.number(), cell + 1, columns.get(match),
                        "表头中该列出现两次", "the header names this column twice"));
                ok = false;
            } else {
                positions[match] = cell;
            }
        }
        String accepted = columns.stream().map(c -> c.chinese() + "/" + c.key()).collect(Collectors.joining("、"));
        if (!unknown.isEmpty()) {
            problems.add(new Problem(table.fileName(), header.number(), 0, null,
                    "表头有不认识的列 " + String.join("、", unknown) + "；可用的列：" + accepted,
                    "the header has columns nobody knows: " + String.join(", ", unknown) + "; the columns are " + accepted));
            ok = false;
        }
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).required() && positions[c] < 0) {
                problems.add(new Problem(table.fileName(), header.number(), 0, null,
                        "表头缺少必需的列“" + columns.get(c).chinese() + "”（或 " + columns.get(c).key() + "）",
                        "the header lacks the required column " + columns.get(c).key() + " (or " + columns.get(c).chinese() + ")"));
                ok = false;
            }
        }
        return ok;
    }
}
