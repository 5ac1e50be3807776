package org.griddesk.supervise.bulletin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Ranking;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.assessment.Rate;

/// The bulletin's two charts drawn with Java2D (headless): the district's daily intake as bars, and the
/// three rates of each town centre as grouped bars. Images are drawn at [#SCALE] times their size on the
/// page so they stay sharp when printed.
public final class BulletinCharts {
    static final int SCALE = 2;
    static final Color INK = new Color(0x33, 0x33, 0x33);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color BAR = new Color(0x2F, 0x6F, 0xB5);
    static final List<Rate> TOWN_RATES = List.of(Rate.ACCEPTED_ON_TIME, Rate.RESOLVED_ON_TIME, Rate.SATISFACTION);
    static final Color[] TOWN_COLOURS = {new Color(0x2F, 0x6F, 0xB5), new Color(0x3A, 0xA0, 0x5A), new Color(0xE0, 0x8A, 0x1E)};

    private BulletinCharts() {
    }

    /// Bars of tickets received per day; `width` × `height` in page points.
    public static BufferedImage dailyIntake(Map<LocalDate, Long> daily, int width, int height) {
        Canvas c = new Canvas(width, height);
        long max = Math.max(1, daily.values().stream().mapToLong(Long::longValue).max().orElse(0));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        int left = 40, right = 10, upper = 22, lower = 24;
        int plotW = width - left - right, plotH = height - upper - lower;
        c.size(9);
        c.text("件", 6, upper - 8);
        for (long v = 0; v <= top; v += step) {
            int y = upper + plotH - (int) (plotH * v / top);
            c.g.setColor(GRID);
            c.g.drawLine(left, y, left + plotW, y);
            c.g.setColor(INK);
            c.rightText(Long.toString(v), left - 4, y + 3);
        }
        int n = Math.max(1, daily.size());
        double slot = (double) plotW / n;
        int i = 0;
        for (var e : daily.entrySet()) {
            long v = e.getValue();
            int h = (int) Math.round(plotH * (double) v / top);
            int x = left + (int) (i * slot + slot * 0.15);
            c.g.setColor(BAR);
            c.g.fillRect(x, upper + plotH - h, Math.max(1, (int) (slot * 0.7)), h);
            if (n <= 10 || i % Math.max(1, n / 10) == 0) {
                c.g.setColor(INK);
                c.centredText(e.getKey().getMonthValue() + "/" + e.getKey().getDayOfMonth(), x + (int) (slot * 0.35), upper + plotH + 13);
            }
            i++;
        }
        c.g.setColor(INK);
        c.g.drawLine(left, upper + plotH, left + plotW, upper + plotH);
        if (daily.values().stream().allMatch(count -> count == 0)) {
            c.size(12);
            c.centredText("本期无来件", width / 2, upper + plotH / 2);
        }
        return c.done();
    }

    /// For each town centre (in ranking order) three bars: 受理及时率, 按时办结率, 满意率, on a 0–100 % scale.
    public static BufferedImage ratesByTown(Ranking centres, int width, int height) {
        Canvas c = new Canvas(width, height);
        int left = 34, right = 8, upper = 24, lower = 44;
        int plotW = width - left - right, plotH = height - upper - lower;
        c.size(9);
        for (int p = 0; p <= 100; p += 20) {
            int y = upper + plotH - plotH * p / 100;
            c.g.setColor(GRID);
            c.g.drawLine(left, y, left + plotW, y);
            c.g.setColor(INK);
            c.rightText(p + "%", left - 4, y + 3);
        }
        for (int k = 0; k < TOWN_RATES.size(); k++) {
            int x = left + k * 90;
            c.g.setColor(TOWN_COLOURS[k]);
            c.g.fillRect(x, 6, 10, 10);
            c.g.setColor(INK);
            c.text(TOWN_RATES.get(k).zhName(), x + 14, 15);
        }
        List<RankingRow> rows = centres.rows();
        double slot = (double) plotW / Math.max(1, rows.size());
        double bar = slot * 0.8 / TOWN_RATES.size();
        for (int i = 0; i < rows.size(); i++) {
            KpiSheet s = rows.get(i).sheet();
            double x0 = left + i * slot + slot * 0.1;
            for (int k = 0; k < TOWN_RATES.size(); k++) {
                OptionalDouble r = s.rate(TOWN_RATES.get(k));
                if (r.isPresent()) {
                    int h = (int) Math.round(plotH * r.getAsDouble());
                    c.g.setColor(TOWN_COLOURS[k]);
                    c.g.fillRect((int) (x0 + k * bar), upper + plotH - h, Math.max(1, (int) bar - 1), h);
                }
            }
            c.g.setColor(INK);
            c.verticalLabel(shortName(rows.get(i).unitName()), (int) (x0 + slot * 0.4), upper + plotH + 4, lower - 6);
        }
        c.g.setColor(INK);
        c.g.drawLine(left, upper + plotH, left + plotW, upper + plotH);
        return c.done();
    }

    /// "咸水沽镇网格化管理中心" → "咸水沽镇"
    static String shortName(String centreName) {
        String s = centreName.replace("网格化管理中心", "").replace("网格化服务管理中心", "");
        return s.isEmpty() ? centreName : s;
    }

    private static long niceStep(long max) {
        long raw = Math.max(1, max / 5);
        long magnitude = (long) Math.pow(10, (long) Math.log10(raw));
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /// A white image at [#SCALE] with drawing in page points.
    static final class Canvas {
        final BufferedImage image;
        final Graphics2D g;
        private float size = 9;

        Canvas(int width, int height) {
            image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(SCALE, SCALE);
            g.setStroke(new BasicStroke(0.6f));
        }

        /// the size of text drawn next
        void size(float points) {
            size = points;
        }

        void text(String s, int x, int y) {
            float at = x;
            for (BulletinFont.Run run : BulletinFont.get().runs(s)) {
                g.setFont(BulletinFont.get().awt(run.latin(), size));
                g.drawString(run.text(), at, y);
                at += g.getFontMetrics().stringWidth(run.text());
            }
        }

        int width(String s) {
            int w = 0;
            for (BulletinFont.Run run : BulletinFont.get().runs(s)) {
                w += g.getFontMetrics(BulletinFont.get().awt(run.latin(), size)).stringWidth(run.text());
            }
            return w;
        }

        void rightText(String s, int x, int y) {
            text(s, x - width(s), y);
        }

        void centredText(String s, int x, int y) {
            text(s, x - width(s) / 2, y);
        }

        /// Chinese names read top to bottom, one character under the other, at most as many as fit
        void verticalLabel(String s, int x, int y, int height) {
            int line = (int) size + 1;
            int fit = Math.max(1, height / line);
            String shown = s.length() > fit ? s.substring(0, fit) : s;
            for (int i = 0; i < shown.length(); i++) {
                centredText(shown.substring(i, i + 1), x, y + (i + 1) * line);
            }
        }

        BufferedImage done() {
            g.dispose();
            return image;
        }
    }
}
