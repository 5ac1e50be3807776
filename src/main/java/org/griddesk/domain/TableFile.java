package org.griddesk.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/// A table people keep in a spreadsheet: a CSV file (in any encoding [TextFile] finds, quoted fields
/// and line breaks inside quotes read as Excel writes them) or the first sheet of an XLSX workbook.
/// The first non-empty row is the header; rows with no text at all are left out. Every row keeps
/// the line it starts on (the sheet's row number in a workbook), so that a problem can name it.
public final class TableFile {
    /// Files larger than this are refused before they are read.
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /// One row: the line it starts on and its cells, stripped ("" for an empty cell).
    public record Line(int number, List<String> cells) {
        /// The cell in `column` (0-based), "" beyond the row's end.
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /// A table read whole: its file's name, the header row and the rows below it.
    public record Table(String fileName, Line header, List<Line> rows) {
    }

    /// A file that cannot be read as a table; the reason in both languages (without the file's name).
    public static final class UnreadableException extends IOException {
        private final String chinese;

        UnreadableException(String chinese, String english) {
            super(english);
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    private TableFile() {
    }

    /// Reads `file`: `.xlsx` as a workbook, anything else as CSV.
    public static Table read(Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new UnreadableException("文件过大（" + size + " 字节，上限 " + MAX_BYTES + "）",
                    "the file is too large (" + size + " bytes, at most " + MAX_BYTES + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xls")) {
            throw new UnreadableException("旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV",
                    "an old Excel (.xls) file; save it as .xlsx or CSV");
        }
        return lower.endsWith(".xlsx") ? xlsx(name, bytes) : csv(name, bytes);
    }

    /// A CSV table from its bytes.
    public static Table csv(String name, byte[] bytes) throws IOException {
        String text;
        try {
            text = TextFile.decode(bytes).text();
        } catch (TextFile.NotTextException e) {
            throw new UnreadableException(e.chinese(), e.getMessage());
        }
        int[] lineStarts = lineStarts(text);
        List<Line> lines = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.stream().map(c -> c == null ? "" : c.strip()).toList();
                lines.add(new Line(lineOf(lineStarts, record.getCharacterPosition()), cells));
            }
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            // commons-csv names the place of an unclosed quote in its message
            throw new UnreadableException("CSV 格式有误（引号未闭合？）：" + e.getMessage(),
                    "not well-formed CSV (an unclosed quote?): " + e.getMessage());
        }
        return table(name, lines);
    }

    /// An XLSX table from its bytes: the first sheet.
    public static Table xlsx(String name, byte[] bytes) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                return table(name, lines);
            }
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    cells.add(text(row.getCell(c)));
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException("不是可读的 XLSX 工作簿：文件已损坏，或并非 Excel 2007 以后的格式",
                    "not a readable XLSX workbook: the file is damaged or not in the Excel 2007+ format");
        }
        return table(name, lines);
    }

    private static Table table(String name, List<Line> lines) throws UnreadableException {
        List<Line> filled = lines.stream().filter(l -> l.cells().stream().anyMatch(c -> !c.isEmpty())).toList();
        if (filled.isEmpty()) {
            throw new UnreadableException("文件是空的，没有表头", "the file is empty, it has no header row");
        }
        return new Table(name, filled.getFirst(), filled.subList(1, filled.size()));
    }

    /// A cell as the text a person sees in it: numbers without a trailing ".0" or an exponent (a
    /// phone typed as a number is 13800138000, a longitude 117.345678), dates as 2026-01-31.
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().strip();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> "#ERROR";
            default -> "";
        };
    }

    private static String plain(double value) {
        BigDecimal d = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r' && !crlf) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static int lineOf(int[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
