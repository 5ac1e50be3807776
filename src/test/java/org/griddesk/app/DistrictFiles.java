package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/// Files as a district's offices make them, for the district import's tests: a store whose grids
/// came from `griddesk grids import` and whose catalogue from `griddesk taxonomy import`, and
/// spreadsheets saved by Excel on a Chinese PC (GBK CSV with CRLF, UTF-8 with a BOM, XLSX with
/// numbers in number cells).
final class DistrictFiles {
    static final Charset GBK = Charset.forName("GBK");

    private DistrictFiles() {
    }

    /// A data folder holding one town XSG (communities XSG-001, XSG-002, four grids, 117.30–117.32 E,
    /// 38.90–38.92 N; centres DISTRICT and XSG) and the demo catalogue with its team types.
    static Path importedStore(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("store");
        Path grids = dir.resolve("grids.geojson");
        Files.writeString(grids, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",",
                feature("XSG", "AREA", null, "[[[117.30,38.90],[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],"
                        + "[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("XSG-001", "COMMUNITY", "XSG", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91],[117.30,38.90]]]"),
                feature("XSG-002", "COMMUNITY", "XSG", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91],[117.31,38.90]]]"),
                feature("XSG-001-01", "GRID", "XSG-001", "[[[117.30,38.90],[117.31,38.90],[117.31,38.91],[117.30,38.91],[117.30,38.90]]]"),
                feature("XSG-001-02", "GRID", "XSG-001", "[[[117.30,38.91],[117.31,38.91],[117.31,38.92],[117.30,38.92],[117.30,38.91]]]"),
                feature("XSG-002-01", "GRID", "XSG-002", "[[[117.31,38.90],[117.32,38.90],[117.32,38.91],[117.31,38.91],[117.31,38.90]]]"),
                feature("XSG-002-02", "GRID", "XSG-002", "[[[117.31,38.91],[117.32,38.91],[117.32,38.92],[117.31,38.92],[117.31,38.91]]]"))
                + "]}");
        CliRun run = CliRun.in(data, "grids", "import", grids.toString(), "--district", "测试区");
        assertThat(run.code()).as(run.err()).isZero();
        Path types = copy("/demo/team-types.csv", dir.resolve("team-types.csv"));
        Path items = copy("/demo/taxonomy.csv", dir.resolve("taxonomy.csv"));
        CliRun taxonomy = CliRun.in(data, "taxonomy", "import", "--team-types", types.toString(), "--items", items.toString());
        assertThat(taxonomy.code()).as(taxonomy.err()).isZero();
        return data;
    }

    private static String feature(String code, String level, String parent, String coordinates) {
        return """
                {"type":"Feature","properties":{"code":"%s","name":"%s名","level":"%s","parent":%s},
                 "geometry":{"type":"Polygon","coordinates":%s}}""".formatted(code, code, level,
                parent == null ? "null" : "\"" + parent + "\"", coordinates);
    }

    private static Path copy(String resource, Path to) throws Exception {
        try (InputStream in = DistrictFiles.class.getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
        return to;
    }

    /// A CSV as Excel on a Chinese PC saves it ("CSV (逗号分隔)"): GBK, CRLF line ends.
    static Path gbkCsv(Path file, String... lines) throws Exception {
        Files.write(file, (String.join("\r\n", lines) + "\r\n").getBytes(GBK));
        return file;
    }

    /// A CSV as Excel saves it as "CSV UTF-8": a byte-order mark, CRLF line ends.
    static Path bomCsv(Path file, String... lines) throws Exception {
        byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        Files.write(file, bytes);
        return file;
    }

    /// A workbook of one sheet; a [Number] is written as a number cell, anything else as text.
    static Path xlsx(Path file, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Sheet1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    Object v = cells.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            book.write(out);
        }
        return file;
    }
}
