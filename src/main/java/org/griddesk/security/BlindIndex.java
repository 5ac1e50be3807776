package org.griddesk.security;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/// The blind index of a phone: HMAC-SM3 under the data key's index key over the number reduced to
/// its digits, with the country code (+86, 0086) stripped, so that `138 0013 8000`, `+86 13800138000`
/// and `13800138000` find the same rows. Without the key the index says nothing about the number
/// (a plain hash of the 10^11 mobile numbers would be reversed in minutes).
public final class BlindIndex {
    /// hex characters kept: 128 bits, plenty against collisions among a district's callers
    public static final int LENGTH = 32;

    private final byte[] key;

    public BlindIndex(DataKey dataKey) {
        this.key = dataKey.indexKey();
    }

    /// The index of the phone, or null when it has no digits (nothing to find it by).
    public String of(String phone) {
        String digits = normalise(phone);
        if (digits.isEmpty()) {
            return null;
        }
        return mac(digits);
    }

    /// The index of a caller's name, or null when it is blank: the name with its white space
    /// removed and its letters folded to lower case (`张 三`, `张三` and `Zhang San`/`zhangsan` find
    /// the same rows), under the same key as the phone but in its own domain (a name made of
    /// digits never finds a phone).
    public String ofName(String name) {
        String folded = normaliseName(name);
        return folded.isEmpty() ? null : mac("name:" + folded);
    }

    /// A name without white space, lower case (NFKC: full-width letters are folded too).
    public static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String nfkc = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '·' && c != '•')
                .map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    private String mac(String text) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        mac.update(in, 0, in.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out).substring(0, LENGTH);
    }

    /// The digits of a phone without the country code: `+86 138-0013-8000` → `13800138000`.
    public static String normalise(String phone) {
        if (phone == null) {
            return "";
        }
        StringBuilder digits = new StringBuilder(phone.length());
        phone.codePoints().filter(Character::isDigit).map(c -> '0' + Character.digit(c, 10)).forEach(digits::appendCodePoint);
        String d = digits.toString();
        boolean international = phone.strip().startsWith("+");
        // a mobile written with the country code but no plus: 86 and then 11 digits beginning with 1
        if ((international || d.length() == 13 && d.startsWith("861")) && d.startsWith("86")) {
            return d.substring(2);
        }
        if (d.startsWith("0086")) {
            return d.substring(4);
        }
        return d;
    }
}
