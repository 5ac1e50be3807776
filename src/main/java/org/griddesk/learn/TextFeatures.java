package org.griddesk.learn;

import java.util.LinkedHashSet;
import java.util.Set;

/// The features of a request's text: its characters, character pairs and triples, after punctuation
/// and spaces are dropped and digits are folded (楼号 and house numbers say nothing about the item).
/// Chinese needs no word segmentation for this: the pairs and triples carry the words (井盖, 路灯,
/// 不亮) and the characters the rest.
public final class TextFeatures {
    /// texts longer than this are cut: an order's first part says what it is about
    static final int MAX_CHARS = 400;

    private TextFeatures() {
    }

    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        String s = normalise(text);
        for (int i = 0; i < s.length(); i++) {
            out.add(s.substring(i, i + 1));
            if (i + 2 <= s.length()) {
                out.add(s.substring(i, i + 2));
            }
            if (i + 3 <= s.length()) {
                out.add(s.substring(i, i + 3));
            }
        }
        return out;
    }

    static String normalise(String text) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        for (int i = 0; i < text.length() && b.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                b.append('0');
            } else if (Character.isLetter(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }
}
