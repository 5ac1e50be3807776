package org.griddesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/// API keys for the channels that call the gateway: 32 random bytes, URL-safe, prefixed `gdk_` so
/// they are recognisable in a config file. Only the SHA-256 digest is stored; a key of this length
/// needs no salt or slow hash (nobody can guess through 2^256).
public final class ApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "gdk_";

    private ApiKeys() {
    }

    public static String newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /// The hex SHA-256 digest stored for a key.
    public static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /// Whether a presented value has the shape of a key at all (checked before any lookup).
    public static boolean plausible(String presented) {
        return presented != null && presented.startsWith(PREFIX) && presented.length() == PREFIX.length() + 43;
    }
}
