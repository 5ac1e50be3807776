package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.entry.Candidate;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.map.MapView;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// 席位录入 on the real desk (headless, Chinese, the demo store), from the keyboard: the town's
/// dispatcher takes a phone call — Ctrl+N, the phone, the grid found by its code, the content (as
/// an input method commits Chinese) — sees the hotline ticket it repeats listed while typing, is
/// told which field is missing when saving too early, saves with Enter, finds the new ticket selected
/// in the queue and dispatches it with Ctrl+Enter. The store shows a desk ticket of the town centre
/// with the dispatcher in its trail.
/// A second call about the same thing is entered and merged into the ticket it repeats (并入此件): the
/// call is recorded, merged by the lifecycle, and the desk shows the ticket it repeats.
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskEntryEndToEndTest {
    private static final String GRID = "XSG-001-02";

    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;
    private static Database db;
    private static DeskWindow window;
    private static HotlineOrders hotline;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGatewaySignedOut(dataDir);
        desk.signInAndSettle("town-dispatcher");
        window = desk.window();
        db = desk.store();
        hotline = HotlineOrders.keyed(db, desk.gatewayPort(), "E2E-ENTRY");
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    @Order(1)
    void aPhoneCallEnteredAtTheDeskShowsItsDuplicateAndIsDispatchedAtOnce() throws Exception {
        Session session = window.door().sessions().current();
        String earlier = hotline.post(robot.lookup("#deskMap").queryAs(MapView.class).modelProperty().get().region(GRID).orElseThrow(),
                "丰泽道与津沽路交口井盖缺失，夜间有行人跌倒风险");
        QueueRows.waitFor(robot, earlier);

        // the menu shows the accelerator; Ctrl+N opens the form with the phone field focused
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem entryItem = bar.getMenus().stream().filter(m -> "工单".equals(m.getText())).findFirst().orElseThrow().getItems().getFirst();
        assertThat(entryItem.getText()).isEqualTo("席位录入…");
        assertThat(entryItem.getAccelerator().getDisplayText()).isIn("Ctrl+N", "⌘N");
        assertThat(entryItem.isDisable()).as("a town dispatcher may enter tickets").isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryCallerPhone").tryQuery()
                .map(Node::isFocused).orElse(false));

        // (the robot writes text into the window it last clicked: the form's, once it is clicked)
        // an empty form saved: the phone and the content are missing, the phone (first) takes the focus, and
        // typing the number keeps it there while the phone's error goes
        robot.clickOn("#entryCallerPhone").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#entryContentError").queryAs(Label.class).isVisible());
        robot.write("138 0013 8000");
        assertThat(robot.lookup("#entryCallerPhone").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("138 0013 8000");
        assertThat(robot.lookup("#entryContent").queryAs(TextArea.class).getText()).isEmpty();
        robot.type(KeyCode.TAB); // to the place
        assertThat(robot.lookup("#placeQuery").query().isFocused()).isTrue();
        robot.write("xsg-001-02");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#placeHits").queryAs(ListView.class).getItems().isEmpty());
        robot.type(KeyCode.ENTER); // the first hit
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#entryLanding").queryAs(Label.class).getText().contains(GRID));

        // saving now: the content is missing, and the form says so by the field; nothing is written
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#entryContentError").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#entryContentError").queryAs(Label.class).getText()).contains("请写清诉求内容");
        assertThat(deskTickets()).isEmpty();
        assertThat(robot.lookup("#entryContent").query().isFocused()).as("the field in error takes the focus").isTrue();

        // the content, as an input method commits Chinese text (the headless robot types ASCII key by key)
        TextArea content = robot.lookup("#entryContent").queryAs(TextArea.class);
        WaitForAsyncUtils.asyncFx(() -> content.replaceText(0, content.getLength(), "丰泽道与津沽路交口井盖缺失，夜间有人跌倒")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> candidates().stream().anyMatch(c -> c.code().equals(earlier)));
        assertThat(robot.lookup("#entrySuggestion").queryAs(Label.class).getText()).contains("井盖缺失");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#candidateOpen-" + earlier).tryQuery().isPresent());
        assertThat(robot.lookup("#entryContentError").queryAs(Label.class).isVisible()).as("the error goes as the field is fixed").isFalse();

        robot.type(KeyCode.ENTER); // Enter in the content saves
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> deskTickets().size() == 1);
        Ticket entered = deskTickets().getFirst();
        assertThat(entered.state()).isEqualTo(TicketState.REPORTED);
        assertThat(entered.ownerUnitId()).isEqualTo(session.unitId());
        assertThat(entered.intake().gridCode()).isEqualTo(GRID);
        assertThat(entered.intake().externalId()).startsWith("电话-");
        assertThat(entered.intake().caller().phone()).isEqualTo("13800138000");
        assertThat(new TicketRepository(db.dsl()).trail(entered.id())).singleElement()
                .satisfies(e -> assertThat(e.actorId()).as("the person who took the call").isEqualTo(session.accountId()));
        IntakeDetail detail = new IntakeRepository(db.dsl()).detail(entered.id()).orElseThrow();
        assertThat(detail.itemHint()).isEqualTo("06-03-002");

        // the form closed; the new ticket is shown and selected in the queue
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deskEntry").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#noticeText").tryQuery()
                .map(n -> ((Label) n).getText().contains("已录入 " + entered.code())).orElse(false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#detailCode").tryQuery()
                .map(n -> ((Label) n).getText().contains(entered.code())).orElse(false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            QueueItem selected = QueueRows.list(robot).getSelectionModel().getSelectedItem();
            return selected != null && selected.code().equals(entered.code());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#action-ACCEPT_AND_DISPATCH").queryAll().stream()
                .anyMatch(n -> n.getScene() != null && n.isVisible() && ((Button) n).getText().startsWith("受理并派至")));

        // the first action, from the keyboard
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ticket(entered.code()).state() == TicketState.DISPATCHED);
        Ticket dispatched = ticket(entered.code());
        assertThat(dispatched.deadline().itemCode()).isEqualTo("06-03-002");
        assertThat(dispatched.assignedTeamId()).startsWith(session.unitId() + "-");
        assertThat(new TicketRepository(db.dsl()).trail(entered.id())).extracting(e -> e.actorId())
                .containsOnly(session.accountId());
    }

    @Test
    @Order(3)
    void aSecondCallAboutTheSameThingIsMergedIntoTheTicketItRepeats() throws Exception {
        String earlier = hotline.post(robot.lookup("#deskMap").queryAs(MapView.class).modelProperty().get().region(GRID).orElseThrow(),
                "津沽路与丰泽道交口路灯不亮已经三天，晚上很黑");
        QueueRows.waitFor(robot, earlier);
        List<String> before = deskTickets().stream().map(Ticket::code).toList();
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryCallerPhone").tryQuery()
                .map(Node::isFocused).orElse(false));
        robot.clickOn("#entryCallerPhone").write("13700001111").type(KeyCode.TAB).write("xsg-001-02");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#placeHits").queryAs(ListView.class).getItems().isEmpty());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#entryLanding").queryAs(Label.class).getText().contains(GRID));
        TextArea content = robot.lookup("#entryContent").queryAs(TextArea.class);
        WaitForAsyncUtils.asyncFx(() -> content.replaceText(0, content.getLength(), "津沽路丰泽道交口路灯不亮，晚上很黑，又一位来电")).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#candidateMerge-" + earlier).tryQuery()
                .map(n -> n.getScene() != null && n.isVisible()).orElse(false));
        assertThat(robot.lookup("#candidateMerge-" + earlier).queryButton().getText()).isEqualTo("并入此件");
        org.griddesk.testsupport.ScenePng.save(robot.lookup("#candidateMerge-" + earlier).query().getScene(), "desk-entry-merge");

        robot.clickOn("#candidateMerge-" + earlier);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> deskTickets().size() == before.size() + 1
                && deskTickets().stream().anyMatch(t -> t.state() == TicketState.MERGED && !before.contains(t.code())));
        Ticket merged = deskTickets().stream().filter(t -> !before.contains(t.code())).findFirst().orElseThrow();
        assertThat(merged.intake().caller().phone()).as("the caller's request is recorded").isEqualTo("13700001111");
        assertThat(new TicketRepository(db.dsl()).trail(merged.id()).getLast().event())
                .isEqualTo(new org.griddesk.domain.ticket.TicketEvent.Merged(ticket(earlier).id(), earlier));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deskEntry").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#detailCode").tryQuery()
                .map(n -> ((Label) n).getText().contains(earlier)).orElse(false)).get());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#noticeText").tryQuery()
                .map(n -> ((Label) n).getText().contains("并入 " + earlier)).orElse(false)).get());
    }

    @SuppressWarnings("unchecked")
    private static List<Candidate> candidates() {
        return robot.lookup("#entryCandidates").tryQuery().map(n -> List.copyOf(((ListView<Candidate>) n).getItems())).orElse(List.of());
    }

    private static List<Ticket> deskTickets() {
        TicketRepository tickets = new TicketRepository(db.dsl());
        return db.dsl().fetch("SELECT code FROM ticket WHERE channel = ?", Channel.DESK.name()).getValues(0, String.class).stream()
                .map(code -> tickets.findByCode(code).orElseThrow()).toList();
    }

    private static Ticket ticket(String code) {
        return new TicketRepository(db.dsl()).findByCode(code).orElseThrow();
    }

    @Test
    @Order(2)
    void aFormLeftOpenWhenTheDeskLocksWaitsForItsPersonBehindTheLock() throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isPresent());
        robot.clickOn("#entryContent").write("路灯不亮，来电人还在线上");

        WaitForAsyncUtils.asyncFx(() -> desk.window().door().idleLock().lockNow()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#unlockPassword").tryQuery().isPresent());
        robot.clickOn("#unlockPassword").write("Demo@2026");
        robot.clickOn("#unlockButton");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isPresent());
        assertThat(robot.lookup("#entryContent").queryAs(TextArea.class).getText()).as("what was typed, as it was")
                .isEqualTo("路灯不亮，来电人还在线上");
        javafx.scene.Node content = robot.lookup("#entryContent").query();
        // shown again: laid out on screen before it is clicked. The bounds are read on the FX thread: reading them
        // here while the form is laid out there races JavaFX's text layout and breaks it for every later test.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
            javafx.geometry.Bounds on = content.localToScreen(content.getBoundsInLocal());
            return on != null && !Double.isNaN(on.getMinX());
        }).get(5, TimeUnit.SECONDS));
        robot.clickOn("#entryContent").type(KeyCode.ESCAPE); // cancelled: the next form is a new one
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isEmpty());
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isPresent());
        assertThat(robot.lookup("#entryContent").queryAs(TextArea.class).getText()).isEmpty();
        robot.clickOn("#entryContent").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#entryContent").tryQuery().isEmpty());
    }
}
