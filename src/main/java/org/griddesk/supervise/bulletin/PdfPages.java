package org.griddesk.supervise.bulletin;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.griddesk.supervise.bulletin.BulletinTable.Column;
import org.griddesk.supervise.bulletin.BulletinTable.Num;

/// A4 pages filled from the top: text, tables (their header repeated on every page they run over) and
/// images, a new page when the next block does not fit, and a footer on each.
final class PdfPages implements AutoCloseable {
    static final float MARGIN = 40;
    static final float ROW = 13;
    static final float TABLE_FONT = 7.5f;

    private final PDDocument doc;
    private final PDType0Font cjk;
    private final PDType0Font latin;
    private final String footer;
    private PDPageContentStream out;
    private float y;
    private int pages;

    PdfPages(PDDocument doc, String footer) throws IOException {
        this.doc = doc;
        this.cjk = PDType0Font.load(doc, BulletinFont.get().cjkStream(), true);
        this.latin = PDType0Font.load(doc, BulletinFont.get().latinStream(), true);
        this.footer = footer;
        newPage();
    }

    static float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pages++;
        y = PDRectangle.A4.getHeight() - MARGIN;
        text(footer + "    第 " + pages + " 页", MARGIN, MARGIN / 2, 8, Color.GRAY);
    }

    /// starts a new page unless `height` more points fit on this one
    void reserve(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void gap(float height) {
        y -= height;
    }

    void heading(String s, float size) throws IOException {
        reserve(size + 6 + ROW * 3);
        y -= size + 4;
        text(s, MARGIN, y, size, Color.BLACK);
        y -= 6;
    }

    void centred(String s, float size, Color colour) throws IOException {
        reserve(size + 6);
        y -= size + 2;
        text(s, MARGIN + (width() - textWidth(s, size)) / 2, y, size, colour);
        y -= 4;
    }

    /// boxes side by side, `columns` a row: a label over a big value over a smaller note
    void figures(List<String[]> boxes, int columns) throws IOException {
        float w = width() / columns;
        float h = 54;
        for (int i = 0; i < boxes.size(); i += columns) {
            reserve(h + 4);
            for (int k = 0; k < columns && i + k < boxes.size(); k++) {
                String[] b = boxes.get(i + k);
                float x = MARGIN + k * w;
                fill(x + 2, y - h, w - 4, h, new Color(0xF2, 0xF5, 0xFA));
                text(b[0], x + 8, y - 14, 9, Color.DARK_GRAY);
                text(b[1], x + 8, y - 34, 16, Color.BLACK);
                text(b[2], x + 8, y - 48, 8, Color.GRAY);
            }
            y -= h + 4;
        }
    }

    void image(BufferedImage image, float width, float height) throws IOException {
        reserve(height + 4);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        out.drawImage(x, MARGIN, y - height, width, height);
        y -= height + 4;
    }

    /// the table's PDF columns; the header again on each new page
    void table(BulletinTable table) throws IOException {
        List<Integer> shown = java.util.stream.IntStream.range(0, table.columns().size())
                .filter(i -> table.columns().get(i).inPdf()).boxed().toList();
        heading(table.title(), 12);
        header(table, shown);
        for (int r = 0; r < table.rows().size(); r++) {
            if (y - ROW < MARGIN) {
                newPage();
                header(table, shown);
            }
            if (r % 2 == 1) {
                fill(MARGIN, y - ROW, rowWidth(table, shown), ROW, new Color(0xF7, 0xF7, 0xF7));
            }
            float x = MARGIN;
            for (int i : shown) {
                Column c = table.columns().get(i);
                Object cell = table.rows().get(r).get(i);
                String s = cell == null ? "—" : cell instanceof Num n ? n.text() : cell.toString();
                cell(s, x, c.pdfWidth(), cell instanceof Num || cell == null, Color.BLACK);
                x += c.pdfWidth();
            }
            y -= ROW;
        }
        if (table.rows().isEmpty()) {
            text("（本期无）", MARGIN + 4, y - 10, TABLE_FONT, Color.GRAY);
            y -= ROW;
        }
        y -= 8;
    }

    /// a paragraph wrapped to the page's width
    void paragraph(String s, float size) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            line.append(s.charAt(i));
            if (textWidth(line.toString(), size) > width()) {
                line.setLength(line.length() - 1);
                writeLine(line.toString(), size);
                line.setLength(0);
                line.append(s.charAt(i));
            }
        }
        writeLine(line.toString(), size);
    }

    private void writeLine(String s, float size) throws IOException {
        reserve(size + 3);
        y -= size + 3;
        text(s, MARGIN, y, size, Color.DARK_GRAY);
    }

    private void header(BulletinTable table, List<Integer> shown) throws IOException {
        fill(MARGIN, y - ROW, rowWidth(table, shown), ROW, new Color(0xDD, 0xE6, 0xF0));
        float x = MARGIN;
        for (int i : shown) {
            Column c = table.columns().get(i);
            cell(c.header(), x, c.pdfWidth(), false, Color.BLACK);
            x += c.pdfWidth();
        }
        y -= ROW;
    }

    private static float rowWidth(BulletinTable table, List<Integer> shown) {
        float w = 0;
        for (int i : shown) {
            w += table.columns().get(i).pdfWidth();
        }
        return w;
    }

    /// text in a cell, cut with … when too wide; numbers to the right
    private void cell(String s, float x, float width, boolean right, Color colour) throws IOException {
        String shown = s;
        float room = width - 6;
        if (textWidth(shown, TABLE_FONT) > room) {
            while (!shown.isEmpty() && textWidth(shown + "…", TABLE_FONT) > room) {
                shown = shown.substring(0, shown.length() - 1);
            }
            shown += "…";
        }
        float tx = right ? x + width - 3 - textWidth(shown, TABLE_FONT) : x + 3;
        text(shown, tx, y - ROW + 3.5f, TABLE_FONT, colour);
    }

    private void fill(float x, float y0, float w, float h, Color colour) throws IOException {
        out.setNonStrokingColor(colour);
        out.addRect(x, y0, w, h);
        out.fill();
    }

    float textWidth(String s, float size) throws IOException {
        float w = 0;
        for (BulletinFont.Run run : BulletinFont.get().runs(s)) {
            w += (run.latin() ? latin : cjk).getStringWidth(run.text()) / 1000 * size;
        }
        return w;
    }

    /// one text object; the font changes with each run (Chinese and Latin)
    void text(String s, float x, float baseline, float size, Color colour) throws IOException {
        out.beginText();
        out.setNonStrokingColor(colour);
        out.newLineAtOffset(x, baseline);
        for (BulletinFont.Run run : BulletinFont.get().runs(s)) {
            out.setFont(run.latin() ? latin : cjk, size);
            out.showText(run.text());
        }
        out.endText();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
