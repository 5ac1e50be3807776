package org.griddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/// Names that read as they are stored: what an outsider tried on alarm kinds and upload names.
class PlainTextTest {
    @Test
    void invisibleBrokenOrMultiLineTextIsNotPlain() {
        assertThat(PlainText.oneLine("占道经营")).isTrue();
        assertThat(PlainText.oneLine("🔥 SELECT * FROM x; -- 'quoted'")).as("emoji, quotes and SQL-looking text are text").isTrue();
        for (String bad : new String[] {"a\nb", "a\tb", "a\rb", "esc\u001b", "nel\u0085", "zw\u200b", "bidi\u202eabc", "bom\ufeff",
            "bad\ufffd", "lone\ud800", "line\u2028"}) {
            assertThat(PlainText.oneLine(bad)).as(bad).isFalse();
        }
        assertThat(PlainText.oneLine(null)).isFalse();
    }

    @Test
    void aFileNameHasNoPath() {
        assertThat(PlainText.fileName("整改后.jpg")).isTrue();
        for (String bad : new String[] {"../../etc/passwd", "a\\b.png", "..", ".", "\u202egpj.exe"}) {
            assertThat(PlainText.fileName(bad)).as(bad).isFalse();
        }
    }
}
