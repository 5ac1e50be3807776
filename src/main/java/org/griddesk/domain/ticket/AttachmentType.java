package org.griddesk.domain.ticket;

import java.util.Optional;

/// The kinds of file the desk and the team API take as evidence, told apart by their first bytes
/// (the file's name or the type a sender claims are never trusted).
public enum AttachmentType {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    AttachmentType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /// Whether the desk can draw it itself (JavaFX reads JPEG and PNG, a decoder library WebP; a PDF
    /// opens in the system's own program).
    public boolean drawable() {
        return this != PDF;
    }

    /// The type these bytes are, by their magic numbers, if one of ours.
    public static Optional<AttachmentType> sniff(byte[] b) {
        if (b == null) {
            return Optional.empty();
        }
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /// Whether `b`, which [#sniff] found to be of this type, is whole as a file of it: a PNG's chunks
    /// each with its right checksum up to IEND; a JPEG's segments well framed from SOI to the start of
    /// its scan, a frame header among them, and an EOI after; a WebP's RIFF length the file's and its
    /// first chunk a VP8 one; a PDF ending with `%%EOF`. A file that only begins like a picture (its
    /// magic number followed by anything) is not whole. Not a decoder: a picture whole in its framing
    /// may still hold broken pixel data, which the desk then shows as no thumbnail.
    public boolean wellFormed(byte[] b) {
        return switch (this) {
            case PNG -> FileFraming.png(b);
            case JPEG -> FileFraming.jpeg(b);
            case WEBP -> FileFraming.webp(b);
            case PDF -> FileFraming.pdf(b);
        };
    }

    /// A picture's width times height by its header, before decoding; -1 for a PDF or when not found.
    public long pixels(byte[] b) {
        return FileFraming.pixels(this, b);
    }

    public static Optional<AttachmentType> ofMediaType(String mediaType) {
        for (AttachmentType t : values()) {
            if (t.mediaType.equals(mediaType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, int... magic) {
        if (b.length < at + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[at + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
