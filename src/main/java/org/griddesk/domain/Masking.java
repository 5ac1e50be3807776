package org.griddesk.domain;

/// How personal data is shown by default (DOMAIN.md §9): masked, unless the viewer may see it whole.
public final class Masking {
    private Masking() {
    }

    /// 138****8000
    public static String phone(String phone) {
        return phone == null || phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /// 张*华, 李*: the surname and, for longer names, the last character.
    public static String name(String name) {
        if (name == null || name.length() <= 1) {
            return "*";
        }
        return name.charAt(0) + "*" + (name.length() > 2 ? name.substring(name.length() - 1) : "");
    }
}
