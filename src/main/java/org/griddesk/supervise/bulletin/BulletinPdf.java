package org.griddesk.supervise.bulletin;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Rate;
import org.griddesk.supervise.bulletin.BulletinTable.Num;
import org.griddesk.supervise.bulletin.BulletinTable.NumFormat;

/// 《考评专报》 as an A4 PDF (PDFBox 3) with the bundled CJK font embedded as a subset: the headline
/// figures, the daily intake and the towns' rates as charts, the town centres' ranking and the map, the
/// departments' ranking, the notable cases, then the district's figures in full and the formula.
public final class BulletinPdf {
    /// the PDF's title and the footer of every page
    public static final String TITLE = "考评专报";

    private BulletinPdf() {
    }

    public static void write(Bulletin b, OutputStream to) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(b.districtName() + "《" + TITLE + "》" + b.periodTitle());
            info.setCreator("GridDesk 网格指挥台");
            List<BulletinTable> tables = BulletinTables.of(b);
            try (PdfPages pages = new PdfPages(doc, b.districtName() + "《" + TITLE + "》" + b.periodTitle())) {
                pages.centred(b.districtName() + "网格化管理", 14, Color.DARK_GRAY);
                pages.centred("《" + TITLE + "》", 24, new Color(0xB0, 0x1E, 0x1E));
                pages.centred(b.periodTitle() + "（对比上期 " + b.period().previous().label() + "）", 11, Color.DARK_GRAY);
                if (b.empty()) {
                    pages.centred("本期无数据：以下各项均为 0", 12, new Color(0xB0, 0x1E, 0x1E));
                }
                pages.heading("一、全区主要指标", 13);
                pages.figures(figures(b.district(), b.before()), 4);
                pages.heading("二、每日来件", 13);
                pages.image(BulletinCharts.dailyIntake(b.daily(), 515, 170), 515, 170);
                pages.heading("三、各镇街主要比率", 13);
                pages.image(BulletinCharts.ratesByTown(b.centres(), 515, 210), 515, 210);
                pages.newPage();
                pages.table(tables.get(1));
                pages.heading("各镇街按时办结率分布图", 11);
                pages.image(DistrictMapImage.render(b.areas(), onTime(b), "按时办结率", 515, 300), 515, 300);
                pages.table(tables.get(2));
                pages.table(tables.get(4));
                pages.table(tables.get(0));
                pages.table(tables.get(5));
                pages.paragraph("计分方法：得分 = 响应、办结、满意三项比率按权重加权（百分制，无可评比率的项不计、其权重由其余项分摊）"
                        + "减去扣分；扣分 = 每百件来件中的超期、退单、督办、重复来件数乘以各自分值，合计不超过扣分上限；"
                        + "名次变化为上期名次减本期名次（正数为上升）。各数字可在桌面「考评排名」中逐项下钻到工单。", 8);
            }
            doc.save(to);
        }
    }

    /// the boxes of section one: the figure, and the change from the period before
    static List<String[]> figures(KpiSheet now, KpiSheet before) {
        List<String[]> boxes = new ArrayList<>();
        for (Measure m : List.of(Measure.RECEIVED, Measure.RESOLVED, Measure.OVERDUE_OPEN, Measure.URGES)) {
            long n = now.count(m);
            boxes.add(new String[] {m.zhName(), Long.toString(n), "上期 " + before.count(m) + "，"
                    + new Num(n - before.count(m), NumFormat.COUNT, true).text()});
        }
        for (Rate r : List.of(Rate.ACCEPTED_ON_TIME, Rate.RESOLVED_ON_TIME, Rate.CALLBACK, Rate.SATISFACTION)) {
            OptionalDouble n = now.rate(r);
            OptionalDouble p = before.rate(r);
            boxes.add(new String[] {r.zhName(), n.isPresent() ? Num.share(n.getAsDouble()).text() : "—",
                    "上期 " + (p.isPresent() ? Num.share(p.getAsDouble()).text() : "—")
                            + (n.isPresent() && p.isPresent() ? "，" + new Num(n.getAsDouble() - p.getAsDouble(), NumFormat.SHARE, true).text()
                            : "")});
        }
        return boxes;
    }

    private static Map<String, OptionalDouble> onTime(Bulletin b) {
        Map<String, OptionalDouble> values = new HashMap<>();
        b.centres().rows().forEach(r -> values.put(r.unitId(), r.sheet().rate(Rate.RESOLVED_ON_TIME)));
        return values;
    }
}
