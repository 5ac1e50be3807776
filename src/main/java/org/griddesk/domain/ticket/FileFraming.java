package org.griddesk.domain.ticket;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/// The framing of the file types evidence may be ([AttachmentType#wellFormed]): read from the bytes
/// without decoding a picture, in one pass, so that a gateway can check a 10 MB file in a few
/// milliseconds.
final class FileFraming {
    private FileFraming() {
    }

    /// Signature, then chunks (length, type, data, CRC-32 of type and data): IHDR first, IEND last,
    /// and nothing after it.
    static boolean png(byte[] b) {
        int at = 8;
        boolean first = true;
        while (at + 12 <= b.length) {
            long length = u32(b, at);
            if (length > b.length - at - 12L) {
                return false;
            }
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (first && (!type.equals("IHDR") || length != 13)) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            if (crc.getValue() != u32(b, at + 8 + (int) length)) {
                return false;
            }
            if (type.equals("IEND")) {
                return at + 12 == b.length; // nothing after its end: no file hidden behind a picture
            }
            first = false;
            at += 12 + (int) length;
        }
        return false;
    }

    /// SOI, then marker segments each `FF xx` with its length, a frame header (SOF) among them, up to
    /// the start of scan; an EOI after it (cameras may add bytes after the EOI: they are left alone).
    static boolean jpeg(byte[] b) {
        int at = 2;
        boolean frame = false;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                at++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) { // standalone markers
                at += 2;
                continue;
            }
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > b.length) {
                return false;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                frame = true;
            }
            if (marker == 0xDA) {
                return frame && hasEndOfImage(b, at + 2 + length);
            }
            at += 2 + length;
        }
        return false;
    }

    private static boolean hasEndOfImage(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    /// A picture's width times height as its header gives it (a PNG's IHDR, a JPEG's frame header, a
    /// WebP's VP8 chunk), or -1 for a PDF or a header not found. Read before any decoding, so that a
    /// small file that would decode into gigabytes (a "decompression bomb") is refused by its size.
    static long pixels(AttachmentType type, byte[] b) {
        return switch (type) {
            case PNG -> b.length >= 24 ? u32(b, 16) * u32(b, 20) : -1;
            case JPEG -> jpegPixels(b);
            case WEBP -> webpPixels(b);
            case PDF -> -1;
        };
    }

    private static long jpegPixels(byte[] b) {
        int at = 2;
        while (at + 9 <= b.length && (b[at] & 0xFF) == 0xFF) {
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                long height = ((b[at + 5] & 0xFF) << 8) | (b[at + 6] & 0xFF);
                long width = ((b[at + 7] & 0xFF) << 8) | (b[at + 8] & 0xFF);
                return width * height;
            }
            at += 2 + (((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF));
        }
        return -1;
    }

    private static long webpPixels(byte[] b) {
        if (b.length < 30) {
            return -1;
        }
        String chunk = new String(b, 12, 4, StandardCharsets.ISO_8859_1);
        return switch (chunk) {
            case "VP8X" -> (u24le(b, 24) + 1) * (u24le(b, 27) + 1);
            case "VP8L" -> {
                long bits = u32le(b, 21);
                yield ((bits & 0x3FFF) + 1) * (((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8 " -> (long) (((b[26] & 0xFF) | (b[27] & 0xFF) << 8) & 0x3FFF) * (((b[28] & 0xFF) | (b[29] & 0xFF) << 8) & 0x3FFF);
            default -> -1;
        };
    }

    private static long u24le(byte[] b, int at) {
        return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((long) (b[at + 2] & 0xFF) << 16);
    }

    /// `RIFF`, the length of what follows (the file's, give or take a pad byte), `WEBP`, a VP8 chunk.
    static boolean webp(byte[] b) {
        if (b.length < 20) {
            return false;
        }
        long riff = u32le(b, 4) + 8;
        String chunk = new String(b, 12, 4, StandardCharsets.ISO_8859_1);
        return (riff == b.length || riff + 1 == b.length) && (chunk.equals("VP8 ") || chunk.equals("VP8L") || chunk.equals("VP8X"));
    }

    /// `%PDF-`, and `%%EOF` in its last kilobyte (after it only line ends and spaces, or an
    /// incremental save's next part, which ends with its own).
    static boolean pdf(byte[] b) {
        int from = Math.max(0, b.length - 1024);
        String tail = new String(b, from, b.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    private static long u32le(byte[] b, int at) {
        return ((long) (b[at + 3] & 0xFF) << 24) | ((b[at + 2] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at] & 0xFF);
    }
}
