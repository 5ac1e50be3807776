package org.griddesk.supervise.bulletin;

import java.util.List;
import java.util.Locale;

/// One table of the bulletin as both writers draw it: the XLSX gets every column as a sheet, the PDF the
/// columns with a width. A cell is a `String`, a [Num] or `null` (nothing to show: "—").
///
/// @param sheet the XLSX sheet's name
/// @param title the heading above it
public record BulletinTable(String sheet, String title, List<Column> columns, List<List<Object>> rows) {
    public BulletinTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }

    /// @param pdfWidth the column's width on the PDF page in points; 0 keeps it to the XLSX
    public record Column(String header, float pdfWidth) {
        public boolean inPdf() {
            return pdfWidth > 0;
        }
    }

    /// How a number is shown.
    public enum NumFormat {
        COUNT("0"),
        /// a share 0..1 shown as a percentage
        SHARE("0.0%"),
        /// points of a score, two decimals
        POINTS("0.00"),
        HOURS("0.0");

        private final String excel;

        NumFormat(String excel) {
            this.excel = excel;
        }

        /// the XLSX data format (signed ones show + for a rise)
        public String excel(boolean signed) {
            return signed ? "+" + excel + ";-" + excel + ";" + excel : excel;
        }
    }

    /// A number as the tables carry it: the value exactly as computed, and how to show it.
    ///
    /// @param signed a change (shown with + for a rise)
    public record Num(double value, NumFormat format, boolean signed) {
        public static Num count(long n) {
            return new Num(n, NumFormat.COUNT, false);
        }

        public static Num share(double v) {
            return new Num(v, NumFormat.SHARE, false);
        }

        public static Num points(double v) {
            return new Num(v, NumFormat.POINTS, false);
        }

        /// as printed on the PDF page
        public String text() {
            String body = switch (format) {
                case COUNT -> String.format(Locale.ROOT, "%d", Math.round(value));
                case SHARE -> String.format(Locale.ROOT, "%.1f%%", value * 100);
                case POINTS -> String.format(Locale.ROOT, "%.2f", value);
                case HOURS -> String.format(Locale.ROOT, "%.1f", value);
            };
            return signed && value > 0 ? "+" + body : body;
        }
    }
}
