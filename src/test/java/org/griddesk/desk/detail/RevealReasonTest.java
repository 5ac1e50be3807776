package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import org.griddesk.security.RevealRefused;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/// The reason asked before a reveal: required, at most 200 characters (as the service checks), the
/// dialog's confirm button waiting for an acceptable one and its lines saying what is missing.
class RevealReasonTest {
    private final Messages zh = Messages.of(Language.ZH_CN, RevealRefused.BUNDLE);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
    }

    @Test
    void aReasonIsRequiredAndAtMostTwoHundredCharacters() {
        RevealReasonViewModel model = new RevealReasonViewModel(zh);
        assertThat(model.acceptableProperty().get()).isFalse();
        assertThat(model.verdictProperty().get()).isEqualTo("请填写查看事由。");

        model.reasonProperty().set("   ");
        assertThat(model.acceptableProperty().get()).isFalse();

        model.reasonProperty().set("  回访核实诉求情况 ");
        assertThat(model.acceptableProperty().get()).isTrue();
        assertThat(model.verdictProperty().get()).isEmpty();
        assertThat(model.reason()).isEqualTo("回访核实诉求情况");
        assertThat(model.countProperty().get()).isEqualTo("8/200");

        model.reasonProperty().set("因".repeat(200));
        assertThat(model.acceptableProperty().get()).isTrue();
        model.reasonProperty().set("因".repeat(201));
        assertThat(model.acceptableProperty().get()).isFalse();
        assertThat(model.verdictProperty().get()).isEqualTo("事由不能超过 200 个字。");
    }

    @Test
    void theDialogConfirmsOnlyAnAcceptableReason() throws Exception {
        RevealReasonDialog dialog = onFx(() -> new RevealReasonDialog(zh, "2611-0042", null));
        TicketDetailWithoutKeyTest.staged(dialog.pane());
        TextArea reason = (TextArea) dialog.pane().lookup("#revealReason");
        Button confirm = (Button) dialog.pane().lookup("#revealConfirm");
        assertThat(ButtonBar.getButtonData(confirm)).isEqualTo(ButtonBar.ButtonData.OK_DONE);
        assertThat(confirm.isDisabled()).isTrue();
        assertThat(((Label) dialog.pane().lookup("#revealVerdict")).getText()).isEqualTo("请填写查看事由。");

        onFx(() -> {
            reason.setText("回访核实诉求情况");
            return null;
        });
        assertThat(confirm.isDisabled()).isFalse();
        assertThat(((Label) dialog.pane().lookup("#revealCount")).getText()).isEqualTo("8/200");
        TicketDetailWithoutKeyTest.snapshot(dialog.pane(), Path.of("target/screenshots/reveal-reason.png"));

        Messages en = Messages.of(Language.EN, RevealRefused.BUNDLE);
        RevealReasonDialog english = onFx(() -> new RevealReasonDialog(en, "2611-0042", null));
        TicketDetailWithoutKeyTest.staged(english.pane());
        assertThat(((Label) english.pane().lookup("#revealVerdict")).getText()).isEqualTo("Give a reason for showing personal data.");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
