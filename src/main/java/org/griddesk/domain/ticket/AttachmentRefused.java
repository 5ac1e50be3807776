package org.griddesk.domain.ticket;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/// A file not taken as evidence: too large, empty, of a type we do not take, or one too many. The
/// reason names the limit or the types, in Chinese and English (`i18n/evidence*.properties`).
/// Nothing is stored when this is thrown.
public final class AttachmentRefused extends RuntimeException {
    static final String BUNDLE = "i18n/evidence";

    private final String key;
    private final transient Object[] args;

    /// @param key  the reason's message key (`evidence.refused.*`)
    /// @param args its arguments; the first is the file's name
    public AttachmentRefused(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args.clone();
    }

    static AttachmentRefused tooLarge(String name, long size) {
        return new AttachmentRefused("evidence.refused.size", name, megabytes(size), megabytes(Attachment.MAX_BYTES));
    }

    /// more than [Attachment#MAX_PER_REPORT] files on one report
    public static AttachmentRefused tooMany() {
        return new AttachmentRefused("evidence.refused.count", "", Attachment.MAX_PER_REPORT);
    }

    /// A file `size` bytes long is too large: refused before its bytes are read.
    public static AttachmentRefused tooLargeFile(String name, long size) {
        return tooLarge(name, size);
    }

    public String key() {
        return key;
    }

    /// The reason in the given language (Chinese for `zh`, English otherwise).
    public String message(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /// Both languages, Chinese first, for API errors.
    public String bilingual() {
        return message(Locale.SIMPLIFIED_CHINESE) + " / " + message(Locale.ENGLISH);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0)).replace(".0", "");
    }
}
