package org.griddesk.desk.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.ActionInput;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.TicketActions;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentType;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The handled-report form's files, below the window: picked files are read and checked, the
/// refused ones named with the limit or the types in the user's language, the same bytes kept once,
/// and what is kept travels with the form's command to the lifecycle.
class EvidencePickerTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void picturesAndPdfsAreTakenOtherFilesAndOversizedOnesAreRefusedNamingWhy() throws Exception {
        EvidencePicker picker = new EvidencePicker(new CurrentThreadTaskExecutor(), Locale.SIMPLIFIED_CHINESE);
        Path photo = file("现场.jpg", EvidenceFiles.jpeg());
        Path record = file("验收单.pdf", EvidenceFiles.pdf());
        Path notes = file("说明.txt", "文字说明".getBytes());
        Path video = dir.resolve("录像.mp4");
        try (RandomAccessFile big = new RandomAccessFile(video.toFile(), "rw")) {
            big.setLength(Attachment.MAX_BYTES + 1L); // a sparse file: refused by its length, never read
        }

        picker.add(List.of(photo, notes, record, video));

        assertThat(picker.files()).extracting(Attachment::name).containsExactly("现场.jpg", "验收单.pdf");
        assertThat(picker.files()).extracting(Attachment::type).containsExactly(AttachmentType.JPEG, AttachmentType.PDF);
        assertThat(picker.refusalProperty().get().split("\n")).containsExactly(
                "「说明.txt」不是可收的文件类型：只收 JPEG、PNG、WebP 图片和 PDF 文件",
                "「录像.mp4」有 10 MB，超过每个附件 10 MB 的上限，未添加");
        assertThat(picker.readingProperty().get()).isFalse();

        picker.add(List.of(file("again.jpg", EvidenceFiles.jpeg())));
        assertThat(picker.files()).as("the same bytes again are one file").hasSize(2);
        assertThat(picker.refusalProperty().get()).isEmpty();

        picker.remove(picker.files().getFirst());
        assertThat(picker.files()).extracting(Attachment::name).containsExactly("验收单.pdf");
    }

    @Test
    void theRefusalSpeaksTheUsersLanguageAndAReportTakesAtMostNine() throws Exception {
        EvidencePicker picker = new EvidencePicker(new CurrentThreadTaskExecutor(), Locale.ENGLISH);
        List<Path> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(file(i + ".png", EvidenceFiles.picture("png", 10 + i, 10, Color.ORANGE)));
        }
        many.add(dir.resolve("gone.jpg"));
        picker.add(many);
        assertThat(picker.files()).hasSize(Attachment.MAX_PER_REPORT);
        assertThat(picker.refusalProperty().get()).isEqualTo("At most 9 files on one report");

        picker.add(List.of(dir.resolve("missing.jpg")));
        assertThat(picker.refusalProperty().get()).isEqualTo("At most 9 files on one report");
        picker.remove(picker.files().getFirst());
        picker.add(List.of(dir.resolve("missing.jpg")));
        assertThat(picker.refusalProperty().get()).startsWith("\"missing.jpg\" cannot be read");
    }

    @Test
    void theFormsFilesGoWithItsCommandToTheLifecycle() throws Exception {
        EvidencePicker picker = new EvidencePicker(new CurrentThreadTaskExecutor(), Locale.SIMPLIFIED_CHINESE);
        picker.add(List.of(file("a.jpg", EvidenceFiles.jpeg()), file("b.png", EvidenceFiles.png())));
        ActionInput input = ActionInput.EMPTY.withText("已清理完毕").withAttachments(picker.files());
        Responsibility catalogue = new Responsibility(LifecycleFixture.ORGANISATION, TaxonomyCsv.demo(),
                List.of(new Team(LifecycleFixture.XSG_CITY_MGMT, "CG")));
        TicketActions actions = new TicketActions(LifecycleFixture.lifecycle(), null, null, catalogue, TaxonomyCsv.demo(), Clock.systemUTC());
        Ticket t = inProgress();

        // as the form does on every change and on confirm
        assertThat(actions.check(t, Action.REPORT_HANDLED, input, LifecycleFixture.XSG_CG_HANDLER).allowed()).isTrue();
        DeskCommand command = actions.command(t, Action.REPORT_HANDLED, input);
        assertThat(command.lifecycle(t, null)).singleElement().isInstanceOfSatisfying(TicketCommand.ReportHandled.class, c -> {
            assertThat(c.result()).isEqualTo("已清理完毕");
            assertThat(c.attachments()).extracting(Attachment::name).containsExactly("a.jpg", "b.png");
            assertThat(c.allEvidence()).containsExactly(picker.files().get(0).ref(), picker.files().get(1).ref());
        });
        assertThat(input.withText("改写").attachments()).as("other edits keep the files").hasSize(2);
    }

    private static Ticket inProgress() {
        Instant at = LifecycleFixture.shanghai("2026-11-23T09:00");
        var lifecycle = LifecycleFixture.lifecycle();
        Ticket t = lifecycle.report(7, "2611-0042", LifecycleFixture.hotlineRequest("8890-1", at), "JN-XSG", LifecycleFixture.HOTLINE,
                at).after();
        t = lifecycle.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), LifecycleFixture.XSG_DISPATCHER, at)
                .after();
        t = lifecycle.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), LifecycleFixture.XSG_DISPATCHER, at).after();
        return lifecycle.execute(t, new TicketCommand.Sign(), LifecycleFixture.XSG_CG_HANDLER, at).after();
    }
}
