package org.griddesk.domain.ticket;

import java.util.regex.Pattern;
import org.griddesk.domain.Masking;

/// The citizen who made a request (a hotline caller, a 津治通 user). Personal data: stored as given,
/// masked wherever it is shown or logged; `toString` masks too, so a stray log line leaks nothing.
///
/// @param name  as the citizen gave it; may be empty (many callers give none)
/// @param phone digits only (a mobile or a landline with its area code), 5 to 20 of them
public record Caller(String name, String phone) {
    public static final int MAX_NAME = 50;
    private static final Pattern PHONE = Pattern.compile("\\d{5,20}");
    /// A caller whose details are sealed with a data key this desk does not hold: there is someone,
    /// but their name and phone cannot be shown here (docs/security-keys.md).
    public static final Caller UNREADABLE = new Caller("", "00000");

    public Caller {
        name = name == null ? "" : name.strip();
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("a caller's name has at most " + MAX_NAME + " characters");
        }
        if (phone == null || !PHONE.matcher(phone).matches()) {
            throw new IllegalArgumentException("a caller's phone is 5 to 20 digits");
        }
    }

    /// False for [#UNREADABLE]: the store holds this caller sealed and this desk has no key to open it.
    public boolean readable() {
        return !UNREADABLE.equals(this);
    }

    public String maskedName() {
        return name.isEmpty() ? "" : Masking.name(name);
    }

    public String maskedPhone() {
        return Masking.phone(phone);
    }

    @Override
    public String toString() {
        return "Caller[" + maskedName() + " " + maskedPhone() + "]";
    }
}
