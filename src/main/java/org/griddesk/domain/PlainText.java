package org.griddesk.domain;

/// Text that names something on one line and reads as it is stored: no control characters (tabs and
/// line breaks included), no invisible format characters (zero-width spaces, right-to-left overrides
/// that make `exe.jpg` of `gpj.exe`), no replacement character (bytes that were not valid UTF-8) and
/// no broken surrogate. An alarm kind, an uploaded file's name.
public final class PlainText {
    private PlainText() {
    }

    public static boolean oneLine(String text) {
        return text != null && text.codePoints().allMatch(PlainText::plain);
    }

    /// One line, and no path: no `/` or `\`, not `.` or `..`.
    public static boolean fileName(String text) {
        return oneLine(text) && text.indexOf('/') < 0 && text.indexOf('\\') < 0 && !text.equals(".") && !text.equals("..");
    }

    private static boolean plain(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.SURROGATE && c != 0xFFFD
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }
}
