package org.griddesk.onboard;

import java.util.regex.Pattern;
import org.griddesk.domain.Phone;
import org.griddesk.domain.PlainText;
import org.griddesk.domain.district.DistrictCode;

/// A row's cells read as the values the district files hold; each refuses what it cannot read with
/// a problem on its cell and answers null.
final class Cells {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,3}(\\.\\d+)?");

    private Cells() {
    }

    /// An id or code: letters, digits, '.', '-', '_', at most 50.
    static String code(Sheet.Row row, Column column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return missing(row, column);
        }
        if (!DistrictCode.valid(text)) {
            row.problem(column, "编号 " + text + " 只能含字母、数字和 . - _，最多 50 个",
                    "code " + text + " may hold letters, digits, '.', '-' and '_' only, at most 50");
            return null;
        }
        return text;
    }

    /// Text on one line, at most `max` characters.
    static String text(Sheet.Row row, Column column, int max) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return missing(row, column);
        }
        if (!PlainText.oneLine(text)) {
            row.problem(column, "含换行或不可见字符", "holds a line break or an invisible character");
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            row.problem(column, "超过 " + max + " 个字", "longer than " + max + " characters");
            return null;
        }
        return text;
    }

    static <T> T choice(Sheet.Row row, Column column, Choice<T> choice) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return missing(row, column);
        }
        return choice.read(text).orElseGet(() -> {
            row.problem(column, "“" + text + "”不是可用的值：" + choice.accepted(), "'" + text + "' is not one of " + choice.accepted());
            return null;
        });
    }

    /// A phone number's digits ([Phone]).
    static String phone(Sheet.Row row, Column column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return missing(row, column);
        }
        String digits = Phone.digits(text);
        if (digits == null) {
            String[] why = Phone.problem(text);
            row.problem(column, why[0], why[1]);
        }
        return digits;
    }

    /// A number in decimal degrees (117.345678).
    static Double degrees(Sheet.Row row, Column column) {
        String text = row.get(column);
        if (text.isEmpty()) {
            return missing(row, column);
        }
        if (!DECIMAL.matcher(text).matches()) {
            row.problem(column, "“" + text + "”不是十进制度数（如 117.345678）", "'" + text + "' is not decimal degrees (such as 117.345678)");
            return null;
        }
        return Double.parseDouble(text);
    }

    private static <T> T missing(Sheet.Row row, Column column) {
        row.problem(column, "不能为空", "is empty");
        return null;
    }
}
