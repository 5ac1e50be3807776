package org.griddesk.dispatch;

import java.util.Arrays;
import java.util.Collection;
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
/// `chengguan` and `cg` all find 城管中队. A character with several readings (长 chang/zhang, 行
/// xing/hang, 重 zhong/chong) matches by any of them, so `cjl` finds 长江路 and `yh` 银行. Names are
/// spelt once and kept.
public final class Pinyin {
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<String, String[][]> SPELT = new ConcurrentHashMap<>();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {
    }

    /// Whether `typed` finds `name`: as written (any case), or as the start of a syllable run of its
    /// full pinyin (`chengguan`, `guan`), or of its initials (`cg`, `cgzd`), each character read by
    /// any of its readings.
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
        return spells(SPELT.computeIfAbsent(name, Pinyin::spell), query);
    }

    /// Spells names ahead, so that the first match against them costs no more than later ones
    /// (pinyin's dictionary loads with the first name): for a background thread.
    public static void spellAhead(Collection<String> names) {
        names.forEach(name -> SPELT.computeIfAbsent(name, Pinyin::spell));
    }

    /// Whether a run of consecutive characters spells the query, each character by a prefix of one
    /// of its readings (at least its first letter; the last may stop short): `cgzd`, `chengg`,
    /// `chengguanzd`. The characters are walked once, carrying the set of query positions that runs
    /// ending there have reached, so a name of polyphones costs the sum of its readings, never their
    /// product.
    private static boolean spells(String[][] characters, String query) {
        int length = query.length();
        boolean[] reached = new boolean[length + 1];
        boolean[] next = new boolean[length + 1];
        for (String[] readings : characters) {
            reached[0] = true; // a run may begin at any character
            for (int at = 0; at < length; at++) {
                if (!reached[at]) {
                    continue;
                }
                for (String reading : readings) {
                    int most = Math.min(reading.length(), length - at);
                    for (int len = 1; len <= most && reading.charAt(len - 1) == query.charAt(at + len - 1); len++) {
                        next[at + len] = true;
                    }
                }
            }
            if (next[length]) {
                return true;
            }
            boolean[] swap = reached;
            reached = next;
            next = swap;
            Arrays.fill(next, false);
        }
        return false;
    }

    /// The readings of each Chinese character, without tones and without repeats (the first is the
    /// most common); letters and digits pass through as one reading each, anything else is left out.
    static String[][] spell(String name) {
        String[][] out = new String[name.length()][];
        int n = 0;
        for (char c : name.toCharArray()) {
            String[] readings;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (readings != null && readings.length > 0) {
                out[n++] = Arrays.stream(readings).distinct().toArray(String[]::new);
            } else if (Character.isLetterOrDigit(c)) {
                out[n++] = new String[] {String.valueOf(Character.toLowerCase(c))};
            }
        }
        return Arrays.copyOf(out, n);
    }
}
