package org.griddesk.intake;

/// One thing wrong with a request, named by its field (`caller.phone`), in Chinese and English.
public record FieldError(String field, String zh, String en) {
}
