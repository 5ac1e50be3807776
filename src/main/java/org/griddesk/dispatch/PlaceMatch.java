package org.griddesk.dispatch;

import java.util.List;
import java.util.Locale;

/// How a typed word finds a place — a community or grid — by its code or name, the same wherever a
/// place is looked up (the entry form's place search, 定位's grid search, the command bar): a code
/// in any case, a name or what people call it (`金桥` for 金桥社区), the pinyin of a name or its
/// initials, and for a grid its number alone (`3` is 第3网格, not 第13网格).
public final class PlaceMatch {
    /// not found
    public static final int NONE = -1;

    private PlaceMatch() {
    }

    /// How well `word` finds the place: 0 exact code or name, 1 code or name starts with it, 2 either
    /// contains it, 3 by pinyin from the name's start, 4 by pinyin from within; [#NONE] not found.
    public static int rank(String code, String name, String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        String codeUpper = code.toUpperCase(Locale.ROOT);
        if (codeUpper.equals(upper) || name.equals(word) || shortName(name).equals(word)) {
            return 0;
        }
        if (codeUpper.startsWith(upper) || name.startsWith(word)) {
            return 1;
        }
        if (codeUpper.contains(upper) || name.contains(word)) {
            return 2;
        }
        return byName(name, word);
    }

    /// How well `word` finds a name by its pinyin: 3 from the name's start (`cht` finds 朝汇庭 before
    /// 沽春台), 4 from within; [#NONE] not at all.
    public static int byName(String name, String word) {
        if (name.isEmpty() || !Pinyin.matches(name, word)) {
            return NONE;
        }
        return Pinyin.matches(name.substring(0, 1), word.substring(0, 1)) ? 3 : 4;
    }

    /// Whether a number typed alone is this grid's: its number in the name (`第3网格`, leading zeros
    /// dropped) or a part of its code (`003`).
    public static boolean gridNumber(String code, String name, String digits) {
        return name.endsWith("第" + digits.replaceFirst("^0+(?=\\d)", "") + "网格") || List.of(code.split("-")).contains(digits);
    }

    /// `金桥社区` → `金桥`, `小站营村` → `小站营` (what people say).
    public static String shortName(String name) {
        for (String suffix : new String[] {"社区", "村"}) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
