package org.griddesk.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An export is written whole or not at all: a failure half-way leaves the file that was there as it
/// was and no temporary file; a file that cannot be written is refused with the reason in either language.
class ExportFileTest {
    @TempDir
    Path temp;

    @Test
    void aFailureHalfWayLeavesTheEarlierFileAsItWasAndNothingElse() throws IOException {
        Path file = Files.writeString(temp.resolve("日报.csv"), "yesterday's digest");
        assertThatThrownBy(() -> ExportFile.write(file, (out, part) -> {
            out.write("half of today's".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(part.getParent()).isEqualTo(temp);
            assertThat(Files.readString(file)).as("the target is untouched while writing").isEqualTo("yesterday's digest");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("yesterday's digest");
        try (var files = Files.list(temp)) {
            assertThat(files).containsExactly(file);
        }
        Integer written = ExportFile.write(file, (out, part) -> {
            out.write("today's".getBytes(StandardCharsets.UTF_8));
            return 7;
        });
        assertThat(written).isEqualTo(7);
        assertThat(Files.readString(file)).isEqualTo("today's");
    }

    @Test
    void aPartLeftByAKilledWriteIsRemovedByTheNextWriteButOneUnderWayIsNot() throws IOException {
        Path file = temp.resolve("专报.pdf");
        Path left = Files.writeString(temp.resolve(".专报.pdf.k1ll3d.part"), "%PDF-1.");
        Files.setLastModifiedTime(left, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7_200)));
        Path underWay = Files.writeString(temp.resolve(".专报.pdf.wr1t1ng.part"), "%PDF-1.");
        Path other = Files.writeString(temp.resolve(".其他.pdf.k1ll3d.part"), "x");
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(7_200)));

        ExportFile.write(file, (out, part) -> {
            out.write("%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
            return null;
        });

        assertThat(file).hasContent("%PDF-1.7");
        assertThat(left).as("two hours old: a killed write's").doesNotExist();
        assertThat(underWay).as("fresh: maybe another desk's write").exists();
        assertThat(other).as("another file's").exists();
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedWithTheReasonInEitherLanguage() throws IOException {
        Path missing = temp.resolve("no/such/r.csv");
        ExportFile.Unwritable noFolder = catchUnwritable(missing);
        assertThat(noFolder).hasMessage("无法写入 " + missing + "：目录 " + missing.getParent() + " 不存在");
        assertThat(noFolder.reason(Language.EN)).isEqualTo("the folder " + missing.getParent() + " does not exist");
        assertThat(catchUnwritable(temp).message(Language.EN)).isEqualTo("Cannot write " + temp + ": it is a folder");
        assertThat(catchUnwritable(Path.of("")).reason(Language.ZH_CN)).isEqualTo("没有给出文件名");
        ExportFile.check(temp.resolve("fine.csv"));
        try (var files = Files.list(temp)) {
            assertThat(files).as("checking writes nothing").isEmpty();
        }
    }

    private static ExportFile.Unwritable catchUnwritable(Path file) {
        try {
            ExportFile.check(file);
        } catch (ExportFile.Unwritable e) {
            return e;
        }
        throw new AssertionError("not refused: " + file);
    }
}
