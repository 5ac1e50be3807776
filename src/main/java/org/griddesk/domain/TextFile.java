package org.griddesk.domain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/// A text file as people in China make it: UTF-8 with or without a byte-order mark (most tools),
/// GBK/GB18030 (Excel's "CSV" and Notepad's "ANSI" on a Chinese PC), or UTF-16 with its mark
/// (Excel's "Unicode text"). The encoding is found from the bytes; anything that is none of these,
/// or holds control characters no text has, is refused with a plain reason, never read as garbled
/// names.
public final class TextFile {
    /// The encodings a file was found to be in.
    public enum Encoding {
        UTF_8("UTF-8"), UTF_8_BOM("UTF-8 (BOM)"), GB18030("GBK/GB18030"), UTF_16("UTF-16");

        private final String label;

        Encoding(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /// The decoded text (without its byte-order mark) and the encoding it was in.
    public record Text(String text, Encoding encoding) {
    }

    /// A file that is not text in any encoding it could be in; the reason in both languages.
    public static final class NotTextException extends IOException {
        private final String chinese;

        NotTextException(String chinese, String english) {
            super(english);
            this.chinese = chinese;
        }

        /// The reason in Chinese.
        public String chinese() {
            return chinese;
        }
    }

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextFile() {
    }

    /// Reads `file` whole, refusing one larger than `maxBytes`.
    public static Text read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw new NotTextException("文件过大：" + size + " 字节，上限 " + maxBytes + " 字节",
                    "the file is too large: " + size + " bytes, at most " + maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16)));
        }
    }

    /// The text these bytes hold, found as [TextFile] describes.
    public static Text decode(byte[] bytes) throws NotTextException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return checked(strict(StandardCharsets.UTF_8, Arrays.copyOfRange(bytes, 3, bytes.length)), Encoding.UTF_8_BOM);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return checked(strict(StandardCharsets.UTF_16LE, Arrays.copyOfRange(bytes, 2, bytes.length)), Encoding.UTF_16);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return checked(strict(StandardCharsets.UTF_16BE, Arrays.copyOfRange(bytes, 2, bytes.length)), Encoding.UTF_16);
        }
        String utf8 = strict(StandardCharsets.UTF_8, bytes);
        if (utf8 != null) {
            return checked(utf8, Encoding.UTF_8);
        }
        return checked(strict(GB18030, bytes), Encoding.GB18030);
    }

    private static Text checked(String text, Encoding encoding) throws NotTextException {
        if (text == null) {
            throw new NotTextException("文件不是文本：既不是 UTF-8（可带 BOM），也不是 GBK，也不是带标记的 UTF-16。请另存为 UTF-8（Excel 中为“CSV UTF-8”）",
                    "the file is not text: neither UTF-8 (with or without BOM), GBK nor UTF-16 with its mark; save it as UTF-8 (in Excel: \"CSV UTF-8\")");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                long line = text.substring(0, i).chars().filter(ch -> ch == '\n').count() + 1;
                throw new NotTextException("文件第 " + line + " 行有控制字符（U+" + String.format("%04X", (int) c) + "）：不是文本文件",
                        "line " + line + " holds a control character (U+" + String.format("%04X", (int) c) + "): not a text file");
            }
        }
        return new Text(text, encoding);
    }

    /// The text, or null when the bytes are not in `charset`.
    private static String strict(Charset charset, byte[] bytes) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] bytes, int... mark) {
        if (bytes.length < mark.length) {
            return false;
        }
        for (int i = 0; i < mark.length; i++) {
            if ((bytes[i] & 0xFF) != mark[i]) {
                return false;
            }
        }
        return true;
    }
}
