package org.griddesk.app;

/// LICENSE.txt as the RTF that the MSI's licence page shows (installer/windows/LICENSE.rtf). The page
/// is an RTF control; rather than rely on jpackage's own conversion of a text licence (not tried on
/// Windows with Chinese text), this one writes every character outside ASCII as an RTF Unicode escape (backslash u, the number, a
/// question mark for readers without Unicode) in a Chinese font.
final class LicenceRtf {
    private LicenceRtf() {
    }

    static String of(String text) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\ansicpg936\\deff0\\uc1"
                + "{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0\\fs18\r\n");
        for (String line : text.strip().split("\r?\n", -1)) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' || c == '{' || c == '}') {
                    rtf.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7f) {
                    rtf.append(c);
                } else {
                    rtf.append("\\u").append((int) (short) c).append('?'); // a signed 16-bit number, as RTF wants
                }
            }
            rtf.append("\\par\r\n");
        }
        return rtf.append("}\r\n").toString();
    }
}
