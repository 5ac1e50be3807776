package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
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

/// The real desk (headless, Chinese, the demo store): while the town supervisor sits at the desk, a
/// district department summoned a day ago checks in — late — from another desk; the supervisor's
/// board shows it as a late check-in (the store's change reached the board through the feed), next
/// to a whistle still counting down, and a click opens the late ticket in the detail pane.
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WhistleTimersEndToEndTest {
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
    void aLateWhistleCheckInAppearsOnTheSupervisorsBoard() throws Exception {
        Session supervisor = desk.window().door().sessions().current();
        DistrictRepository district = new DistrictRepository(db.dsl());
        Organisation organisation = district.organisation();
        Unit centre = organisation.unit(supervisor.unitId()).orElseThrow();
        assertThat(centre.level()).isEqualTo(UnitLevel.STREET);
        Unit department = organisation.units().stream().filter(u -> u.isTeam() && u.level() == UnitLevel.DISTRICT).findFirst()
                .orElseThrow();
        String item = district.taxonomy().items().getFirst().code();
        Actor dispatcher = new Actor("u-e2e-dispatcher", "测试调度员", Role.DISPATCHER, centre);

        Ticket lateOne = whistled(Clock.fixed(Instant.now().minus(Duration.ofDays(7)), ZoneOffset.UTC), organisation, centre,
                dispatcher, department, item, "8890-TIMERS-1");
        Ticket countingDown = whistled(Clock.systemUTC(), organisation, centre, dispatcher, department, item, "8890-TIMERS-2");
        String openRow = "#supervisor-whistle-" + countingDown.code() + "-" + department.id();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(openRow).tryQuery().isPresent());
        assertThat(clockOf(openRow)).startsWith("报到剩 ");

        // the department's liaison checks in now, a week after it was summoned
        Actor liaison = new Actor("u-e2e-liaison", "部门联络员", Role.HANDLER, department);
        new TicketService(db.dsl(), lifecycle(organisation), Clock.systemUTC()).execute(lateOne, new TicketCommand.CheckIn(), liaison);

        String lateRow = "#supervisor-whistle-" + lateOne.code() + "-" + department.id();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(lateRow).tryQuery()
                .map(n -> textOf((HBox) n).startsWith("迟到报到 ")).orElse(false));
        assertThat(clockOf(lateRow)).as("a week late reads in days").matches("迟到报到 \\d+天 \\d+:\\d\\d:\\d\\d");
        assertThat(robot.lookup(lateRow + " .timer-countdown").query().getPseudoClassStates().toString()).contains("late");

        // the countdown ticks on the desk's clock, without waiting for another change
        String before = clockOf(openRow);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !clockOf(openRow).equals(before));

        robot.clickOn(lateRow);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#detailCode").tryQuery()
                .map(n -> ((Label) n).getText().contains(lateOne.code())).orElse(false));
    }

    private static String clockOf(String rowId) {
        return textOf(robot.lookup(rowId).queryAs(HBox.class));
    }

    private static String textOf(HBox row) {
        return ((Label) row.getChildren().getLast()).getText();
    }

    private static TicketLifecycle lifecycle(Organisation organisation) {
        return new TicketLifecycle(WorkCalendar.builtIn(), organisation, LifecycleRules.DEFAULT);
    }

    private static Ticket whistled(Clock at, Organisation organisation, Unit centre, Actor dispatcher, Unit department, String item,
                                   String externalId) {
        TicketService service = new TicketService(db.dsl(), lifecycle(organisation), at);
        Actor hotline = new Actor("CH-HOTLINE_8890", "8890热线", Role.CHANNEL, centre);
        Ticket t = service.report(new Intake(Channel.HOTLINE_8890, externalId, "河道边护栏倒伏，需区水务部门协同处置", null,
                at.instant()), centre.id(), hotline).after();
        t = service.execute(t, new TicketCommand.Accept(item, DeadlinePolicy.general(), false), dispatcher).after();
        t = service.execute(t, new TicketCommand.ContactCitizen("已电话联系"), dispatcher).after();
        return service.execute(t, new TicketCommand.Whistle(List.of(department.id())), dispatcher).after();
    }
}
