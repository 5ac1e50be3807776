package org.griddesk.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/// Argon2id password hashes (Bouncy Castle), stored as one self-describing string in the PHC form
/// `$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>`, so that a stored hash keeps being
/// checked with the parameters it was made with after the defaults change.
///
/// The default (64 MiB, 2 passes, 1 lane) takes about 140 ms here: a whole sign-in stays under the
/// 300 ms the desk promises (the sign-in benchmark measures it).
public final class PasswordHasher {
    /// memory in KiB, passes, lanes
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        public static final Cost DEFAULT = new Cost(64 * 1024, 2, 1);
        /// for tests that sign in hundreds of times: the same algorithm, cheaper
        public static final Cost TEST = new Cost(1024, 1, 1);

        public Cost {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id needs at least 8 KiB per lane and one pass");
            }
        }
    }

    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    public PasswordHasher() {
        this(Cost.DEFAULT);
    }

    public Cost cost() {
        return cost;
    }

    /// A new encoded hash of `password` with a fresh salt.
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return PREFIX + "m=" + cost.memoryKiB() + ",t=" + cost.iterations() + ",p=" + cost.parallelism() + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /// Whether `password` is the one `encoded` was made from; the comparison takes the same time
    /// wherever the bytes differ. A string that is no hash of ours answers false.
    public boolean verify(char[] password, String encoded) {
        Parsed parsed = parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = derive(password, parsed.salt(), parsed.cost(), parsed.hash().length);
        return MessageDigest.isEqual(actual, parsed.hash());
    }

    /// Whether a stored hash was made with weaker parameters than today's (to be re-hashed at the
    /// next successful sign-in).
    public boolean outdated(String encoded) {
        Parsed parsed = parse(encoded);
        return parsed == null || !parsed.cost().equals(cost);
    }

    private record Parsed(Cost cost, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$");
        if (parts.length != 3) {
            return null;
        }
        try {
            int m = -1;
            int t = -1;
            int p = -1;
            for (String param : parts[0].split(",")) {
                String[] kv = param.split("=", 2);
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> {
                        return null;
                    }
                }
            }
            byte[] salt = B64D.decode(parts[1]);
            byte[] hash = B64D.decode(parts[2]);
            if (salt.length < 8 || hash.length < 16) {
                return null;
            }
            return new Parsed(new Cost(m, t, p), salt, hash);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, Cost cost, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB()).withIterations(cost.iterations()).withParallelism(cost.parallelism())
                .withSalt(salt).build());
        byte[] bytes = utf8(password);
        try {
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /// The password's UTF-8 bytes, without a String that would linger in the heap.
    static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }
}
