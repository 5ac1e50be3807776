package org.griddesk.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/// Seals and opens personal data with SM4 in GCM mode (GB/T 32907, GB/T 39786): a fresh random
/// 12-byte nonce per value, a 128-bit tag, and the column bound in as associated data.
///
/// Sealed text is `1:<key id>:<base64(nonce | cipher text | tag)>`: the leading `1` is the format's
/// version, the key id says which key of the [DataKeyRing] opens it. Anything else is taken for
/// text stored before sealing (an upgraded store), which [#isSealed] tells apart.
public final class PersonalDataCipher {
    public static final String VERSION = "1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern SEALED = Pattern.compile("^" + VERSION + ":([a-z0-9]{4,16}):([A-Za-z0-9+/]+=*)$");

    private final DataKeyRing ring;
    private final SecureRandom random;

    public PersonalDataCipher(DataKeyRing ring, SecureRandom random) {
        this.ring = ring;
        this.random = random;
    }

    public PersonalDataCipher(DataKeyRing ring) {
        this(ring, new SecureRandom());
    }

    public DataKeyRing ring() {
        return ring;
    }

    /// The text sealed with the current key for `field`; null stays null.
    public String seal(PersonalField field, String text) {
        if (text == null) {
            return null;
        }
        DataKey key = ring.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        GCMModeCipher gcm = gcm(true, key, nonce, field);
        byte[] out = new byte[NONCE_BYTES + gcm.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        int n = gcm.processBytes(plain, 0, plain.length, out, NONCE_BYTES);
        try {
            gcm.doFinal(out, NONCE_BYTES + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM refused to seal", e); // never when sealing
        }
        return VERSION + ":" + key.id() + ":" + Base64.getEncoder().encodeToString(out);
    }

    /// The text of a value sealed for `field`: absent for null, unreadable when it was sealed with a
    /// key not in the ring or does not open (changed, or sealed for another column).
    public Opened open(PersonalField field, String sealed) {
        if (sealed == null) {
            return Opened.ABSENT;
        }
        Matcher m = SEALED.matcher(sealed);
        if (!m.matches()) {
            return new Opened.Unreadable(Opened.Why.DAMAGED);
        }
        var key = ring.find(m.group(1));
        if (key.isEmpty()) {
            return new Opened.Unreadable(Opened.Why.UNKNOWN_KEY);
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            return new Opened.Unreadable(Opened.Why.DAMAGED);
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            return new Opened.Unreadable(Opened.Why.DAMAGED);
        }
        byte[] nonce = java.util.Arrays.copyOf(in, NONCE_BYTES);
        GCMModeCipher gcm = gcm(false, key.get(), nonce, field);
        byte[] plain = new byte[gcm.getOutputSize(in.length - NONCE_BYTES)];
        int n = gcm.processBytes(in, NONCE_BYTES, in.length - NONCE_BYTES, plain, 0);
        try {
            n += gcm.doFinal(plain, n);
        } catch (InvalidCipherTextException e) {
            return new Opened.Unreadable(Opened.Why.DAMAGED);
        }
        return new Opened.Text(new String(plain, 0, n, StandardCharsets.UTF_8));
    }

    /// True when the value is in the sealed format (of any key), false for text stored before sealing.
    public static boolean isSealed(String value) {
        return value != null && SEALED.matcher(value).matches();
    }

    /// The id of the key that sealed the value, or null when it is not sealed.
    public static String keyIdOf(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = SEALED.matcher(value);
        return m.matches() ? m.group(1) : null;
    }

    private static GCMModeCipher gcm(boolean sealing, DataKey key, byte[] nonce, PersonalField field) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        byte[] aad = ("griddesk:" + VERSION + ":" + field.column() + ":" + key.id()).getBytes(StandardCharsets.UTF_8);
        gcm.init(sealing, new AEADParameters(new KeyParameter(key.sealingKey()), TAG_BITS, nonce, aad));
        return gcm;
    }
}
