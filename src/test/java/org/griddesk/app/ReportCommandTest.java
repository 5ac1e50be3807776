package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.demo.DemoDistrictLoader;
import org.griddesk.domain.assessment.AssessmentFormula;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.assessment.KpiFilter;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.assessment.ScoreWeightsRepository;
import org.griddesk.testsupport.TestDataKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `griddesk report assessment` on a store with 45 days of demo history: the bulletin's numbers are
/// the engine's, the PDF reads as the bulletin, the report is audited.
class ReportCommandTest {
    private static final int HISTORY_DAYS = 45;

    @TempDir
    Path dataDir;

    @Test
    void theMonthlyBulletinCarriesTheEnginesNumbersAndIsAudited() throws Exception {
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            db.migrate();
            TestDataKeys.attach(db);
            DemoDistrictLoader.loadIfEmpty(db, DemoDistrictGenerator.DEFAULT_SEED, HISTORY_DAYS, Instant.now(), step -> { });
        }
        Period november = Period.parse("2026-11");
        Path pdf = dataDir.resolve("考评专报-2026-11.pdf");
        Path xlsx = dataDir.resolve("考评专报-2026-11.xlsx");
        CliRun madePdf = CliRun.in(dataDir, "report", "assessment", "--month", "2026-11", "--out", pdf.toString());
        assertThat(madePdf.code()).as(madePdf.err()).isZero();
        assertThat(madePdf.out()).contains("已生成", "《考评专报》2026年11月", pdf.toString());
        CliRun madeXlsx = CliRun.in(dataDir, "report", "assessment", "--month", "2026-11", "--out", xlsx.toString(), "--lang", "en");
        assertThat(madeXlsx.code()).as(madeXlsx.err()).isZero();
        assertThat(madeXlsx.out()).contains("Made the", "XLSX");

        List<KpiSheet> centres;
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            KpiEngine engine = AssessmentWiring.engine(db);
            centres = engine.sheets(november, UnitDimension.CENTRE, KpiFilter.ALL);
            var weights = new ScoreWeightsRepository(db.dsl(), Clock.systemUTC()).current();
            try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                Sheet ranking = book.getSheet("镇街中心排名");
                List<String> headers = new ArrayList<>();
                ranking.getRow(1).forEach(c -> headers.add(c.getStringCellValue()));
                assertThat(ranking.getLastRowNum() - 1).isEqualTo(centres.size());
                for (int r = 2; r <= ranking.getLastRowNum(); r++) {
                    Row row = ranking.getRow(r);
                    String unit = row.getCell(headers.indexOf("单位代码")).getStringCellValue();
                    KpiSheet sheet = centres.stream().filter(s -> s.unitId().equals(unit)).findFirst().orElseThrow();
                    assertThat(row.getCell(headers.indexOf("来件量")).getNumericCellValue()).isEqualTo(sheet.count(Measure.RECEIVED));
                    if (sheet.rate(Rate.SATISFACTION).isPresent()) {
                        assertThat(row.getCell(headers.indexOf("满意率")).getNumericCellValue())
                                .isEqualTo(sheet.rate(Rate.SATISFACTION).getAsDouble());
                    }
                    var score = AssessmentFormula.score(sheet, weights).total();
                    if (score.isPresent()) {
                        assertThat(row.getCell(headers.indexOf("得分")).getNumericCellValue()).isEqualTo(score.getAsDouble());
                    }
                }
                KpiSheet district = engine.sheets(november, UnitDimension.DISTRICT, KpiFilter.ALL).getFirst();
                assertThat(book.getSheet("全区主要指标").getRow(2).getCell(1).getNumericCellValue())
                        .as("来件量 of the district").isEqualTo(district.count(Measure.RECEIVED));
                assertThat(district.count(Measure.RECEIVED)).isGreaterThan(1000);
                Sheet daily = book.getSheet("每日来件");
                double sum = 0;
                for (int r = 2; r <= daily.getLastRowNum(); r++) {
                    sum += daily.getRow(r).getCell(1).getNumericCellValue();
                }
                assertThat(daily.getLastRowNum() - 1).isEqualTo(30);
                assertThat(sum).as("the days add up to the month's 来件量").isEqualTo(district.count(Measure.RECEIVED));
            }
            assertThat(db.dsl().fetch("SELECT target, detail FROM audit_log WHERE action = 'REPORT_MADE' ORDER BY seq"))
                    .extracting(r -> r.get(0, String.class) + " " + r.get(1, String.class))
                    .containsExactly("考评专报 2026-11 PDF written to " + pdf.toAbsolutePath(),
                            "考评专报 2026-11 XLSX written to " + xlsx.toAbsolutePath());
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("《考评专报》", "四、镇街中心考评排名", centres.getFirst().unitName());
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            Files.createDirectories(Path.of("target", "bulletin"));
            for (int p = 0; p < Math.min(3, doc.getNumberOfPages()); p++) {
                javax.imageio.ImageIO.write(renderer.renderImageWithDPI(p, 110), "png",
                        Path.of("target", "bulletin", "demo-page-" + (p + 1) + ".png").toFile());
            }
        }
    }
}
