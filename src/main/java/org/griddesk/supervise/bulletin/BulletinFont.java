package org.griddesk.supervise.bulletin;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/// The fonts every bulletin is drawn with, bundled so a bulletin looks the same on every machine:
/// Droid Sans Fallback (Apache 2.0) for Chinese, and DejaVu Sans (Bitstream Vera licence) for digits and
/// Latin letters, which Droid Sans Fallback does not have. Both are embedded (as subsets) in the PDF and
/// used by Java2D for the charts and the map; text is cut into [Run]s of one font each. Read once per process.
public final class BulletinFont {
    static final String CJK = "/fonts/DroidSansFallbackFull.ttf";
    static final String LATIN = "/fonts/DejaVuSans.ttf";

    private static volatile BulletinFont loaded;

    private final byte[] cjkBytes;
    private final byte[] latinBytes;
    private final Font cjk;
    private final Font latin;

    /// A piece of text in one font.
    ///
    /// @param latin drawn with the Latin font (else the CJK one)
    record Run(boolean latin, String text) {
    }

    private BulletinFont(byte[] cjkBytes, byte[] latinBytes) throws IOException, FontFormatException {
        this.cjkBytes = cjkBytes;
        this.latinBytes = latinBytes;
        this.cjk = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(cjkBytes));
        this.latin = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(latinBytes));
    }

    public static BulletinFont get() {
        BulletinFont f = loaded;
        if (f == null) {
            synchronized (BulletinFont.class) {
                if (loaded == null) {
                    try {
                        loaded = new BulletinFont(read(CJK), read(LATIN));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (FontFormatException e) {
                        throw new IllegalStateException("the bulletin's fonts cannot be read", e);
                    }
                }
                f = loaded;
            }
        }
        return f;
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = BulletinFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bulletin's font is missing from the build: " + resource);
            }
            return in.readAllBytes();
        }
    }

    /// the TrueType files, for PDFBox to subset and embed
    InputStream cjkStream() {
        return new ByteArrayInputStream(cjkBytes);
    }

    InputStream latinStream() {
        return new ByteArrayInputStream(latinBytes);
    }

    Font awt(boolean latinRun, float size) {
        return (latinRun ? latin : cjk).deriveFont(size);
    }

    /// `text` cut into runs: Latin where the Latin font has the glyph, else CJK; a character neither has
    /// becomes `?` (PDFBox refuses to show a missing glyph)
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean currentLatin = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            boolean isLatin;
            if (latin.canDisplay(cp)) {
                isLatin = true;
            } else if (cjk.canDisplay(cp)) {
                isLatin = false;
            } else {
                cp = Character.isWhitespace(cp) ? ' ' : '?';
                isLatin = true;
            }
            if (isLatin != currentLatin && !current.isEmpty()) {
                runs.add(new Run(currentLatin, current.toString()));
                current.setLength(0);
            }
            currentLatin = isLatin;
            current.appendCodePoint(cp);
        }
        if (!current.isEmpty()) {
            runs.add(new Run(currentLatin, current.toString()));
        }
        return runs;
    }
}
