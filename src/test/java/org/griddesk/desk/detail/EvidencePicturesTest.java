package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentType;
import org.griddesk.store.ticket.StoredAttachment;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/// WebP evidence, which JavaFX cannot decode, is drawn: real files made by libwebp's `cwebp`
/// (test resources `evidence/`), lossy and lossless, whole for the viewer and subsampled for a
/// thumbnail, their colours where they were; a picture too large by its header is not decoded.
class EvidencePicturesTest {
    private static final int RED = 0xFFC81E1E;
    private static final int BLUE = 0xFF1E3CC8;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EvidencePicturesTest.class.getResourceAsStream("/evidence/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void aLosslessWebpIsDrawnPixelForPixel() throws Exception {
        byte[] webp = resource("two-halves-lossless.webp");
        assertThat(Attachment.of("整改后.webp", webp).type()).isEqualTo(AttachmentType.WEBP);
        Image image = EvidencePictures.decode(AttachmentType.WEBP, webp, 0, 0);
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        assertThat(image.getPixelReader().getArgb(5, 20)).isEqualTo(RED);
        assertThat(image.getPixelReader().getArgb(60, 40)).isEqualTo(BLUE);
    }

    @Test
    void aLossyWebpIsDrawnWithItsColoursWhereTheyWereAndAThumbnailIsReadSubsampled() throws Exception {
        byte[] webp = resource("two-halves-lossy.webp");
        Image whole = EvidencePictures.decode(AttachmentType.WEBP, webp, 0, 0);
        assertThat(whole.getWidth()).isEqualTo(64);
        assertThat(close(whole.getPixelReader().getArgb(8, 24), RED)).as("left half red: %x", whole.getPixelReader().getArgb(8, 24)).isTrue();
        assertThat(close(whole.getPixelReader().getArgb(56, 24), BLUE)).as("right half blue").isTrue();
        Image thumb = EvidencePictures.decode(AttachmentType.WEBP, webp, 16, 12);
        assertThat(thumb.getWidth()).isEqualTo(16);
        assertThat(thumb.getHeight()).isEqualTo(12);
        assertThat(close(thumb.getPixelReader().getArgb(2, 6), RED)).isTrue();
    }

    @Test
    void theViewerGetsAStoredWebpWholeThroughTheLoader() throws Exception {
        byte[] webp = resource("two-halves-lossy.webp");
        EvidenceLoader loader = new EvidenceLoader(new CurrentThreadTaskExecutor(), new EvidenceLoader.Store() {
            @Override
            public List<StoredAttachment> find(List<String> digests) {
                return List.of();
            }

            @Override
            public Optional<byte[]> content(String digest) {
                return Optional.of(webp);
            }

            @Override
            public Optional<byte[]> snapshot(String alarmId) {
                return Optional.empty();
            }
        });
        EvidenceItem item = new EvidenceItem(EvidenceItem.Kind.STORED, Attachment.sha256(webp), "整改后.webp", AttachmentType.WEBP,
                webp.length, EvidenceItem.Origin.HANDLED, Instant.now());
        assertThat(item.drawable()).isTrue();
        AtomicReference<Image> shown = new AtomicReference<>();
        loader.picture(item, shown::set);
        assertThat(shown.get()).isNotNull();
        assertThat(shown.get().getWidth()).isEqualTo(64);
    }

    @Test
    void aWebpOverFiftyMegapixelsByItsHeaderIsNotDecodedAndBrokenBytesDrawNothing() {
        // VP8X: a canvas of 10,000 × 10,000 named in the header, nothing behind it
        byte[] huge = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, huge, 0, 4);
        huge[4] = 32;
        System.arraycopy("WEBPVP8X".getBytes(), 0, huge, 8, 8);
        huge[16] = 10;
        int side = 10_000 - 1;
        for (int at : new int[] {24, 27}) {
            huge[at] = (byte) side;
            huge[at + 1] = (byte) (side >> 8);
            huge[at + 2] = (byte) (side >> 16);
        }
        assertThat(AttachmentType.WEBP.pixels(huge)).isEqualTo(100_000_000L);
        assertThat(EvidencePictures.decode(AttachmentType.WEBP, huge, 0, 0)).isNull();
        byte[] empty = {'R', 'I', 'F', 'F', 12, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0};
        assertThat(EvidencePictures.decode(AttachmentType.WEBP, empty, 0, 0)).isNull();
        assertThat(EvidencePictures.decode(AttachmentType.PDF, empty, 0, 0)).isNull();
    }

    private static boolean close(int argb, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((argb >> shift & 0xFF) - (expected >> shift & 0xFF)) > 24) {
                return false;
            }
        }
        return true;
    }
}
