package org.griddesk.onboard;

/// One thing wrong in a district file, where it is and why, in both languages.
///
/// @param line   the line (a workbook's row number), 0 for the file as a whole
/// @param column 1-based, 0 when the problem is the row's or the file's
/// @param header the column's heading, null for a problem of the row or the file, or of a cell under no heading
public record Problem(String file, int line, int column, Column header, String chinese, String english) {

    /// `units.csv 第 12 行 第 3 列（上级）：未知上级 XSG9`, or in English
    /// `units.csv line 12, column 3 (parent): unknown parent XSG9`.
    public String text(boolean inChinese) {
        StringBuilder where = new StringBuilder(file);
        if (inChinese) {
            if (line > 0) {
                where.append(" 第 ").append(line).append(" 行");
            }
            if (column > 0) {
                where.append(" 第 ").append(column).append(" 列").append(header == null ? "" : "（" + header.chinese() + "）");
            }
            return where.append("：").append(chinese).toString();
        }
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (column > 0) {
            where.append(", column ").append(column).append(header == null ? "" : " (" + header.key() + ")");
        }
        return where.append(": ").append(english).toString();
    }
}
