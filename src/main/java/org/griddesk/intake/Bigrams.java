package org.griddesk.intake;

import java.util.Arrays;

/// Chinese text similarity by character bigrams: each text becomes the sorted set of its adjacent
/// letter and digit pairs (punctuation and spaces dropped, Latin letters folded to lower case), and
/// two texts compare by the Dice coefficient of their sets. Works without word segmentation, which
/// Chinese would otherwise need.
final class Bigrams {
    private static final long[] NONE = new long[0];

    private Bigrams() {
    }

    /// The bigram set of `text`, sorted, each pair packed in one long; a one-character text is its character.
    static long[] of(String text) {
        if (text == null) {
            return NONE;
        }
        int[] chars = text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).toArray();
        if (chars.length == 1) {
            return new long[] {chars[0]};
        }
        long[] pairs = new long[Math.max(0, chars.length - 1)];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = ((long) chars[i] << 21) | chars[i + 1];
        }
        Arrays.sort(pairs);
        int unique = 0;
        for (int i = 0; i < pairs.length; i++) {
            if (i == 0 || pairs[i] != pairs[i - 1]) {
                pairs[unique++] = pairs[i];
            }
        }
        return Arrays.copyOf(pairs, unique);
    }

    /// 2·|a∩b| / (|a|+|b|): 1 for the same set, 0 for nothing shared or an empty text.
    static double dice(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                shared++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * shared / (a.length + b.length);
    }
}
