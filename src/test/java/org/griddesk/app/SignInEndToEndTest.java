package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.griddesk.desk.DeskWindow;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.signin.IdleLock;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.map.MapView;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
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

/// Accounts at the real desk (headless, Chinese, the demo store): nothing shows before sign-in; a
/// wrong password is refused in words; a demo dispatcher signs in from the "sign in as" list and
/// dispatches a hotline ticket (the trail records their account); left idle (a short idle time set
/// with `-Dgriddesk.idleLock`) the desk locks and queue and detail leave the scene; the password
/// unlocks it; after signing out another person signs in and sees their own desk, nothing of the
/// previous one's.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignInEndToEndTest {
    private static final String GRID = "XSG-001-02";
    private static final String PASSWORD = "Demo@2026";

    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;
    private static DeskWindow window;
    private static Database db;
    private static HotlineOrders hotline;
    private static String dispatched;

    @BeforeAll
    static void startDesk() throws Exception {
        System.setProperty(IdleLock.OVERRIDE, "PT12S");
        desk = RunningDesk.startWithGatewaySignedOut(dataDir);
        window = desk.window();
        db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE);
    }

    @AfterAll
    static void stopDesk() throws Exception {
        System.clearProperty(IdleLock.OVERRIDE);
        if (db != null) {
            db.close();
        }
        desk.stop();
    }

    @Test
    @Order(1)
    void beforeSignInTheDeskShowsNoDataAndTheDialogOffersTheDemoAccounts() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup("#demo-town-dispatcher").tryQuery().isPresent());
        assertThat(robot.lookup("#queueRegion").tryQuery()).as("no queue in the scene").isEmpty();
        assertThat(robot.lookup("#detailRegion").tryQuery()).isEmpty();
        assertThat(robot.lookup("#signedOutPane").tryQuery()).isPresent();
        Label marker = robot.lookup("#demoStoreLabel").queryAs(Label.class);
        assertThat(marker.isVisible()).isTrue();
        assertThat(marker.getText()).isEqualTo("演示库");
        assertThat(text("#identityLabel")).isEqualTo("未登录");
    }

    @Test
    @Order(2)
    void aWrongPasswordIsRefusedInWords() throws Exception {
        robot.clickOn("#signInUsername").write("town-dispatcher");
        robot.clickOn("#signInPassword").write("wrong-password");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "用户名或密码错误。".equals(text("#signInMessage")));
        assertThat(session()).isNull();
        // the refusal is written first, the password field cleared in the same answer: read both on the FX thread
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> robot.lookup("#signInPassword").queryAs(javafx.scene.control.PasswordField.class).getText().isEmpty()).get());
    }

    @Test
    @Order(3)
    void aDispatcherSignsInFromTheDemoListAndDispatchesATicketUnderTheirAccount() throws Exception {
        robot.clickOn("#demo-town-dispatcher");
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session() != null && robot.lookup("#queueRegion").tryQuery().isPresent());
        Session signedIn = session();
        assertThat(signedIn.username()).isEqualTo("town-dispatcher");
        assertThat(text("#identityLabel")).isEqualTo("咸水沽镇调度员（演示） · 调度员 · 咸水沽镇网格化管理中心");
        assertThat(window.userProperty().get().actor().id()).isEqualTo(signedIn.accountId());

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map().modelProperty().get() != null);
        hotline = HotlineOrders.keyed(db, desk.gatewayPort(), "E2E-S");
        dispatched = hotline.post(map().modelProperty().get().region(GRID).orElseThrow(), "津沽路与丰泽道交口路灯不亮");
        clickRow(dispatched);
        robot.clickOn(visible("#action-ACCEPT_AND_DISPATCH"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ticket(dispatched).state() == TicketState.DISPATCHED);
        assertThat(new TicketRepository(db.dsl()).trail(ticket(dispatched).id()).getLast().actorId())
                .as("the trail names the account, not a demo identity").isEqualTo(signedIn.accountId());
    }

    @Test
    @Order(4)
    void leftIdleTheDeskLocksHidingQueueAndDetailAndThePasswordUnlocksIt() throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> robot.lookup("#lockScreen").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents(); // the lock's scene changes settle before the robot looks
        for (String content : List.of("#queueRegion", "#queueList", "#detailRegion", "#detailCode", "#deskMap")) {
            assertThat(robot.lookup(content).tryQuery()).as(content + " is not in the scene while locked").isEmpty();
        }
        robot.clickOn("#unlockPassword").write("not-mine");
        robot.clickOn("#unlockButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "密码不正确。".equals(text("#unlockMessage")));
        assertThat(robot.lookup("#queueRegion").tryQuery()).isEmpty();

        robot.clickOn("#unlockPassword").write(PASSWORD);
        robot.clickOn("#unlockButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#queueRegion").tryQuery().isPresent());
        assertThat(session().username()).as("the same person goes on").isEqualTo("town-dispatcher");
        // from here on, no lock in the middle of the next steps
        robot.interact(() -> window.door().idleLock().useIdleTime(Duration.ofMinutes(15)));
    }

    @Test
    @Order(5)
    void afterSignOutAnotherPersonSeesTheirOwnDeskAndNothingOfThePrevious() throws Exception {
        robot.clickOn("身份");
        robot.clickOn("注销");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session() == null && robot.lookup("#signInButton").tryQuery().isPresent());
        assertThat(robot.lookup("#queueRegion").tryQuery()).isEmpty();
        assertThat(window.queue().all()).as("the previous person's queue is gone").isEmpty();
        assertThat(map().selectedTicketProperty().get()).isEqualTo(MapView.NO_TICKET);
        assertThat(window.userProperty().get()).isNull();

        robot.clickOn("#signInUsername").write("town-handler");
        robot.clickOn("#signInPassword").write(PASSWORD);
        robot.clickOn("#signInButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session() != null && robot.lookup("#queueRegion").tryQuery().isPresent());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.queue().loadedProperty().get());
        assertThat(window.userProperty().get().role()).isEqualTo(Role.HANDLER);
        assertThat(window.userProperty().get().actor().id()).isEqualTo(session().accountId());
        assertThat(text("#identityLabel")).startsWith(session().displayName()).contains("处置人员");
        assertThat(robot.lookup("#detailCode").tryQuery()).as("no ticket of the previous person shows").isEmpty();
        assertThat(map().selectedTicketProperty().get()).isEqualTo(MapView.NO_TICKET);
        String team = window.userProperty().get().unit().id();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shownRows().stream().anyMatch(i -> i.code().equals(dispatched)));
        assertThat(shownRows()).as("the team's own tickets only").allSatisfy(i -> assertThat(
                team.equals(i.work().assignedTeamId()) || i.work().summonedTeams().contains(team)).isTrue());
    }

    // ---- helpers

    private static Session session() {
        return window.door().sessions().current();
    }

    private static String text(String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static MapView map() {
        return window.map();
    }

    private static Ticket ticket(String code) {
        return new TicketRepository(db.dsl()).findByCode(code).orElseThrow();
    }

    private static List<QueueItem> shownRows() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> List.copyOf(window.queue().shown())).get(5, TimeUnit.SECONDS);
    }

    private static Node visible(String id) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(id).queryAll().stream().anyMatch(Node::isVisible));
        return robot.lookup(id).queryAll().stream().filter(Node::isVisible).findFirst().orElseThrow();
    }

    private static void clickRow(String code) throws Exception {
        QueueRows.click(robot, code);
    }
}
