package org.griddesk.supervise.bulletin;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.griddesk.supervise.bulletin.BulletinTable.Num;

/// 《考评专报》's tables as an XLSX workbook (Apache POI): one sheet per table, every column, numbers as
/// numbers (rates as fractions shown as percentages) so they can be summed and charted in Excel.
public final class BulletinXlsx {
    private BulletinXlsx() {
    }

    public static void write(Bulletin b, OutputStream to) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.getProperties().getCoreProperties().setTitle(b.districtName() + "《" + BulletinPdf.TITLE + "》" + b.periodTitle());
            Styles styles = new Styles(book);
            for (BulletinTable table : BulletinTables.of(b)) {
                Sheet sheet = book.createSheet(table.sheet());
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue(table.title() + "（" + b.periodTitle() + "）" + (b.empty() ? " 本期无数据" : ""));
                Row header = sheet.createRow(1);
                for (int c = 0; c < table.columns().size(); c++) {
                    var cell = header.createCell(c);
                    cell.setCellValue(table.columns().get(c).header());
                    cell.setCellStyle(styles.header);
                }
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 2);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Num n) {
                            var cell = row.createCell(c);
                            cell.setCellValue(n.value());
                            cell.setCellStyle(styles.of(n));
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 2);
                for (int c = 0; c < table.columns().size(); c++) {
                    sheet.setColumnWidth(c, Math.min(60, Math.max(8, widest(table, c))) * 256 + 512);
                }
            }
            book.write(to);
        }
    }

    /// a column's width in characters (Chinese characters count twice), without asking AWT to measure
    private static int widest(BulletinTable table, int column) {
        int w = chars(table.columns().get(column).header());
        for (List<Object> row : table.rows()) {
            Object v = row.get(column);
            w = Math.max(w, v == null ? 1 : v instanceof Num n ? n.text().length() : chars(v.toString()));
        }
        return w;
    }

    private static int chars(String s) {
        return s.codePoints().map(cp -> cp > 0x2E80 ? 2 : 1).sum();
    }

    /// one cell style per number format (a workbook allows only so many)
    private static final class Styles {
        final CellStyle header;
        private final XSSFWorkbook book;
        private final Map<String, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook book) {
            this.book = book;
            header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }

        CellStyle of(Num n) {
            return numbers.computeIfAbsent(n.format().excel(n.signed()), f -> {
                CellStyle s = book.createCellStyle();
                s.setDataFormat(book.createDataFormat().getFormat(f));
                return s;
            });
        }
    }
}
