package org.griddesk.patrol;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

/// A batch's points as a few bytes each: seconds after the first point, longitude and latitude in
/// millionths of a degree (about 0.1 m) and the accuracy in metres, each the difference to the point
/// before as a zig-zag varint. Points 5 to 30 s and tens of metres apart take about 6 bytes, where a
/// row each would take some 60. Times are kept to the second, positions to 1e-6°.
public final class TrackCodec {
    private static final double MICRO = 1_000_000.0;

    private TrackCodec() {
    }

    /// The points, in the order given, relative to `base` (the first point's time, stored beside).
    public static byte[] encode(Instant base, List<PatrolPoint> points) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(points.size() * 7);
        long t = base.getEpochSecond();
        long lon = 0;
        long lat = 0;
        long accuracy = 0;
        for (PatrolPoint p : points) {
            long pt = p.at().getEpochSecond();
            long plon = Math.round(p.lon() * MICRO);
            long plat = Math.round(p.lat() * MICRO);
            write(out, pt - t);
            write(out, plon - lon);
            write(out, plat - lat);
            write(out, p.accuracyMetres() - accuracy);
            t = pt;
            lon = plon;
            lat = plat;
            accuracy = p.accuracyMetres();
        }
        return out.toByteArray();
    }

    /// The points of `bytes`, in time order (as a batch is stored), each made when asked for.
    public static List<PatrolPoint> decode(Instant base, byte[] bytes) {
        TrackPoints.Builder points = new TrackPoints.Builder(bytes.length / 5 + 1);
        decodeInto(base, bytes, points);
        return points.build().asList();
    }

    /// Adds the points of `bytes` to `points`, with no object made a point.
    public static void decodeInto(Instant base, byte[] bytes, TrackPoints.Builder points) {
        int[] at = {0};
        long t = base.getEpochSecond();
        long lon = 0;
        long lat = 0;
        long accuracy = 0;
        while (at[0] < bytes.length) {
            t += read(bytes, at);
            lon += read(bytes, at);
            lat += read(bytes, at);
            accuracy += read(bytes, at);
            points.add(t, lon / MICRO, lat / MICRO, (int) accuracy);
        }
    }

    /// What a resend must match: the points as sent (order included), as SHA-256 in hex.
    public static String digest(List<PatrolPoint> points) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(encode(Instant.EPOCH, points)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void write(ByteArrayOutputStream out, long value) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long read(byte[] bytes, int[] at) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[at[0]++];
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
            shift += 7;
        }
    }
}
