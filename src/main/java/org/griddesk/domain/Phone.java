package org.griddesk.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/// A phone number as people write it in a spreadsheet (`138 0013 8000`, `022-2839 1234`, `+86…`,
/// full-width digits) checked and reduced to its digits: a mobile (11 digits, 1[3-9]…), a landline
/// with its area code (0…, 10 to 12 digits) or a five-digit service number (12345, 95598). The
/// district files (onboard) and the desk's administration screens check a person's phone with the
/// same rule ([#personal]).
public final class Phone {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final Pattern VALID = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}|[19]\\d{4}");
    /// a person is reached on a mobile or a landline, never on a service number
    private static final Pattern PERSONAL = Pattern.compile("1[3-9]\\d{9}|0\\d{9,11}");
    /// Excel keeps a number cell without its leading zero: 022-28391234 typed as 02228391234 is 2228391234
    private static final Pattern LOST_ZERO = Pattern.compile("[1-9]\\d{8,10}");

    private Phone() {
    }

    /// The digits, or null when `typed` is no phone number (then [#problem] says why).
    public static String digits(String typed) {
        String d = reduced(typed);
        return VALID.matcher(d).matches() ? d : null;
    }

    /// The digits of a person's phone (a mainland mobile or a landline with its area code), or null.
    public static String personal(String typed) {
        String d = reduced(typed == null ? "" : typed);
        return PERSONAL.matcher(d).matches() ? d : null;
    }

    /// Why `typed` is not a phone number, in Chinese and English.
    public static String[] problem(String typed) {
        String d = reduced(typed);
        if (LOST_ZERO.matcher(d).matches() && !d.startsWith("1")) {
            return new String[] {"电话 " + typed + " 像是丢了开头 0 的座机号（Excel 把它存成了数字）：请在文本格式的单元格里写 0" + d,
                "phone " + typed + " looks like a landline that lost its leading 0 (Excel kept it as a number): write 0" + d
                    + " in a text cell"};
        }
        return new String[] {"电话 " + typed + " 不是手机号（11 位）、带区号的座机号或五位服务号",
            "phone " + typed + " is not a mobile (11 digits), a landline with its area code or a five-digit service number"};
    }

    private static String reduced(String typed) {
        String s = SEPARATORS.matcher(Normalizer.normalize(typed, Normalizer.Form.NFKC)).replaceAll("");
        if (s.startsWith("+86")) {
            return s.substring(3);
        }
        return s.startsWith("0086") ? s.substring(4) : s;
    }
}
