package org.griddesk.domain.district;

import java.util.regex.Pattern;

/// What an id or code of the district's base data may be (a unit's id, a worker's, a camera's):
/// letters, digits and `. - _`, at most 50 — the district files and the administration screens agree.
public final class DistrictCode {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,50}");

    private DistrictCode() {
    }

    public static boolean valid(String text) {
        return text != null && VALID.matcher(text).matches();
    }
}
