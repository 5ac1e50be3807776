package org.griddesk.supervise.consult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.supervise.Consultation;
import org.griddesk.store.supervise.HardCase;
import org.griddesk.store.supervise.HardCaseRules;
import org.griddesk.store.supervise.SupervisionRefused;
import org.griddesk.store.supervise.SupervisionServices;
import org.griddesk.store.supervise.TicketLine;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.supervise.TownTickets;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.HandClock;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// 会商研判 on a real store (the demo district, H2) with two hard cases made here: a ticket in hand
/// long past its due time and an escalated one. The district centre's supervisor picks the overdue
/// case, types the record and presses 记录会商结果: the consultation is stored with what was typed and
/// the ticket's trail gets `Consulted`; a blank or over-long record says why and stores nothing; a
/// dispatcher may not open the screen and the service refuses them.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsultationScreenTest {
    /// Friday 2026-11-27 10:00 in Tianjin
    private static final Instant NOW = shanghai("2026-11-27T10:00");

    private final FxRobot robot = new FxRobot();
    private final HandClock clock = new HandClock(NOW.minus(Duration.ofDays(20)), Duration.ofSeconds(1));

    @TempDir
    Path temp;

    @AfterAll
    static void closeWindows() throws Exception {
        FxToolkitSupport.closeWindows();
    }

    @Test
    void theDistrictSupervisorRecordsAConsultationOnACaseAndBadInputStoresNothing() throws Exception {
        FxToolkitSupport.start();
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp));
             var executor = new FxTaskExecutor(1)) {
            Database db = centre.admin();
            TownTickets make = new TownTickets(db, clock);
            // 20 days ago: accepted and in hand, now long overdue
            Ticket overdue = make.inProgress();
            clock.advance(Duration.ofDays(15));
            // 5 days ago: accepted, then escalated by the town's supervisor
            Ticket escalated = make.then(make.accepted(), new TicketCommand.Escalate("跨镇街问题"), make.supervisor("u-ui-xsg-09", "李值班长"));
            clock.advance(Duration.between(clock.now(), NOW));
            SupervisionServices services = SupervisionServices.open(db, ShiftSchedule.defaultSchedule(), clock);
            TicketHistory history = make.history();
            List<Long> opened = new CopyOnWriteArrayList<>();
            ConsultationScreen screen = new ConsultationScreen(() -> services, () -> history, executor, opened::add);
            Session supervisor = TownTickets.session(make.ofDistrict("u-ui-jn-09", "区值班长", Role.SUPERVISOR));
            assertThat(screen.allowedFor(supervisor)).isTrue();

            Stage stage = (Stage) WaitForAsyncUtils.asyncFx(() -> screen.open(null, supervisor, Language.ZH_CN)).get(10, TimeUnit.SECONDS);
            @SuppressWarnings("unchecked")
            ListView<HardCase> cases = (ListView<HardCase>) stage.getScene().lookup("#consultCases");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cases.getItems().size() == 2);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cases.getItems()).extracting(HardCase::reason)
                    .containsExactly(HardCase.Reason.LONG_OVERDUE, HardCase.Reason.ESCALATED);
            assertThat(cases.getItems()).extracting(c -> c.tickets().stream().map(TicketLine::id).toList())
                    .containsExactly(List.of(overdue.id()), List.of(escalated.id()));
            assertThat(text("#consultCount", stage)).isEqualTo("共 2 个案件");

            // pick the overdue case: its ticket is shown with the queue's row
            Node overdueCell = stage.getScene().lookup("#consultCase-LONG_OVERDUE-0");
            assertThat(overdueCell).isNotNull();
            assertThat(((javafx.scene.control.Labeled) overdueCell).getText()).startsWith("超期未办结（1 件）" + overdue.code());
            robot.clickOn(overdueCell);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(cases.getSelectionModel().getSelectedItems()).extracting(HardCase::reason)
                    .containsExactly(HardCase.Reason.LONG_OVERDUE);
            @SuppressWarnings("unchecked")
            ListView<QueueItem> tickets = (ListView<QueueItem>) stage.getScene().lookup("#consultTickets");
            assertThat(tickets.getItems()).extracting(QueueItem::code).containsExactly(overdue.code());

            // the record, typed in the form
            robot.clickOn("#consultUnits").write("区城管委、咸水沽镇");
            robot.clickOn("#consultFindings").write("路灯长期不亮，产权不清");
            robot.clickOn("#consultDecision").write("由咸水沽镇牵头，一周内修复");
            @SuppressWarnings("unchecked")
            ComboBox<Unit> followUp = (ComboBox<Unit>) stage.getScene().lookup("#consultFollowUp");
            WaitForAsyncUtils.asyncFx(() -> followUp.getSelectionModel().select(make.town())).get();
            assertThat(((TextField) stage.getScene().lookup("#consultUnits")).getText()).isEqualTo("区城管委、咸水沽镇");
            robot.clickOn("#consultRecord");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#consultMessage", stage).startsWith("已记录会商"));

            List<Consultation> stored = services.consultations().recent(supervisor, 10);
            assertThat(stored).singleElement().satisfies(c -> {
                assertThat(c.units()).isEqualTo("区城管委、咸水沽镇");
                assertThat(c.findings()).isEqualTo("路灯长期不亮，产权不清");
                assertThat(c.decision()).isEqualTo("由咸水沽镇牵头，一周内修复");
                assertThat(c.followUpUnitId()).isEqualTo(make.town().id());
                assertThat(c.followUpDue()).isEqualTo(c.heldOn().plusDays(7));
                assertThat(c.heldOn()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")));
                assertThat(c.recordedBy()).isEqualTo("区值班长");
                assertThat(c.tickets()).containsExactly(overdue.id());
            });
            Consultation done = stored.getFirst();
            assertThat(text("#consultMessage", stage)).isEqualTo("已记录会商 #" + done.id() + "，写入 1 张工单的办理轨迹");
            TicketRepository repository = new TicketRepository(db.dsl());
            RecordedEvent last = repository.trail(overdue.id()).getLast();
            assertThat(last.event()).isEqualTo(new TicketEvent.Consulted(done.id(), done.heldOn(), "由咸水沽镇牵头，一周内修复",
                    make.town().id(), done.followUpDue()));
            assertThat(last.actorId()).isEqualTo("u-ui-jn-09");
            assertThat(repository.trail(escalated.id())).as("the case not chosen")
                    .noneMatch(e -> e.event() instanceof TicketEvent.Consulted);

            // a blank decision: said in words, nothing stored
            Ticket before = repository.get(overdue.id());
            TextArea decision = (TextArea) stage.getScene().lookup("#consultDecision");
            WaitForAsyncUtils.asyncFx(decision::clear).get();
            assertThat(pressRecord(stage)).isEqualTo("参会单位、研判情况和会商决定都要填写。");
            // over-long findings (4,001 characters; typed key by key it would take minutes)
            WaitForAsyncUtils.asyncFx(() -> {
                decision.setText("限期修复");
                ((TextArea) stage.getScene().lookup("#consultFindings")).setText("长".repeat(4001));
            }).get();
            assertThat(pressRecord(stage)).isEqualTo("内容太长，最多 4000 字。");

            assertThat(services.consultations().recent(supervisor, 10)).extracting(Consultation::id).containsExactly(done.id());
            assertThat(repository.get(overdue.id()).version()).isEqualTo(before.version());
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("ticket_event").where("event_type = 'Consulted'"))).isEqualTo(1);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("consultation"))).isEqualTo(1);
            assertThat(opened).as("no ticket was opened in the desk").isEmpty();

            // a dispatcher: not in their menu, and the service refuses to list or record
            Actor dispatcherActor = make.ofDistrict("u-ui-jn-01", "区调度", Role.DISPATCHER);
            Session dispatcher = TownTickets.session(dispatcherActor);
            assertThat(screen.allowedFor(dispatcher)).isFalse();
            assertThat(screen.allowedFor(TownTickets.session(make.dispatcher()))).isFalse();
            assertThatThrownBy(() -> services.consultations().hardCases(dispatcher, HardCaseRules.DEFAULT))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.read"));
            Consultation.Draft draft = new Consultation.Draft(done.heldOn(), "区城管委", "反复来件", "限期整治", make.town().id(),
                    done.followUpDue());
            assertThatThrownBy(() -> services.consultations().record(dispatcher, draft, Map.of(escalated.id(), "ESCALATED")))
                    .isInstanceOfSatisfying(SupervisionRefused.class, r -> assertThat(r.messageKey()).isEqualTo("consult.refused.record"));
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("consultation"))).isEqualTo(1);
            assertThat(repository.trail(escalated.id())).noneMatch(e -> e.event() instanceof TicketEvent.Consulted);

            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }

    /// presses 记录会商结果 and waits until the service has answered (the button is enabled again and
    /// the message changed); what the screen says
    private String pressRecord(Stage stage) throws Exception {
        String before = text("#consultMessage", stage);
        Button record = (Button) stage.getScene().lookup("#consultRecord");
        robot.clickOn(record);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !record.isDisabled() && !text("#consultMessage", stage).equals(before));
        return text("#consultMessage", stage);
    }

    private static String text(String id, Stage stage) {
        return ((Label) stage.getScene().lookup(id)).getText();
    }
}
