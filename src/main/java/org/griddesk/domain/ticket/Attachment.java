package org.griddesk.domain.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/// A file someone attached as evidence (a photo, a scanned record), checked when it is made: of a
/// type we take ([AttachmentType], by its bytes) and at most [#MAX_BYTES]. It is stored once by its
/// content's SHA-256 however often it is sent, and a report names it by [#ref] (`sha256:…`) among
/// its evidence, beside the links (URLs) channels send.
///
/// @param name the file's name as it came (only shown; at most [#MAX_NAME] characters)
public record Attachment(String name, AttachmentType type, byte[] content, String sha256) {
    /// the largest file taken, in bytes (10 MB)
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /// the largest picture taken, in pixels (50 million: a phone's full-size photo is 12 to 50)
    public static final long MAX_PIXELS = 50_000_000;
    /// the most files one report takes
    public static final int MAX_PER_REPORT = 9;
    public static final int MAX_NAME = 200;
    /// how an attachment is named among a report's evidence
    public static final String REF_PREFIX = "sha256:";

    public Attachment {
        if (content == null || type == null || sha256 == null) {
            throw new IllegalArgumentException("an attachment needs its bytes, type and digest");
        }
        name = name == null || name.isBlank() ? "attachment." + type.extension() : shortened(name.strip());
    }

    /// The bytes as an attachment, or [AttachmentRefused] naming the limit or the types taken.
    public static Attachment of(String name, byte[] content) {
        String called = name == null || name.isBlank() ? "attachment" : name; // what the refusals call it
        if (content == null || content.length == 0) {
            throw new AttachmentRefused("evidence.refused.empty", called);
        }
        if (content.length > MAX_BYTES) {
            throw AttachmentRefused.tooLarge(called, content.length);
        }
        AttachmentType type = AttachmentType.sniff(content)
                .orElseThrow(() -> new AttachmentRefused("evidence.refused.type", called));
        if (!type.wellFormed(content)) {
            throw new AttachmentRefused("evidence.refused.broken", called, type.name());
        }
        long pixels = type.pixels(content);
        if (pixels > MAX_PIXELS) {
            throw new AttachmentRefused("evidence.refused.pixels", called, pixels / 1_000_000, MAX_PIXELS / 1_000_000);
        }
        return new Attachment(name, type, content, sha256(content));
    }

    /// `sha256:` and the digest: how evidence lists name a stored file.
    public String ref() {
        return REF_PREFIX + sha256;
    }

    /// The digest a ref names, when it names a stored file.
    public static Optional<String> digestOf(String ref) {
        return ref != null && ref.startsWith(REF_PREFIX) && ref.length() == REF_PREFIX.length() + 64
                ? Optional.of(ref.substring(REF_PREFIX.length())) : Optional.empty();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String shortened(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}]", "");
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment a && a.sha256.equals(sha256) && a.name.equals(name);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + type + ", " + content.length + " bytes, " + sha256.substring(0, 12) + "]";
    }

    /// The bytes' length.
    public int size() {
        return content.length;
    }
}
