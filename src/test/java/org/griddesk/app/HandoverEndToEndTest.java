package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The real desk (headless, Chinese, the demo store): the town supervisor opens 督查考核 → 交接班 and
/// sees a ticket of their centre, accepted three weeks ago and still in hand, listed as overdue; a
/// double-click opens it in the desk's detail pane.
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HandoverEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;
    private static Database db;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGatewaySignedOut(dataDir);
        desk.signIn("town-supervisor");
        db = desk.store();
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    @Test
    void theTownSupervisorSeesTheirOverdueTicketInTheHandOverAndOpensIt() throws Exception {
        Session supervisor = desk.window().door().sessions().current();
        Ticket overdue = overdueTicketOf(supervisor.unitId());

        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        WaitForAsyncUtils.asyncFx(() -> {
            Menu supervise = bar.getMenus().stream().filter(m -> "督查考核".equals(m.getText())).findFirst().orElseThrow();
            assertThat(supervise.isVisible()).isTrue();
            MenuItem handOver = supervise.getItems().stream().filter(i -> "交接班".equals(i.getText())).findFirst().orElseThrow();
            handOver.fire();
        }).get(5, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#handover-OVERDUE").tryQuery()
                .map(n -> ((ListView<?>) n).getItems().stream().anyMatch(t -> ((QueueItem) t).code().equals(overdue.code())))
                .orElse(false));
        @SuppressWarnings("unchecked")
        ListView<QueueItem> list = robot.lookup("#handover-OVERDUE").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(QueueItem::code).contains(overdue.code());
        assertThat(robot.lookup("#handover-DUE_NEXT_SHIFT").queryAs(ListView.class).getItems())
                .as("an overdue ticket is not due within the next shift").noneMatch(t -> ((QueueItem) t).code().equals(overdue.code()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#ticketLine-" + overdue.code()).tryQuery().isPresent());
        robot.doubleClickOn("#ticketLine-" + overdue.code());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detailCode").tryQuery()
                .map(n -> ((Label) n).getText().contains(overdue.code())).orElse(false));
    }

    /// A hotline request to the supervisor's centre, accepted 20 days ago and dispatched: long past due.
    private static Ticket overdueTicketOf(String centreId) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        Organisation organisation = district.organisation();
        Unit centre = organisation.unit(centreId).orElseThrow();
        Unit team = organisation.units().stream().filter(u -> u.isTeam() && centreId.equals(u.parentId())).findFirst().orElseThrow();
        String item = district.taxonomy().items().getFirst().code();
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(20)), ZoneOffset.UTC);
        TicketService service = new TicketService(db.dsl(), new TicketLifecycle(WorkCalendar.builtIn(), organisation,
                LifecycleRules.DEFAULT), past);
        Actor hotline = new Actor("CH-HOTLINE_8890", "8890热线", Role.CHANNEL, centre);
        Actor dispatcher = new Actor("u-e2e-dispatcher", "测试调度员", Role.DISPATCHER, centre);
        Ticket t = service.report(new Intake(Channel.HOTLINE_8890, "8890-HANDOVER-1", "小区门口路灯不亮，晚上出行不便", null,
                past.instant()), centreId, hotline).after();
        t = service.execute(t, new TicketCommand.Accept(item, DeadlinePolicy.general(), false), dispatcher).after();
        return service.execute(t, new TicketCommand.Dispatch(team.id()), dispatcher).after();
    }
}
