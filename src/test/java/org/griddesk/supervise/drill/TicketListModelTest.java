package org.griddesk.supervise.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.detail.TicketDetailLoader;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.testsupport.AuditFixture;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// A drill-down list reads the tickets it is given, closed ones too, in the order given, with the
/// queue's rows; picking one reads its detail and trail; no ticket and a failed read say so.
class TicketListModelTest {
    @TempDir
    Path temp;

    @org.junit.jupiter.api.AfterAll
    static void closeWindows() throws Exception {
        org.griddesk.testsupport.FxToolkitSupport.closeWindows();
    }

    @Test
    void aListShowsClosedAndOpenTicketsInTheOrderGivenAndAPickShowsTheTrail() {
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp))) {
            var db = centre.admin();
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            long open = service.report(hotlineRequest("8890-DR1", Instant.now()), "JN-XSG", HOTLINE).after().id();
            var rejected = service.report(hotlineRequest("8890-DR2", Instant.now()), "JN-XSG", HOTLINE).after();
            service.execute(rejected, new TicketCommand.RejectInvalid("非本辖区事项"), XSG_DISPATCHER);
            TicketLists lists = lists(db);

            TicketListModel model = new TicketListModel("咸水沽镇 · 按时办结率 · 2026-11 · 未按时", lists);
            model.load(() -> List.of(rejected.id(), 987_654L, open));

            assertThat(model.statusProperty().get()).isEqualTo(TicketListModel.Status.SHOWN);
            assertThat(model.rows()).extracting(QueueItem::id).containsExactly(rejected.id(), open);
            assertThat(model.rows().getFirst().state()).isEqualTo(TicketState.REJECTED);
            assertThat(model.rows().getFirst().risk()).as("a closed ticket races no deadline").isEqualTo(QueueItem.Risk.WAITING);

            model.pick(rejected.id());

            var detail = model.detailProperty().get();
            assertThat(detail.ticket().id()).isEqualTo(rejected.id());
            assertThat(detail.trail()).extracting(e -> e.event().getClass().getSimpleName()).contains("RejectedInvalid");
        }
    }

    @Test
    void aListShowsOnlyTheTicketsOfTheViewersTownAndSaysHowManyItLeftOut() {
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp))) {
            var db = centre.admin();
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            long xsg = service.report(hotlineRequest("8890-DS1", Instant.now()), "JN-XSG", HOTLINE).after().id();
            long gg = service.report(hotlineRequest("8890-DS2", Instant.now()), "JN-GG", HOTLINE).after().id();
            TicketLists district = lists(db);

            TicketListModel gegu = new TicketListModel("全区 · 来件量", district.forViewer(town("JN-GG")));
            gegu.load(() -> List.of(xsg, gg));
            assertThat(gegu.rows()).extracting(QueueItem::id).as("葛沽's supervisor: 葛沽's ticket only").containsExactly(gg);
            assertThat(gegu.leftOutProperty().get()).isEqualTo(1);

            TicketListModel nobody = new TicketListModel("全区 · 来件量", district.forViewer(null));
            nobody.load(() -> List.of(xsg, gg));
            assertThat(nobody.rows()).as("a list with no viewer shows nothing").isEmpty();
            assertThat(nobody.leftOutProperty().get()).isEqualTo(2);

            TicketListModel all = new TicketListModel("全区 · 来件量", district);
            all.load(() -> List.of(xsg, gg));
            assertThat(all.rows()).extracting(QueueItem::id).containsExactly(xsg, gg);
            assertThat(all.leftOutProperty().get()).isZero();
        }
    }

    private static Session town(String centre) {
        return new Session("u-" + centre, "u", "值班长", centre, Set.of(Role.SUPERVISOR), Instant.now(), Workstation.local());
    }

    @Test
    void aFigureWithNoTicketsAndAFailedReadSaySo() {
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp))) {
            TicketLists lists = lists(centre.admin());

            TicketListModel none = new TicketListModel("葛沽镇 · 满意率 · 2026-11 · 不满意", lists);
            none.load(List::of);
            TicketListModel broken = new TicketListModel("x", lists);
            broken.load(() -> {
                throw new IllegalStateException("统计期不存在");
            });

            assertThat(none.statusProperty().get()).isEqualTo(TicketListModel.Status.EMPTY);
            assertThat(none.rows()).isEmpty();
            assertThat(broken.statusProperty().get()).isEqualTo(TicketListModel.Status.FAILED);
            assertThat(broken.failureProperty().get()).isEqualTo("统计期不存在");
        }
    }

    @Test
    void beforeTheDistrictIsReadTheListFailsInsteadOfWaiting() {
        TicketListModel model = new TicketListModel("t", new TicketLists(new CurrentThreadTaskExecutor(), Clock.systemUTC(), () -> null,
                () -> null, null));
        model.load(() -> List.of(1L));
        assertThat(model.statusProperty().get()).isEqualTo(TicketListModel.Status.FAILED);
    }

    @Test
    void theWindowShowsTheQueuesCellsAndAPickedTicketsDetail() throws Exception {
        org.griddesk.testsupport.FxToolkitSupport.start();
        try (CommandCentre centre = CommandCentre.on(DatabaseSettings.embeddedH2(temp));
             var executor = new org.griddesk.ui.FxTaskExecutor(1)) {
            var db = centre.admin();
            TicketService service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), Clock.systemUTC());
            var rejected = service.report(hotlineRequest("8890-DW1", Instant.now()), "JN-XSG", HOTLINE).after();
            service.execute(rejected, new TicketCommand.RejectInvalid("非本辖区事项"), XSG_DISPATCHER);
            TicketLists sync = lists(db);
            TicketLists lists = new TicketLists(executor, Clock.systemUTC(), sync.history(), sync.organisation(), sync.viewer());

            javafx.stage.Stage stage = WaitForAsyncUtils.asyncFx(() -> lists.open(null, "咸水沽镇 · 退单 · 2026-11",
                    () -> List.of(rejected.id()), org.griddesk.ui.Language.ZH_CN)).get();
            @SuppressWarnings("unchecked")
            javafx.scene.control.ListView<QueueItem> list = (javafx.scene.control.ListView<QueueItem>) stage.getScene().lookup("#drillList");
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> list.getItems().size() == 1);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((javafx.scene.control.Label) stage.getScene().lookup("#drillTitle")).getText()).isEqualTo("咸水沽镇 · 退单 · 2026-11");
            assertThat(((javafx.scene.control.Label) stage.getScene().lookup("#drillCount")).getText()).isEqualTo("共 1 件");
            assertThat(stage.getScene().lookup(".queue-code")).as("the queue's cell")
                    .isInstanceOfSatisfying(javafx.scene.control.Label.class, l -> assertThat(l.getText()).isEqualTo(rejected.code()));

            WaitForAsyncUtils.asyncFx(() -> list.getSelectionModel().select(0)).get();
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> stage.getScene().lookup("#detailCode") != null);
            assertThat(((javafx.scene.control.Label) stage.getScene().lookup("#detailCode")).getText()).isEqualTo(rejected.code());
            WaitForAsyncUtils.asyncFx(stage::hide).get();
        }
    }

    private static TicketLists lists(org.griddesk.store.Database db) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        TicketRepository tickets = new TicketRepository(db.dsl());
        var map = MapModelLoader.load(district, tickets, Instant.now()).orElseThrow();
        QueueLoader rows = new QueueLoader(new QueueRepository(db.dsl()), district.taxonomy(), map);
        TicketDetailLoader details = new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), district.taxonomy(),
                district.organisation(), new CalendarRepository(db.dsl(), Clock.systemUTC()).workCalendar(), map);
        TicketHistory history = TicketHistory.of(new DeskModel.Readers(rows, details));
        // the organisation the tickets are made in (LifecycleFixture's lifecycle: 咸水沽, 葛沽)
        return new TicketLists(new CurrentThreadTaskExecutor(), Clock.systemUTC(), () -> history,
                () -> LifecycleFixture.ORGANISATION, null)
                .forViewer(AuditFixture.session(Role.SUPERVISOR)); // the district centre's: every town's tickets
    }
}
