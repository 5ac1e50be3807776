package org.griddesk.desk.detail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Decodes an evidence picture for the desk, off the FX thread: JPEG and PNG by JavaFX itself; WebP,
/// which JavaFX cannot read, by TwelveMonkeys' ImageIO reader, its pixels copied as ARGB into a
/// [WritableImage] (no javafx-swing). A picture over [Attachment#MAX_PIXELS] by its header is never
/// decoded; a thumbnail of a WebP is read subsampled, so a phone's photo is not decoded whole for it.
final class EvidencePictures {
    private static final Logger log = LoggerFactory.getLogger(EvidencePictures.class);
    /// rows copied at a time: a large picture's pixels are never held twice in full
    private static final int BAND = 256;

    private EvidencePictures() {
    }

    /// The picture scaled to fit `width`×`height` (both 0: whole), or null when it is not a picture
    /// the desk draws, too large, or cannot be read.
    static Image decode(AttachmentType type, byte[] bytes, int width, int height) {
        if (type == null || !type.drawable() || type.pixels(bytes) > Attachment.MAX_PIXELS) {
            return null;
        }
        if (type == AttachmentType.WEBP) {
            return webp(bytes, width, height);
        }
        Image image = width == 0 ? new Image(new ByteArrayInputStream(bytes))
                : new Image(new ByteArrayInputStream(bytes), width, height, true, true);
        return image.isError() ? null : image;
    }

    private static Image webp(byte[] bytes, int width, int height) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(AttachmentType.WEBP.mediaType());
        if (!readers.hasNext()) {
            log.warn("no WebP reader on the class path: WebP evidence is not drawn");
            return null;
        }
        ImageReader reader = readers.next();
        // in memory: ImageIO's default cache would copy the evidence to a temporary file
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if ((long) w * h > Attachment.MAX_PIXELS) {
                return null;
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = width == 0 ? 1 : Math.max(1, Math.min(w / width, h / height));
            param.setSourceSubsampling(step, step, 0, 0);
            return fx(reader.read(0, param));
        } catch (IOException | RuntimeException unreadable) {
            log.debug("a WebP picture could not be decoded: {}", unreadable.toString());
            return null;
        } finally {
            reader.dispose();
        }
    }

    /// The pixels as a JavaFX image: non-premultiplied ARGB both sides, a band of rows at a time.
    static WritableImage fx(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        WritableImage image = new WritableImage(w, h);
        PixelWriter writer = image.getPixelWriter();
        int[] band = new int[w * Math.min(BAND, h)];
        for (int y = 0; y < h; y += BAND) {
            int rows = Math.min(BAND, h - y);
            picture.getRGB(0, y, w, rows, band, 0, w);
            writer.setPixels(0, y, w, rows, PixelFormat.getIntArgbInstance(), band, 0, w);
        }
        return image;
    }
}
