package org.griddesk.security;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/// One data key for personal data at rest: its id (written next to every value it seals, so that a
/// rotation knows what is left to re-seal), a 128-bit SM4 key, and the key of the phone's blind
/// index ([BlindIndex]), which is a different key so that the index reveals nothing of the cipher.
///
/// `toString` never shows a key.
public record DataKey(String id, byte[] sealingKey, byte[] indexKey) {
    public static final int SEALING_KEY_BYTES = 16;
    public static final int INDEX_KEY_BYTES = 32;
    private static final Pattern ID = Pattern.compile("[a-z0-9]{4,16}");

    public DataKey {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a data key's id is 4 to 16 lower-case letters or digits");
        }
        if (sealingKey == null || sealingKey.length != SEALING_KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key has " + SEALING_KEY_BYTES + " bytes");
        }
        if (indexKey == null || indexKey.length != INDEX_KEY_BYTES) {
            throw new IllegalArgumentException("a blind-index key has " + INDEX_KEY_BYTES + " bytes");
        }
        sealingKey = sealingKey.clone();
        indexKey = indexKey.clone();
    }

    /// A new key with a new id; `indexKey` null makes a new index key too (a rotation keeps the old
    /// one, so that rows sealed before and after it are found by the same phone).
    public static DataKey generate(SecureRandom random, byte[] indexKey) {
        byte[] id = new byte[4];
        byte[] sealing = new byte[SEALING_KEY_BYTES];
        random.nextBytes(id);
        random.nextBytes(sealing);
        byte[] index = indexKey;
        if (index == null) {
            index = new byte[INDEX_KEY_BYTES];
            random.nextBytes(index);
        }
        return new DataKey("k" + HexFormat.of().formatHex(id), sealing, index);
    }

    @Override
    public byte[] sealingKey() {
        return sealingKey.clone();
    }

    @Override
    public byte[] indexKey() {
        return indexKey.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataKey k && id.equals(k.id) && Arrays.equals(sealingKey, k.sealingKey)
                && Arrays.equals(indexKey, k.indexKey);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
