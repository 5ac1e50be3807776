package org.griddesk.supervise.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.griddesk.domain.assessment.AssessmentFormula;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.ScoreWeights;
import org.griddesk.domain.assessment.UnitDimension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinWritersTest {
    @TempDir
    Path temp;

    @Test
    void thePdfReadsAsAUserSeesIt() throws IOException {
        Path pdf = temp.resolve("考评专报-2026-11.pdf");
        BulletinFile.write(HandBulletin.november(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(2, 5);
            assertThat(doc.getPage(0).getMediaBox().getWidth()).as("A4").isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("《考评专报》", "2026年11月", "一、全区主要指标", "二、每日来件", "三、各镇街主要比率",
                    "四、镇街中心考评排名", "五、区级部门考评排名", "六、典型案件", "咸水沽镇网格化管理中心", "城管委", "受理及时率", "620");
            assertThat(text).as("personal data masked").contains("138********", "王**先生").doesNotContain("13812345678", "王建国");
            assertThat(text).contains("2610-0007", "超期 51 天");
            for (PDFont f : fonts(doc)) {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f.getName()).as("a subset").matches("[A-Z]{6}\\+.*");
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            BufferedImage first = renderer.renderImageWithDPI(0, 100);
            BufferedImage second = renderer.renderImageWithDPI(1, 100);
            Files.createDirectories(Path.of("target", "bulletin"));
            ImageIO.write(first, "png", Path.of("target", "bulletin", "hand-page-1.png").toFile());
            ImageIO.write(second, "png", Path.of("target", "bulletin", "hand-page-2.png").toFile());
            // the charts on page 1: the daily bars (blue) and the towns' green and amber bars, in the lower half
            assertThat(pixelsNear(first, BulletinCharts.BAR, 0, first.getHeight() / 3, first.getHeight())).isGreaterThan(2000);
            assertThat(pixelsNear(first, BulletinCharts.TOWN_COLOURS[1], 0, first.getHeight() / 2, first.getHeight()))
                    .isGreaterThan(500);
            assertThat(pixelsNear(first, BulletinCharts.TOWN_COLOURS[2], 0, first.getHeight() / 2, first.getHeight()))
                    .isGreaterThan(500);
            // page 2: the ranking table's header band and the map's best (green) and worst (red) towns
            assertThat(pixelsNear(second, new Color(0xDD, 0xE6, 0xF0), 0, 0, second.getHeight() / 3)).isGreaterThan(3000);
            assertThat(pixelsNear(second, new Color(0x1A, 0x98, 0x50), 0, 0, second.getHeight())).isGreaterThan(1000);
            assertThat(pixelsNear(second, new Color(0xD7, 0x30, 0x27), 0, 0, second.getHeight())).isGreaterThan(1000);
        }
    }

    @Test
    void theWorkbookHasEveryTableWithTheEnginesNumbers() throws IOException {
        Path xlsx = temp.resolve("report.xlsx");
        Bulletin b = HandBulletin.november();
        BulletinFile.write(b, xlsx);
        HandKpiEngine engine = HandBulletin.engine();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            List<String> names = new ArrayList<>();
            book.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("全区主要指标", "镇街中心排名", "区级部门排名", "每日来件", "典型案件", "考评参数");
            Sheet ranking = book.getSheet("镇街中心排名");
            List<String> headers = new ArrayList<>();
            ranking.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).startsWith("排名", "单位代码", "单位", "得分", "上期排名", "名次变化", "得分变化", "受理及时率");
            assertThat(ranking.getLastRowNum()).isEqualTo(1 + 3);
            for (int r = 2; r <= ranking.getLastRowNum(); r++) {
                Row row = ranking.getRow(r);
                KpiSheet sheet = engine.sheet(HandBulletin.NOV, UnitDimension.CENTRE, row.getCell(1).getStringCellValue(), KpiFilter.ALL);
                assertThat(row.getCell(headers.indexOf("来件量")).getNumericCellValue()).isEqualTo(sheet.count(Measure.RECEIVED));
                assertThat(row.getCell(headers.indexOf("按时办结率")).getNumericCellValue())
                        .isEqualTo(sheet.rate(Rate.RESOLVED_ON_TIME).getAsDouble());
                assertThat(row.getCell(headers.indexOf("得分")).getNumericCellValue())
                        .isEqualTo(AssessmentFormula.score(sheet, ScoreWeights.DEFAULTS).total().getAsDouble());
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(r - 1);
            }
            assertThat(new DataFormatter().formatCellValue(ranking.getRow(2).getCell(headers.indexOf("按时办结率"))))
                    .as("rates shown as percentages").endsWith("%");
            assertThat(book.getSheet("每日来件").getLastRowNum()).isEqualTo(1 + 30);
            assertThat(book.getSheet("每日来件").getRow(2).getCell(1).getNumericCellValue()).isEqualTo(11);
            assertThat(book.getSheet("每日来件").getRow(31).getCell(1).getNumericCellValue()).isEqualTo(40);
            assertThat(book.getSheet("典型案件").getRow(2).getCell(3).getStringCellValue()).contains("138********")
                    .doesNotContain("13812345678");
        }
    }

    @Test
    void theSameDataMakesTheSameBulletin() throws IOException {
        Path a = temp.resolve("a.pdf");
        Path b = temp.resolve("b.pdf");
        BulletinFile.write(HandBulletin.november(), a);
        BulletinFile.write(new BulletinMaker(HandBulletin.sources(HandBulletin.engine())).make(HandBulletin.NOV), b);
        try (PDDocument da = Loader.loadPDF(a.toFile()); PDDocument db = Loader.loadPDF(b.toFile())) {
            assertThat(new PDFTextStripper().getText(da)).isEqualTo(new PDFTextStripper().getText(db));
        }
        assertThat(HandBulletin.november()).isEqualTo(HandBulletin.november());
    }

    @Test
    void aPeriodWithNoDataSaysSoAndShowsZeros() throws IOException {
        Bulletin empty = new BulletinMaker(HandBulletin.sources(new HandKpiEngine()))
                .make(org.griddesk.domain.assessment.Period.parse("2026-W47"));
        Path pdf = temp.resolve("empty.pdf");
        BulletinFile.write(empty, pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("本期无数据", "2026年第47周（11月16日—11月22日）", "（本期无）");
        }
    }

    /// A bulletin is made to be passed on: it gets the permissions of any new file in its folder (the
    /// umask), not the owner-only ones of a temporary file; one it replaces keeps its permissions.
    @Test
    void theBulletinIsReadableLikeAnyNewFileAndAReplacedOneKeepsItsPermissions() throws IOException {
        Path pdf = temp.resolve("考评专报.pdf");
        BulletinFile.write(HandBulletin.november(), pdf);
        Path plain = Files.createFile(temp.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(Files.getPosixFilePermissions(plain));
        Files.setPosixFilePermissions(pdf, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        BulletinFile.write(HandBulletin.november(), pdf);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pdf))).isEqualTo("rw-rw-r--");
        try (var files = Files.list(temp)) {
            assertThat(files).as("no temporary file is left").containsExactlyInAnyOrder(pdf, plain);
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedWithTheReason() throws IOException {
        assertThatThrownBy(() -> BulletinFile.check(temp.resolve("no/such/dir/r.pdf"))).hasMessageContaining("不存在");
        assertThatThrownBy(() -> BulletinFile.check(temp.resolve("r.docx"))).hasMessageContaining(".pdf 或 .xlsx");
        Path folder = Files.createDirectory(temp.resolve("r.pdf"));
        assertThatThrownBy(() -> BulletinFile.check(folder)).hasMessageContaining("目录");
        assertThat(BulletinFile.check(temp.resolve("R.XLSX"))).isEqualTo(BulletinFile.Format.XLSX);
        try (var files = Files.list(temp)) {
            assertThat(files).as("the check leaves nothing behind").containsExactly(folder);
        }
    }

    private static List<PDFont> fonts(PDDocument doc) throws IOException {
        List<PDFont> out = new ArrayList<>();
        for (var page : doc.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                out.add(page.getResources().getFont(name));
            }
        }
        return out;
    }

    /// pixels within a small distance of `colour` in rows [from, to)
    private static int pixelsNear(BufferedImage image, Color colour, int x0, int from, int to) {
        int n = 0;
        for (int y = from; y < to; y++) {
            for (int x = x0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                if (Math.abs(c.getRed() - colour.getRed()) + Math.abs(c.getGreen() - colour.getGreen())
                        + Math.abs(c.getBlue() - colour.getBlue()) < 24) {
                    n++;
                }
            }
        }
        return n;
    }
}
