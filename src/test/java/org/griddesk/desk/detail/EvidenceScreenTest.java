package org.griddesk.desk.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.awt.Color;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.OpenedBySystem;
import org.griddesk.testsupport.ScenePng;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The detail pane's photos and files on a real store (H2): a video alarm's ticket handled with
/// two pictures, a PDF and a link shows five tiles, the pictures as thumbnails scaled off the FX
/// thread (and cached); a tile opens the viewer, which pages with the arrow keys, zooms with + and
/// 0, hands the link and the PDF to the system's program, and closes with Esc.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EvidenceScreenTest {
    private static final Actor VIDEO = new Actor("CH-VIDEO", "雪亮工程", Role.CHANNEL, LifecycleFixture.XIANSHUIGU);
    private static final String LINK = "https://cgw.example/p/现场-9.jpg";

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final OpenedBySystem system = new OpenedBySystem();
    private final List<String> opened = system.opened();

    @TempDir
    Path temp;

    @AfterAll
    static void closeWindows() throws Exception {
        FxToolkitSupport.closeWindows();
    }

    @Test
    void thumbnailsOpenTheViewerWhichPagesZoomsOpensFilesAndCloses() throws Exception {
        FxToolkitSupport.start();
        byte[] street = EvidenceFiles.picture("jpg", 1600, 1200, new Color(0x37474f));
        byte[] snapshot = EvidenceFiles.picture("jpg", 640, 360, new Color(0x5d4037));
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
             FxTaskExecutor executor = new FxTaskExecutor(1)) {
            TicketDetail d = handledWithEvidence(db, street, snapshot);
            EvidenceLoader loader = new EvidenceLoader(executor, EvidenceLoader.Store.of(new AttachmentRepository(db.dsl()),
                    new CameraAlarms(db.dsl())));
            Messages messages = Messages.of(Language.ZH_CN);
            Stage stage = WaitForAsyncUtils.asyncFx(() -> {
                Stage s = new Stage();
                TicketDetailView view = new TicketDetailView(messages, d, new TicketDetailView.Extras(new Label(),
                        label -> Optional.empty(), Optional.empty(), Optional.empty(), shown -> Optional.of(new EvidenceStrip(Language.ZH_CN, loader, shown))));
                Scene scene = new Scene(view, 900, 1000);
                scene.getStylesheets().add(EvidenceScreenTest.class.getResource("/css/griddesk.css").toExternalForm());
                s.setScene(scene);
                s.show();
                return s;
            }).get(10, TimeUnit.SECONDS);
            EvidenceStrip strip = robot.lookup("#evidenceStrip").queryAs(EvidenceStrip.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> strip.shown().size() == 5);
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(strip.isVisible()).isTrue();
            assertThat(strip.shown()).extracting(s -> s.item().kind()).containsExactly(EvidenceItem.Kind.LINK,
                    EvidenceItem.Kind.STORED, EvidenceItem.Kind.STORED, EvidenceItem.Kind.STORED, EvidenceItem.Kind.SNAPSHOT);
            assertThat(strip.shown()).extracting(s -> s.item().name()).containsExactly("现场-9.jpg", "整改前.jpg", "整改后.png",
                    "验收单.pdf", "占道经营");
            // pictures are decoded already scaled down: a 1600×1200 photo makes a 160×120 thumbnail
            assertThat(strip.shown().get(1).thumbnail().getWidth()).isEqualTo(EvidenceLoader.THUMB_WIDTH);
            assertThat(strip.shown().get(1).thumbnail().getHeight()).isEqualTo(EvidenceLoader.THUMB_HEIGHT);
            assertThat(strip.shown().get(4).thumbnail()).isNotNull();
            assertThat(strip.shown().get(3).thumbnail()).as("a PDF has no thumbnail").isNull();
            assertThat(robot.lookup("#evidenceTile1").queryButton().getGraphic()).isInstanceOf(ImageView.class);
            assertThat(((Label) robot.lookup("#evidenceTile3").queryButton().getGraphic()).getText()).isEqualTo("PDF");
            assertThat(loader.shown(d).get(1).thumbnail()).as("read again: from the cache").isSameAs(strip.shown().get(1).thumbnail());
            ScenePng.save(stage.getScene(), "evidence-detail");

            robot.clickOn("#evidenceTile1");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#evidenceViewer").tryQuery().isPresent());
            ImageView picture = robot.lookup("#evidencePicture").queryAs(ImageView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picture.getImage() != null);
            assertThat(picture.getImage().getWidth()).as("the whole picture").isEqualTo(1600);
            assertThat(caption()).startsWith("2 / 5").contains("整改前.jpg");
            double fitted = picture.getFitWidth();
            assertThat(fitted).as("fitted to the window").isLessThan(1000);

            robot.type(KeyCode.PLUS);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(picture.getFitWidth()).isGreaterThan(fitted * 1.2);
            robot.type(KeyCode.DIGIT1);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(picture.getFitWidth()).as("actual size").isEqualTo(1600);
            robot.type(KeyCode.DIGIT0);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(picture.getFitWidth()).isEqualTo(fitted);

            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picture.getImage() != null && picture.getImage().getWidth() == 48);
            assertThat(caption()).startsWith("3 / 5").contains("整改后.png");
            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(caption()).startsWith("4 / 5");
            assertThat(picture.getImage()).isNull();
            assertThat(robot.lookup("#evidenceStatus").queryLabeled().getText()).contains("验收单.pdf", "不是图片");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());
            Path pdf = Path.of(URI.create(opened.getLast()));
            assertThat(pdf.toString()).endsWith(".pdf");
            assertThat(Files.readAllBytes(pdf)).isEqualTo(EvidenceFiles.pdf());

            robot.type(KeyCode.RIGHT);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picture.getImage() != null && picture.getImage().getWidth() == 640);
            assertThat(caption()).startsWith("5 / 5").contains("视频抓拍");
            ScenePng.save(robot.lookup("#evidenceViewer").query().getScene(), "evidence-viewer");
            robot.type(KeyCode.RIGHT); // round to the first: the link, opened by the system's browser
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(caption()).startsWith("1 / 5");
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.contains(LINK));
            robot.type(KeyCode.LEFT);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(caption()).startsWith("5 / 5");

            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#evidenceViewer").tryQuery()).as("Esc closes the viewer").isEmpty();

            robot.clickOn("#evidenceTile3"); // a PDF goes to the system's program, not the viewer
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.size() == 3);
            assertThat(opened.getLast()).endsWith(".pdf");
            assertThat(robot.lookup("#evidenceViewer").tryQuery()).isEmpty();
            WaitForAsyncUtils.asyncFx(stage::close).get(5, TimeUnit.SECONDS);
        }
    }

    private String caption() {
        return robot.lookup("#evidenceCaption").queryLabeled().getText();
    }

    /// A 雪亮 alarm's ticket (with its snapshot), handled by the town's team with two pictures, a
    /// record and a link to a picture kept in the team's system.
    private static TicketDetail handledWithEvidence(Database db, byte[] street, byte[] snapshot) {
        Instant at = shanghai("2026-11-23T09:00");
        TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), java.time.Clock.systemUTC());
        VideoAlarm alarm = new VideoAlarm("VA-1", "JN-GQ-00041", "占道经营", 0.91, at, snapshot);
        Ticket t = service.report(new Intake(Channel.VIDEO, "VA-1", "视频告警：占道经营", "XSG-012-03", at), "JN-XSG", VIDEO,
                IntakeDetail.NONE, alarm, List.of()).after();
        t = service.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER).after();
        t = service.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER).after();
        t = service.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER).after();
        t = service.execute(t, new TicketCommand.ReportHandled("已劝离占道摊位", List.of(LINK), List.of(Attachment.of("整改前.jpg", street),
                Attachment.of("整改后.png", EvidenceFiles.png()), Attachment.of("验收单.pdf", EvidenceFiles.pdf()))), XSG_CG_HANDLER).after();
        TicketRepository tickets = new TicketRepository(db.dsl());
        return new TicketDetail(tickets.get(t.id()), tickets.trail(t.id()), IntakeDetail.NONE, List.of(),
                new IntakeRepository(db.dsl()).alarms(t.id()), List.of(), "", "", Map.of(), 0);
    }
}
