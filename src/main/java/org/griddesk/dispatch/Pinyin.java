package org.griddesk.dispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/// Matches what a dispatcher types against Chinese names the way Chinese input works: `城管`,
/// `chengguan` and `cg` all find 城管中队. Names are spelt once and kept.
public final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<String, String[]> SPELT = new ConcurrentHashMap<>();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /// Whether `typed` finds `name`: as written (any case), or as the start of a syllable run of its
    /// full pinyin (`chengguan`, `guan`), or of its initials (`cg`, `cgzd`).
    public static boolean matches(String name, String typed) {
        String query = typed.strip().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return true;
        }
        if (name.toLowerCase(Locale.ROOT).contains(query)) {
            return true;
        }
        if (!query.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return false;
        }
        String[] syllables = SPELT.computeIfAbsent(name, Pinyin::spell);
        for (int start = 0; start < syllables.length; start++) {
            if (fromSyllable(syllables, start, query, 0)) {
                return true;
            }
        }
        return false;
    }

    /// Whether the query, from `at`, is spelt by syllables from `index` on, each either whole or by
    /// its initial letter(s): `cgzd`, `chengg`, `chengguanzd`.
    private static boolean fromSyllable(String[] syllables, int index, String query, int at) {
        if (at == query.length()) {
            return true;
        }
        if (index == syllables.length) {
            return false;
        }
        String s = syllables[index];
        // every prefix of the syllable that the query continues with (at least its first letter)
        for (int len = Math.min(s.length(), query.length() - at); len >= 1; len--) {
            if (query.regionMatches(at, s, 0, len)) {
                if (at + len == query.length() || fromSyllable(syllables, index + 1, query, at + len)) {
                    return true;
                }
            }
        }
        return false;
    }

    /// One syllable per Chinese character; letters and digits pass through as one "syllable" each.
    static String[] spell(String name) {
        String[] out = new String[name.length()];
        int n = 0;
        for (char c : name.toCharArray()) {
            String s = null;
            try {
                String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (readings != null && readings.length > 0) {
                    s = readings[0];
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (s == null && Character.isLetterOrDigit(c)) {
                s = String.valueOf(Character.toLowerCase(c));
            }
            if (s != null) {
                out[n++] = s;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
