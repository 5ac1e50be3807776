package org.griddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableFileTest {
    @Test
    void aCsvRowKeepsTheLineItStartsOnWhenAnEarlierFieldSpansLines() throws Exception {
        String text = "编号,地址\r\n\r\nH-1,\"丰泰苑\r\n3号楼\"\r\nH-2,\"津沽路, 88号\"\r\n,\r\nH-3,末行";
        TableFile.Table table = TableFile.csv("h.csv", text.getBytes(Charset.forName("GBK")));
        assertThat(table.header().cells()).containsExactly("编号", "地址");
        assertThat(table.rows()).extracting(TableFile.Line::number).containsExactly(3, 5, 7);
        assertThat(table.rows().get(0).cell(1)).isEqualTo("丰泰苑\r\n3号楼");
        assertThat(table.rows().get(1).cell(1)).isEqualTo("津沽路, 88号");
        assertThat(table.rows().get(2).cell(5)).as("beyond the row's end").isEmpty();
    }

    @Test
    void anUnclosedQuoteOrBinaryBytesAreRefusedWithAReason() {
        assertThatThrownBy(() -> TableFile.csv("a.csv", "编号,名称\n1,\"未闭合\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(TableFile.UnreadableException.class).hasMessageContaining("not well-formed CSV");
        assertThatThrownBy(() -> TableFile.csv("b.csv", new byte[] {(byte) 0xFF, (byte) 0xFF, 0x00}))
                .isInstanceOf(TableFile.UnreadableException.class)
                .satisfies(e -> assertThat(((TableFile.UnreadableException) e).chinese()).contains("不是文本"));
    }

    @Test
    void workbookCellsReadAsAPersonSeesThem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            XSSFSheet sheet = book.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("电话");
            header.createCell(1).setCellValue("经度");
            header.createCell(2).setCellValue("日期");
            header.createCell(3).setCellValue("合计");
            sheet.createRow(1); // an empty row Excel keeps
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue(13800138000d);
            row.createCell(1).setCellValue(117.345678);
            XSSFCellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            row.createCell(2).setCellValue(LocalDate.of(2026, 1, 31));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellFormula("B3*2");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(bytes);
        }
        TableFile.Table table = TableFile.xlsx("w.xlsx", bytes.toByteArray());
        assertThat(table.rows()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(3);
            assertThat(r.cells()).isEqualTo(List.of("13800138000", "117.345678", "2026-01-31", "234.691356"));
        });
    }
}
