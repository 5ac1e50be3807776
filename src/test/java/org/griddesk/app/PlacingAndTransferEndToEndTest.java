package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// 定位 and 移交 on the real desk with the demo district (headless): the district dispatcher places
/// a hotline order nobody could locate with the place form's grid search; the town it landed in hands
/// it to 葛沽镇 with one command-bar line; 葛沽镇 sees it in its queue marked as handed over and refuses
/// it with a reason (back to the sender, the reason on the ticket), then, handed again, accepts it,
/// both from the command bar.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PlacingAndTransferEndToEndTest {
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
        hotline = HotlineOrders.keyed(db, desk.gatewayPort(), "E2E-T");
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    void anUnplacedTicketIsPlacedThenHandedOverRefusedAndAccepted() throws Exception {
        sitAs(Role.DISPATCHER, "JN");
        String code = hotline.postUnplaced("路灯不亮，来电人说不清位置");
        QueueRows.waitFor(robot, code);
        assertThat(ticket(code).intake().gridCode()).isNull();
        assertThat(ticket(code).ownerUnitId()).isEqualTo("JN");

        // 定位: the first action of a ticket nobody could place; the form's search finds the grid by its code
        QueueRows.click(robot, code);
        Button place = button("#action-PLACE");
        assertThat(place.getText()).isEqualTo("定位");
        robot.clickOn(place);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#formGridSearch").tryQuery().isPresent());
        robot.clickOn("#formGridSearch").write(GRID);
        confirm(() -> GRID.equals(ticket(code).intake().gridCode()));
        assertThat(ticket(code).ownerUnitId()).as("placed in 咸水沽镇: its centre has it now").isEqualTo("XSG");

        // 移交 by the command bar, without the mouse
        sitAs(Role.DISPATCHER, "XSG");
        commandLine("transfer " + code + " gegu not in our town");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ticket(code).pendingTransfer().isPresent());
        assertThat(ticket(code).pendingTransfer().get().toUnitId()).isEqualTo("GG");
        assertThat(ticket(code).pendingTransfer().get().reason()).isEqualTo("not in our town");
        assertThat(ticket(code).ownerUnitId()).isEqualTo("XSG");

        // 葛沽镇 sees it in its queue, marked as handed to it, and refuses it with a reason (by keyboard)
        sitAs(Role.DISPATCHER, "GG");
        QueueRows.waitFor(robot, code);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row(code) != null && row(code).work().handedTo("GG"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".queue-badges").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().contains("移交 咸水沽镇→葛沽镇 待接收")));
        commandLine("refuse " + code + " the road is kept by XSG");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ticket(code).transfer() != null && !ticket(code).transfer().isPending());
        Ticket refused = ticket(code);
        assertThat(refused.ownerUnitId()).isEqualTo("XSG");
        assertThat(refused.transfer().refusal()).isEqualTo("the road is kept by XSG");

        // handed again, it is accepted: 葛沽镇 owns it
        sitAs(Role.DISPATCHER, "XSG");
        commandLine("transfer " + code + " gegu checked again");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ticket(code).pendingTransfer().isPresent());
        sitAs(Role.DISPATCHER, "GG");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> row(code) != null && row(code).work().handedTo("GG"));
        commandLine("take " + code);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ticket(code).ownerUnitId().equals("GG"));
        assertThat(new TicketRepository(db.dsl()).trail(ticket(code).id())).extracting(e -> e.event().getClass().getSimpleName())
                .containsSubsequence("Placed", "TransferRequested", "TransferRefused", "TransferRequested", "TransferAccepted");
    }

    private static void sitAs(Role role, String centre) {
        var unit = new DistrictRepository(db.dsl()).organisation().unit(centre).orElseThrow();
        // another person sits down: nothing of the last one's stays picked (a click on the same row picks it anew)
        robot.interact(() -> {
            QueueRows.list(robot).getSelectionModel().clearSelection();
            window.userProperty().set(new DeskUser(role, unit));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void commandLine(String line) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.K).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#commandLine").tryQuery().isPresent());
        robot.write(line).type(KeyCode.ENTER);
    }

    /// Confirms the open action form once the rules let it, and waits for its effect.
    private static void confirm(Callable<Boolean> done) throws Exception {
        Button ok = robot.lookup("#actionForm .button").queryAllAs(Button.class).stream().filter(Button::isDefaultButton)
                .findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !ok.isDisabled());
        robot.clickOn(ok);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, done);
    }

    private static Button button(String id) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Button[] found = new Button[1];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> (found[0] = robot.lookup(id).queryAll().stream()
                .filter(n -> n.getScene() != null && n.isVisible()).map(n -> (Button) n).findFirst().orElse(null)) != null);
        return found[0];
    }

    private static QueueItem row(String code) throws Exception {
        return QueueRows.rows(robot).stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
    }

    private static Ticket ticket(String code) {
        return new TicketRepository(db.dsl()).findByCode(code).orElseThrow();
    }
}
