package org.griddesk.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/// Small real files for evidence tests: pictures drawn here, a minimal PDF.
public final class EvidenceFiles {
    private EvidenceFiles() {
    }

    /// A `width`×`height` picture in `format` (`jpg`, `png`) filled with `colour` and a diagonal line.
    public static byte[] picture(String format, int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg() {
        return picture("jpg", 64, 48, new Color(0x2e7d32));
    }

    public static byte[] png() {
        return picture("png", 48, 64, new Color(0x1565c0));
    }

    /// The smallest thing that starts like a PDF.
    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }
}
