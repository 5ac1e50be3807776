package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;
import org.griddesk.domain.ticket.AttachmentType;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Evidence files: stored once by content with the report that attaches them, refused by type and
/// size before anything is written, on both stores.
class AttachmentStoreTest {
    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));

    private TicketService service(Database db) {
        return new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
    }

    /// A ticket being handled by the 咸水沽 城管 team.
    private Ticket inProgress(TicketService service, String order) {
        Ticket t = service.report(hotlineRequest(order, clock.now()), "JN-XSG", HOTLINE).after();
        t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
        t = service.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER).after();
        return service.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER).after();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSameBytesAttachedTwiceAreStoredOnce(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            AttachmentRepository files = new AttachmentRepository(db.dsl());
            byte[] photo = EvidenceFiles.jpeg();
            Attachment first = Attachment.of("井盖.jpg", photo);
            Attachment again = Attachment.of("IMG_0001.jpg", photo.clone());

            Ticket a = service.execute(inProgress(service, "8890-E1"),
                    new TicketCommand.ReportHandled("已补装井盖", List.of(), List.of(first, Attachment.of("记录.pdf", EvidenceFiles.pdf()))),
                    XSG_CG_HANDLER).after();
            Ticket b = service.execute(inProgress(service, "8890-E2"),
                    new TicketCommand.ReportHandled("已处理", List.of("https://team.example/p/1.jpg"), List.of(again)), XSG_CG_HANDLER).after();

            assertThat(files.count()).isEqualTo(2);
            assertThat(first.ref()).isEqualTo(again.ref()).isEqualTo("sha256:" + Attachment.sha256(photo));
            assertThat(files.content(first.sha256())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(photo));
            assertThat(files.find(List.of(first.sha256(), "0".repeat(64)))).singleElement().satisfies(s -> {
                assertThat(s.type()).isEqualTo(AttachmentType.JPEG);
                assertThat(s.size()).isEqualTo(photo.length);
                assertThat(s.name()).isEqualTo("井盖.jpg"); // the first name it came under
            });
            TicketRepository tickets = new TicketRepository(db.dsl());
            assertThat(a.state()).isEqualTo(TicketState.HANDLED);
            assertThat(handled(tickets, a).evidence()).containsExactly(first.ref(), "sha256:" + Attachment.sha256(EvidenceFiles.pdf()));
            assertThat(handled(tickets, b).evidence()).containsExactly("https://team.example/p/1.jpg", first.ref());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRefusedReportStoresNoneOfItsFiles(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            TicketService service = service(db);
            Ticket t = inProgress(service, "8890-E3");
            // the dispatcher may not report handled: the rules refuse, and the file is not kept
            assertThatThrownBy(() -> service.execute(t, new TicketCommand.ReportHandled("已处理", List.of(),
                    List.of(Attachment.of("a.png", EvidenceFiles.png()))), XSG_DISPATCHER))
                    .isInstanceOf(TransitionRefused.class);
            assertThat(new AttachmentRepository(db.dsl()).count()).isZero();
            assertThat(new TicketRepository(db.dsl()).get(t.id()).state()).isEqualTo(TicketState.IN_PROGRESS);
        }
    }

    @Test
    void aFileOfAnotherTypeOrTooLargeIsRefusedNamingTheLimit() {
        byte[] text = "just words, no picture".getBytes();
        assertThatThrownBy(() -> Attachment.of("notes.txt", text)).isInstanceOfSatisfying(AttachmentRefused.class, r -> {
            assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("notes.txt").contains("JPEG").contains("PDF");
            assertThat(r.message(Locale.ENGLISH)).contains("JPEG, PNG and WebP pictures and PDF files only");
        });
        byte[] huge = new byte[Attachment.MAX_BYTES + 1];
        System.arraycopy(EvidenceFiles.jpeg(), 0, huge, 0, 3);
        assertThatThrownBy(() -> Attachment.of("big.jpg", huge)).isInstanceOfSatisfying(AttachmentRefused.class, r -> {
            assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("big.jpg").contains("10 MB");
            assertThat(r.message(Locale.ENGLISH)).contains("over the limit of 10 MB");
        });
        assertThatThrownBy(() -> Attachment.of("empty.jpg", new byte[0])).isInstanceOf(AttachmentRefused.class);
        // the name claims a picture; the bytes decide
        assertThat(Attachment.of("photo.jpg", EvidenceFiles.pdf()).type()).isEqualTo(AttachmentType.PDF);
        byte[] webp = {'R', 'I', 'F', 'F', 12, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0};
        assertThat(Attachment.of("a.webp", webp).type()).isEqualTo(AttachmentType.WEBP);
    }

    @Test
    void aFileThatOnlyBeginsLikeAPictureIsRefusedAndWholeOnesAreTaken() {
        java.util.Random random = new java.util.Random(7);
        byte[] png = EvidenceFiles.png();
        byte[] jpeg = EvidenceFiles.jpeg();
        assertThat(Attachment.of("a.png", png).type()).isEqualTo(AttachmentType.PNG);
        assertThat(Attachment.of("a.jpg", jpeg).type()).isEqualTo(AttachmentType.JPEG);
        assertThat(Attachment.of("a.pdf", EvidenceFiles.pdf()).type()).isEqualTo(AttachmentType.PDF);
        byte[] withTrailer = java.util.Arrays.copyOf(jpeg, jpeg.length + 100); // a phone's data after the picture
        assertThat(Attachment.of("motion.jpg", withTrailer).type()).isEqualTo(AttachmentType.JPEG);

        byte[] pngGarbage = new byte[5_008];
        random.nextBytes(pngGarbage);
        System.arraycopy(png, 0, pngGarbage, 0, 8);
        byte[] jpegGarbage = new byte[5_003];
        random.nextBytes(jpegGarbage);
        System.arraycopy(jpeg, 0, jpegGarbage, 0, 3);
        byte[] pngFlipped = png.clone();
        pngFlipped[png.length / 2] ^= 0x40;
        byte[] jpegCut = java.util.Arrays.copyOf(jpeg, jpeg.length / 3);
        byte[] pdfCut = java.util.Arrays.copyOf(EvidenceFiles.pdf(), 20);
        byte[] webpWrongLength = {'R', 'I', 'F', 'F', 99, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'L', 0, 0, 0, 0};
        byte[] pngWithSomethingBehind = java.util.Arrays.copyOf(png, png.length + 7); // a picture with a file hidden behind it
        System.arraycopy("GARBAGE".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, pngWithSomethingBehind, png.length, 7);
        for (byte[] broken : List.of(pngGarbage, jpegGarbage, pngFlipped, jpegCut, pdfCut, webpWrongLength, pngWithSomethingBehind)) {
            assertThatThrownBy(() -> Attachment.of("整改后.jpg", broken)).isInstanceOfSatisfying(AttachmentRefused.class, r -> {
                assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("整改后.jpg").contains("不是完整的");
                assertThat(r.message(Locale.ENGLISH)).contains("is not a whole");
            });
        }
    }

    @Test
    void aPictureOfMoreThanFiftyMillionPixelsIsRefusedBeforeAnythingDecodesIt() throws Exception {
        byte[] bomb = pngHeaderOnly(30_000, 30_000); // a few dozen bytes that would decode into 3.6 GB
        assertThatThrownBy(() -> Attachment.of("bomb.png", bomb)).isInstanceOfSatisfying(AttachmentRefused.class, r -> {
            assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).contains("bomb.png", "900 百万像素", "50 百万像素");
            assertThat(r.message(Locale.ENGLISH)).contains("over the limit of 50 million");
        });
        assertThat(Attachment.of("ok.png", pngHeaderOnly(4_000, 3_000)).type()).isEqualTo(AttachmentType.PNG);
        assertThat(AttachmentType.JPEG.pixels(EvidenceFiles.jpeg())).isEqualTo(64 * 48);
    }

    /// A PNG well framed (IHDR, an empty IDAT, IEND, each with its checksum) claiming `width`×`height`.
    private static byte[] pngHeaderOnly(int width, int height) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aReportTakesAtMostNineFiles() {
        List<Attachment> ten = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> Attachment.of(i + ".png", EvidenceFiles.picture("png", 8 + i, 8, java.awt.Color.RED))).toList();
        assertThatThrownBy(() -> new TicketCommand.ReportHandled("已处理", List.of(), ten))
                .isInstanceOfSatisfying(AttachmentRefused.class, r -> assertThat(r.message(Locale.ENGLISH)).contains("At most 9"));
    }

    private static TicketEvent.Handled handled(TicketRepository tickets, Ticket t) {
        return tickets.trail(t.id()).stream().map(e -> e.event()).filter(TicketEvent.Handled.class::isInstance)
                .map(TicketEvent.Handled.class::cast).findFirst().orElseThrow();
    }
}
