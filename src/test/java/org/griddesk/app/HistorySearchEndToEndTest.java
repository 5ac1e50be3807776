package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The real desk (headless, Chinese): a caller rings about last month's request; the town
/// supervisor opens 历史工单查询 with Ctrl+Shift+F, types the caller's phone as they say it, finds
/// the closed ticket, sees the caller's other request in the caller panel, and reopens the closed
/// one with a reason — all from the keyboard.
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HistorySearchEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;
    private static Database db;
    private static boolean ticketMenuBeforeSignIn;
    private static boolean ticketMenuSignedIn;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGatewaySignedOut(dataDir);
        ticketMenuBeforeSignIn = ticketMenuShown();
        desk.signIn("town-supervisor");
        ticketMenuSignedIn = ticketMenuShown();
        db = desk.store();
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    void theTicketMenuShowsOnlyToSomeoneSignedIn() {
        assertThat(ticketMenuBeforeSignIn).as("工单 before sign-in").isFalse();
        assertThat(ticketMenuSignedIn).as("工单 signed in").isTrue();
    }

    private static boolean ticketMenuShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "ticketMenu".equals(m.getId())).findFirst().orElseThrow().isVisible()).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theSupervisorFindsAClosedTicketByTheCallersPhoneAndReopensIt() throws Exception {
        Session supervisor = desk.window().door().sessions().current();
        Ticket closed = closedTicketOf(supervisor.unitId());
        Ticket later = laterRequestOf(supervisor.unitId());

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#historyPhone").tryQuery().isPresent());
        robot.clickOn("#historyPhone").write("139 1111 2222").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> listed().stream().anyMatch(r -> r.code().equals(closed.code())));
        assertThat(listed()).extracting(QueueItem::code).containsExactly(later.code(), closed.code());
        // down the list from the keyboard: the closed one is the second
        robot.clickOn("#historyPhone").type(KeyCode.TAB);
        focusList();
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#historyDetail #detailCode").tryQuery()
                .map(n -> ((Label) n).getText().equals(closed.code())).orElse(false));

        // the caller panel names the same phone's later request, as a link
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#callerSamePhone").tryQuery().isPresent());
        VBox samePhone = robot.lookup("#callerSamePhone").queryAs(VBox.class);
        assertThat(samePhone.getChildren()).anyMatch(n -> n instanceof Hyperlink h && h.getText().startsWith(later.code()));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#historyReopen").tryQuery().isPresent());
        robot.clickOn("#historyReopenReason").write("群众来电反映问题复发").type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tickets().get(closed.id()).state() != TicketState.CLOSED);
        Ticket reopened = tickets().get(closed.id());
        assertThat(reopened.round()).isEqualTo(2);
        assertThat(reopened.tally().reopened()).isEqualTo(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#historyReopenMessage").tryQuery()
                .map(n -> ((Label) n).getText().contains("已重新办理")).orElse(false));

        // the desk locks (idle, or Ctrl+L): the window that shows tickets closes with it
        WaitForAsyncUtils.asyncFx(() -> desk.window().door().idleLock().lockNow()).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#historyPhone").tryQuery().isEmpty());
    }

    private static void focusList() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#historyList").query().requestFocus()).get(5, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<QueueItem> listed() {
        return robot.lookup("#historyList").tryQuery().map(n -> java.util.List.copyOf(((ListView<QueueItem>) n).getItems()))
                .orElse(java.util.List.of());
    }

    private static TicketRepository tickets() {
        return new TicketRepository(db.dsl());
    }

    private static TicketService service(Organisation organisation) {
        return new TicketService(db.dsl(), new TicketLifecycle(WorkCalendar.builtIn(), organisation, LifecycleRules.DEFAULT),
                Clock.systemUTC());
    }

    /// A hotline request of last month from 139 1111 2222, answered, called back and closed.
    private static Ticket closedTicketOf(String centreId) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        Organisation organisation = district.organisation();
        Unit centre = organisation.unit(centreId).orElseThrow();
        String item = district.taxonomy().items().getFirst().code();
        TicketService service = service(organisation);
        Actor hotline = new Actor("CH-HOTLINE_8890", "8890热线", Role.CHANNEL, centre);
        Actor dispatcher = new Actor("u-e2e-dispatcher", "测试调度员", Role.DISPATCHER, centre);
        Ticket t = service.report(new Intake(Channel.HOTLINE_8890, "8890-HISTORY-1", "小区门口下水道堵塞，污水漫到路面", null,
                Instant.now().minus(Duration.ofDays(30)), new Caller("赵文静", "13911112222"), new Place("咸水沽镇幸福里3号", null, null)),
                centreId, hotline).after();
        t = service.execute(t, new TicketCommand.Accept(item, DeadlinePolicy.general(), true), dispatcher).after();
        t = service.execute(t, new TicketCommand.Answer("已联系排水公司疏通"), dispatcher).after();
        t = service.execute(t, new TicketCommand.CallBack(CallbackResult.SATISFIED, "满意"), dispatcher).after();
        return service.execute(t, new TicketCommand.Close(null), dispatcher).after();
    }

    private static Ticket laterRequestOf(String centreId) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        Organisation organisation = district.organisation();
        Unit centre = organisation.unit(centreId).orElseThrow();
        Actor hotline = new Actor("CH-HOTLINE_8890", "8890热线", Role.CHANNEL, centre);
        return service(organisation).report(new Intake(Channel.HOTLINE_8890, "8890-HISTORY-2", "下水道又堵了，污水返到路面",
                null, Instant.now().minus(Duration.ofDays(1)), new Caller("赵文静", "13911112222"),
                new Place("咸水沽镇幸福里3号", null, null)), centreId, hotline).after();
    }

    static boolean isShown(Node n) {
        return n != null && n.isVisible();
    }
}
