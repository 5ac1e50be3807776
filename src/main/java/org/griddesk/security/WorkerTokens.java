package org.griddesk.security;

import java.security.SecureRandom;
import java.util.Base64;

/// Grid workers' personal tokens for the 网格通 app: 32 random bytes, URL-safe, prefixed `gdw_`
/// (a channel's key is `gdk_`), sent as `Authorization: Bearer gdw_…`. Stored as a SHA-256 digest
/// like [ApiKeys]: 256 random bits need neither salt nor a slow hash.
public final class WorkerTokens {
    public static final String PREFIX = "gdw_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String digest(String token) {
        return ApiKeys.digest(token);
    }

    /// Whether a presented value has the shape of a worker's token at all (checked before any lookup).
    public static boolean plausible(String presented) {
        return presented != null && presented.startsWith(PREFIX) && presented.length() == PREFIX.length() + 43;
    }
}
