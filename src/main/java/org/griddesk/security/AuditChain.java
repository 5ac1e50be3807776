package org.griddesk.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/// The audit log's hash chain: each record's hash is SM3 (GB/T 32905) over its own fields and the
/// hash of the record before it, so changing, removing or reordering a stored record breaks the
/// chain at that record.
///
/// The hashed bytes are unambiguous: a version tag, then every field in a fixed order, each as a
/// 4-byte big-endian length followed by its UTF-8 bytes (no separator that a value could contain).
/// Times are hashed at microseconds, the precision both databases store.
public final class AuditChain {
    /// the prev_hash of the first record ever written
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] TAG = "griddesk-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditChain() {
    }

    /// The hash of the record `seq` holding `entry`, after the record whose hash is `prevHash`.
    public static String hash(long seq, AuditEntry entry, String prevHash) {
        SM3Digest sm3 = new SM3Digest();
        field(sm3, TAG);
        field(sm3, Long.toString(seq));
        field(sm3, stored(entry.at()).toString());
        field(sm3, entry.actorId());
        field(sm3, entry.actorName());
        field(sm3, entry.from().host());
        field(sm3, entry.from().address());
        field(sm3, entry.action().name());
        field(sm3, entry.target());
        field(sm3, entry.outcome().name());
        field(sm3, entry.detail());
        field(sm3, prevHash);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /// The record `seq` for `entry` after `prevHash`, hashed.
    public static AuditRecord link(long seq, AuditEntry entry, String prevHash) {
        return new AuditRecord(seq, entry, prevHash, hash(seq, entry, prevHash));
    }

    /// An instant as the store keeps it (microseconds).
    public static Instant stored(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static void field(SM3Digest sm3, String value) {
        field(sm3, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(SM3Digest sm3, byte[] bytes) {
        sm3.update(ByteBuffer.allocate(4).putInt(bytes.length).array(), 0, 4);
        sm3.update(bytes, 0, bytes.length);
    }
}
