package org.griddesk.domain.district;

/// How personal data is shown by default (DOMAIN.md §9): masked, unless the viewer may see it whole.
final class Masking {
    private Masking() {
    }

    /// 138****8000
    static String phone(String phone) {
        return phone == null || phone.length() < 7 ? "****" : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
