package org.griddesk.supervise.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.domain.assessment.RankingRow;
import org.griddesk.domain.org.Role;
import org.griddesk.security.AuditAction;
import org.griddesk.security.AuditOutcome;
import org.griddesk.security.Session;
import org.griddesk.supervise.bulletin.HandBulletin;
import org.griddesk.supervise.drill.TicketLists;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.RecordingAudit;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

class RankingScreenTest {
    /// early December in Beijing: the screen offers November first after this month
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @org.junit.jupiter.api.AfterAll
    static void closeWindows() throws Exception {
        org.griddesk.testsupport.FxToolkitSupport.closeWindows();
    }

    @Test
    void aSupervisorSeesLastMonthsRankingAndDrillsFromAScoreToItsTickets() throws Exception {
        FxToolkitSupport.start();
        RecordingAudit audit = new RecordingAudit();
        try (var executor = new FxTaskExecutor(1)) {
            TicketLists lists = new TicketLists(executor, clock, () -> null, () -> null, null);
            RankingScreen screen = new RankingScreen(() -> HandBulletin.sources(HandBulletin.engine()), () -> audit, lists, executor, clock);
            Session supervisor = AuditFixture.session(Role.SUPERVISOR);
            assertThat(screen.allowedFor(supervisor)).isTrue();
            assertThat(screen.allowedFor(AuditFixture.session(Role.DISPATCHER))).isFalse();
            assertThat(screen.title(Language.ZH_CN)).isEqualTo("考评排名与专报");

            Stage stage = (Stage) WaitForAsyncUtils.asyncFx(() -> screen.open(null, supervisor, Language.ZH_CN)).get();
            @SuppressWarnings("unchecked")
            TableView<RankingRow> table = (TableView<RankingRow>) stage.getScene().lookup("#rankingTable");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(table.getItems()).extracting(RankingRow::unitName)
                    .containsExactly("小站镇网格化管理中心", "咸水沽镇网格化管理中心", "葛沽镇网格化管理中心");
            assertThat(table.getItems().getFirst().rankChange()).hasValue(1);
            assertThat(((Label) stage.getScene().lookup("#rankingStatus")).getText()).startsWith("2026-11：3 个单位");

            WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((Label) stage.getScene().lookup("#explanationTitle")).getText()).isEqualTo("小站镇网格化管理中心：95.79 分");
            // lines: 来件量, 受理及时率, 联系及时率, 按时办结率 (190 of 195 resolved on time), …
            Hyperlink onTime = (Hyperlink) stage.getScene().lookup("#drill-3");
            assertThat(onTime.getText()).isEqualTo("97.4%（未达 5 件）");
            Files.createDirectories(Path.of("target", "bulletin"));
            var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
            javax.imageio.ImageIO.write(png(image), "png",
                    Path.of("target", "bulletin", "ranking-screen.png").toFile());

            WaitForAsyncUtils.asyncFx(onTime::fire).get();
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(Window.getWindows()).as("the drill-down list opens for the score's line")
                    .anySatisfy(w -> assertThat(((Stage) w).getTitle()).contains("小站镇网格化管理中心 · 2026-11 · 按时办结率 未达"));

            WaitForAsyncUtils.asyncFx(() -> ((ToggleButton) stage.getScene().lookup("#departmentsToggle")).fire()).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
            assertThat(table.getItems().getFirst().unitName()).isEqualTo("城管委");
            WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().toList().forEach(Window::hide)).get();
        }
    }

    @Test
    void theBulletinIsMadeForThoseWhoMayReadTheAssessmentAndAudited() {
        RecordingAudit audit = new RecordingAudit();
        Path pdf = temp.resolve("考评专报-2026-11.pdf");
        RankingViewModel supervisor = model(audit, AuditFixture.session(Role.SUPERVISOR));
        supervisor.makeBulletin(pdf);
        assertThat(supervisor.statusProperty().get()).startsWith("已生成 2026-11 考评专报");
        assertThat(pdf).isNotEmptyFile();
        assertThat(audit.of(AuditAction.REPORT_MADE, AuditOutcome.SUCCESS)).singleElement()
                .satisfies(e -> assertThat(e.actorId() + " " + e.target()).isEqualTo("u-supervisor 考评专报 2026-11"));

        Path refused = temp.resolve("refused.pdf");
        RankingViewModel dispatcher = model(audit, AuditFixture.session(Role.DISPATCHER));
        dispatcher.makeBulletin(refused);
        assertThat(dispatcher.statusProperty().get()).contains("没有查看考评的权限");
        assertThat(refused).doesNotExist();
        assertThat(audit.of(AuditAction.REPORT_MADE, AuditOutcome.REFUSED)).hasSize(1);

        supervisor.makeBulletin(temp.resolve("no-such-folder/x.xlsx"));
        assertThat(supervisor.statusProperty().get()).contains("考评专报未生成", "不存在");
    }

    /// the snapshot as an AWT image (no javafx-swing here)
    private static java.awt.image.BufferedImage png(javafx.scene.image.Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        var out = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        return out;
    }

    private RankingViewModel model(RecordingAudit audit, Session session) {
        return new RankingViewModel(() -> HandBulletin.sources(HandBulletin.engine()), () -> audit, new CurrentThreadTaskExecutor(),
                clock, session, Messages.of(Language.ZH_CN, RankingView.BUNDLE));
    }
}
