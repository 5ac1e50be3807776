package org.griddesk.supervise.bulletin;

import java.util.regex.Pattern;

/// A case the bulletin names: its code, unit and summary (masked: no personal data in clear) and why it
/// is notable.
///
/// @param kind    longest overdue, dissatisfied or reopened
/// @param code    the ticket's code (2611-0042), which finds it on the desk
/// @param unit    the owning centre's name
/// @param summary the summary, masked and shortened
/// @param note    e.g. "超期 12 天"
public record NotableCase(Kind kind, String code, String unit, String summary, String note) {
    /// at most this many characters of a summary
    static final int SUMMARY_LENGTH = 40;
    /// runs of 7 or more digits (phone, ID card and house numbers people type into a request)
    private static final Pattern LONG_NUMBERS = Pattern.compile("\\d{7,}[\\dXx]*");
    private static final Pattern NAMED_PERSON = Pattern.compile("([\\p{IsHan}])[\\p{IsHan}]{1,2}(先生|女士|大爷|大妈|阿姨)");

    /// Why a case is in the bulletin.
    public enum Kind {
        LONGEST_OVERDUE("超期未办结"),
        DISSATISFIED("不满意"),
        REOPENED("重新办理");

        private final String zhName;

        Kind(String zhName) {
            this.zhName = zhName;
        }

        public String zhName() {
            return zhName;
        }
    }

    /// Masks what looks like personal data in a free-text summary (long numbers: phone and ID numbers;
    /// "王建国先生" → "王**先生") and shortens it.
    static String mask(String summary) {
        String s = summary == null ? "" : summary.strip().replaceAll("\\s+", " ");
        s = LONG_NUMBERS.matcher(s).replaceAll(m -> m.group().substring(0, 3) + "*".repeat(m.group().length() - 3));
        s = NAMED_PERSON.matcher(s).replaceAll(m -> m.group(1) + "*".repeat(m.group().length() - 1 - m.group(2).length()) + m.group(2));
        return s.length() <= SUMMARY_LENGTH ? s : s.substring(0, SUMMARY_LENGTH) + "…";
    }
}
