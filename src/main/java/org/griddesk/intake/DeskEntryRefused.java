package org.griddesk.intake;

import java.util.List;
import java.util.Locale;

/// An entry at the desk that was not taken, and why: the fields that are wrong (each named), or
/// that the person may not enter tickets at a desk. Nothing was written.
public final class DeskEntryRefused extends RuntimeException {
    private final List<FieldError> errors;

    public DeskEntryRefused(List<FieldError> errors) {
        super(errors.isEmpty() ? "refused" : errors.getFirst().en());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /// Every reason, one a line, in the language of `locale`.
    public String message(Locale locale) {
        boolean zh = locale.getLanguage().equals("zh");
        return String.join("\n", errors.stream().map(e -> zh ? e.zh() : e.en()).toList());
    }
}
