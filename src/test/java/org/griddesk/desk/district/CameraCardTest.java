package org.griddesk.desk.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.awt.Color;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import org.griddesk.desk.detail.EvidenceLoader;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.AttachmentRepository;
import org.griddesk.store.ticket.CameraAlarms;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.OpenedBySystem;
import org.griddesk.testsupport.ScenePng;
import org.griddesk.testsupport.TestDatabases;
import org.griddesk.ui.CurrentThreadTaskExecutor;
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

/// A camera's card on a real store (H2): its recent alarms newest first, each with the ticket it
/// made or was folded into and whether it has a snapshot, other cameras' alarms left out; the
/// live view hands the stream to the system's player; the keys open the ticket, the snapshot, close.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CameraCardTest {
    private static final Actor VIDEO = new Actor("CH-VIDEO", "雪亮工程", Role.CHANNEL, LifecycleFixture.XIANSHUIGU);
    private static final String CAMERA = "JN-GQ-00041";
    private static final String STREAM = "rtsp://vms.jinnan.demo:554/live/" + CAMERA;

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

    /// Three alarms of the camera an hour apart (the second folded into the first's ticket, the third
    /// rejected as a false alarm), one of another camera.
    private static List<String> alarms(Database db) {
        Instant at = shanghai("2026-11-23T09:00");
        TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), java.time.Clock.systemUTC());
        byte[] snapshot = EvidenceFiles.picture("jpg", 320, 180, new Color(0x455a64));
        Ticket first = report(service, new VideoAlarm("VA-1", CAMERA, "占道经营", 0.91, at, snapshot));
        service.foldAlarm(first.id(), new VideoAlarm("VA-2", CAMERA, "占道经营", 0.88, at.plus(Duration.ofHours(1)), null), VIDEO);
        Ticket third = report(service, new VideoAlarm("VA-3", CAMERA, "垃圾堆放", 0.75, at.plus(Duration.ofHours(2)),
                EvidenceFiles.picture("jpg", 320, 180, new Color(0x6d4c41))));
        service.execute(third, new TicketCommand.RejectInvalid("误报：阴影"), XSG_DISPATCHER);
        report(service, new VideoAlarm("VA-9", "JN-GQ-00042", "占道经营", 0.9, at.plus(Duration.ofHours(3)), null));
        return List.of(first.code(), third.code());
    }

    private static Ticket report(TicketService service, VideoAlarm alarm) {
        return service.report(new Intake(Channel.VIDEO, alarm.alarmId(), "视频告警：" + alarm.alarmType(), "XSG-012-03", alarm.alarmAt()),
                "JN-XSG", VIDEO, IntakeDetail.NONE, alarm, List.of()).after();
    }

    @Test
    void theCardListsTheCamerasRecentAlarmsAndHandsItsStreamToThePlayer() throws Exception {
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp)) {
            List<String> codes = alarms(db);
            db.dsl().execute("INSERT INTO camera (code, camera_kind, lon, lat, grid_code, stream_url) VALUES (?, 'HD', 117.38, 38.94, "
                    + "'XSG-012-03', ?)", CAMERA, STREAM);
            CameraCardModel model = new CameraCardModel(new CurrentThreadTaskExecutor(),
                    CameraCardModel.Reader.of(new CameraAlarms(db.dsl())), new Camera(CAMERA, Camera.Kind.HD, 117.38, 38.94, "XSG-012-03"));

            model.load();

            assertThat(model.loadedProperty().get()).isTrue();
            assertThat(model.alarms()).extracting(CameraAlarms.Recent::alarmId).containsExactly("VA-3", "VA-2", "VA-1");
            assertThat(model.alarms()).extracting(CameraAlarms.Recent::ticketCode).containsExactly(codes.get(1), codes.get(0), codes.get(0));
            assertThat(model.alarms()).extracting(CameraAlarms.Recent::snapshot).containsExactly(true, false, true);
            assertThat(model.alarms().getFirst().ticketState()).isEqualTo(TicketState.REJECTED);
            assertThat(model.streamUrlProperty().get()).as("read from the store").isEqualTo(STREAM);
            assertThat(model.openLive()).isTrue();
            assertThat(opened).containsExactly(STREAM);

            CameraCardModel none = new CameraCardModel(new CurrentThreadTaskExecutor(),
                    CameraCardModel.Reader.of(new CameraAlarms(db.dsl())), new Camera("JN-RL-00001", Camera.Kind.FACE, 117.3, 38.9, "X"));
            none.load();
            assertThat(none.alarms()).isEmpty();
            assertThat(none.openLive()).as("no stream given").isFalse();
            assertThat(opened).hasSize(1);
            assertThat(CameraCardModel.isStream("rtsp://10.0.0.8:554/live")).isTrue();
            assertThat(CameraCardModel.isStream("HTTPS://video.example/hls/1.m3u8")).isTrue();
            for (String notAStream : new String[] {"file:///C:/Windows/System32/calc.exe", "javascript:alert(1)", "C:\\x.exe", "rtsp ://x", ""}) {
                assertThat(CameraCardModel.isStream(notAStream)).as(notAStream).isFalse();
            }
        }
    }

    @Test
    void theCardWorksFromTheKeyboard() throws Exception {
        FxToolkitSupport.start();
        List<String> shownTickets = new CopyOnWriteArrayList<>();
        try (Database db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
             FxTaskExecutor executor = new FxTaskExecutor(1)) {
            List<String> codes = alarms(db);
            CameraAlarms reader = new CameraAlarms(db.dsl());
            EvidenceLoader evidence = new EvidenceLoader(executor, EvidenceLoader.Store.of(new AttachmentRepository(db.dsl()), reader));
            Camera camera = new Camera(CAMERA, Camera.Kind.HD, 117.38, 38.94, "XSG-012-03", STREAM);
            Messages texts = Messages.of(Language.ZH_CN, "i18n/evidence");
            CameraCard card = WaitForAsyncUtils.asyncFx(() -> new CameraCard(new CameraCardModel(executor, CameraCardModel.Reader.of(reader),
                    camera), Messages.of(Language.ZH_CN), texts, "咸水沽镇 · 津沽路社区 · XSG-012-03", evidence, shownTickets::add, null).show())
                    .get(10, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            TableView<CameraAlarms.Recent> table = robot.lookup("#cameraAlarms").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
            // the link is filled with the card's read, like the table: looked at on the FX thread once there
            javafx.scene.control.Hyperlink link = robot.lookup("#cameraStream").queryAs(javafx.scene.control.Hyperlink.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(link::getText).get(5, TimeUnit.SECONDS).equals(STREAM));
            ScenePng.save(card.stage().getScene(), "camera-card");

            WaitForAsyncUtils.asyncFx(() -> {
                table.requestFocus();
                table.getSelectionModel().select(0);
            }).get(5, TimeUnit.SECONDS);
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownTickets.contains(codes.get(1)));
            robot.type(KeyCode.SPACE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#evidencePicture").tryQuery().isPresent()
                    && robot.lookup("#evidencePicture").queryAs(ImageView.class).getImage() != null);
            assertThat(robot.lookup("#evidenceCaption").queryLabeled().getText()).startsWith("1 / 2").contains("垃圾堆放");
            robot.type(KeyCode.ESCAPE); // closes the viewer
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#evidenceViewer").tryQuery()).isEmpty();
            WaitForAsyncUtils.asyncFx(() -> card.stage().requestFocus()).get(5, TimeUnit.SECONDS);
            robot.type(KeyCode.L);
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.contains(STREAM));
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(card.stage().isShowing()).isFalse();
        }
    }
}
