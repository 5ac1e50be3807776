package org.griddesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {
    private static final String ROWS = "编码,名称,上级\r\nXSG,咸水沽镇,\r\n";

    @TempDir
    Path dir;

    @Test
    void excelsGbkCsvIsReadAsGbk() throws IOException {
        TextFile.Text read = TextFile.read(write(ROWS.getBytes(Charset.forName("GBK"))), 1 << 20);
        assertThat(read.text()).isEqualTo(ROWS);
        assertThat(read.encoding()).isEqualTo(TextFile.Encoding.GB18030);
    }

    @Test
    void utf8WithAndWithoutItsMarkIsReadWithoutTheMark() throws IOException {
        byte[] plain = ROWS.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[plain.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, marked, 3, plain.length);
        assertThat(TextFile.decode(plain)).isEqualTo(new TextFile.Text(ROWS, TextFile.Encoding.UTF_8));
        assertThat(TextFile.decode(marked)).isEqualTo(new TextFile.Text(ROWS, TextFile.Encoding.UTF_8_BOM));
    }

    @Test
    void excelsUnicodeTextIsReadAsUtf16() throws IOException {
        byte[] body = ROWS.getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[body.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(body, 0, marked, 2, body.length);
        assertThat(TextFile.decode(marked).text()).isEqualTo(ROWS);
    }

    @Test
    void randomBytesAndBinaryFilesAreRefusedInBothLanguages() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertThatThrownBy(() -> TextFile.decode(noise)).isInstanceOf(TextFile.NotTextException.class)
                .hasMessageContaining("not").satisfies(e -> assertThat(((TextFile.NotTextException) e).chinese()).contains("不是"));
        byte[] zipLike = {'P', 'K', 3, 4, 'a', 'b'};
        assertThatThrownBy(() -> TextFile.decode(zipLike)).hasMessageContaining("control character");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path big = write(new byte[2048]);
        assertThatThrownBy(() -> TextFile.read(big, 1024)).isInstanceOf(TextFile.NotTextException.class).hasMessageContaining("too large");
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.write(file, bytes);
        return file;
    }
}
