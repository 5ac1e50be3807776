package org.griddesk.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import javafx.util.StringConverter;

/// Days as the centre writes them in every language: 2026-11-05, never the locale's 11/5/2026.
public final class IsoDates {
    private IsoDates() {
    }

    /// A date picker's converter; text that is not a day gives `notADay`'s answer (the day shown, or none).
    public static StringConverter<LocalDate> converter(Supplier<LocalDate> notADay) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : date.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    return notADay.get();
                }
            }
        };
    }
}
