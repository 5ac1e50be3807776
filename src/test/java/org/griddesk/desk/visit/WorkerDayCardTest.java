package org.griddesk.desk.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.visit.RecordedVisit;
import org.griddesk.domain.visit.VisitFinding;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.security.AuditEntry;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.SessionAccounts;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.store.visit.WorkerDayRecords.DayVisit;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.EvidenceFiles;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.ui.FxTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.visit.WorkerDays;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/// A worker's day on its real layout over a real store with the demo district: the day's visits of
/// the grid with the household masked and the findings in Chinese, the summary line, the photo of the
/// visit picked; another day shows its own; a dispatcher of another town is told why not.
class WorkerDayCardTest {
    private static final FxTaskExecutor executor = new FxTaskExecutor(1);

    @TempDir
    static Path dataDir;

    private static CommandCentre centre;

    @BeforeAll
    static void start() throws Exception {
        FxToolkitSupport.start();
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(dataDir));
    }

    @AfterAll
    static void stop() {
        executor.close();
        centre.close();
    }

    @Test
    void aDispatcherSeesTheDaysVisitsAndTheirPhotosAndAnotherTownIsToldWhyNot() throws Exception {
        DSLContext dsl = centre.admin().dsl();
        DistrictRepository district = new DistrictRepository(dsl);
        Region grid = district.regions(RegionLevel.GRID).stream().filter(g -> district.visitHouseholds(g.code()).size() >= 2)
                .findFirst().orElseThrow();
        List<VisitHousehold> households = district.visitHouseholds(grid.code());
        String worker = district.gridWorker(grid.code()).orElseThrow().id();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        var inside = grid.mainPart().getInteriorPoint();
        VisitRepository visits = new VisitRepository(dsl);
        visits.record(new RecordedVisit(households.get(0).id(), worker, at, inside.getX(), inside.getY(),
                Set.of(VisitFinding.SAFETY_HAZARD), "楼道堆物", List.of(Attachment.of("走访.jpg", EvidenceFiles.jpeg()))));
        visits.record(new RecordedVisit(households.get(1).id(), worker, at.plusSeconds(60), inside.getX(), inside.getY(),
                Set.of(VisitFinding.NORMAL), "", List.of()));
        String town = district.region(grid.parentCode()).orElseThrow().parentCode();
        List<AuditEntry> audit = new ArrayList<>();
        WorkerDays days = new WorkerDays(centre.admin(), new PersonalDataService(dsl, audit::add, Clock.systemUTC()), Clock.systemUTC());
        Messages texts = Messages.of(Language.ZH_CN, WorkerDayCard.BUNDLE);

        // the demo's visits of the day (recorded with their day only) come first, then the app's two in time order
        var direct = days.day(session(dsl, Role.DISPATCHER, town), grid.code(), WorkCalendar.localDate(at)).visits();
        assertThat(direct.subList(direct.size() - 2, direct.size())).extracting(DayVisit::householdId)
                .containsExactly(households.get(0).id(), households.get(1).id());
        int recorded = direct.size() - 2;
        WorkerDayModel model = new WorkerDayModel(executor, days, session(dsl, Role.DISPATCHER, town), grid, texts, Clock.systemUTC());
        model.dayProperty().set(WorkCalendar.localDate(at)); // the visits' day, also a minute past midnight
        WorkerDayCard card = fx(() -> new WorkerDayCard(model, texts, Messages.of(Language.ZH_CN), null).show());
        Stage stage = card.stage();
        @SuppressWarnings("unchecked")
        TableView<DayVisit> table = lookup(stage, "#workerDayVisits", TableView.class);
        Label said = lookup(stage, "#workerDayMessage", Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().size()) == direct.size() || !fx(said::getText).isEmpty());
        assertThat(fx(said::getText)).isEmpty();
        assertThat(fx(() -> table.getItems().size())).isEqualTo(direct.size());
        Label summary = lookup(stage, "#workerDaySummary", Label.class);
        assertThat(fx(summary::getText)).startsWith("走访 " + direct.size() + " 户次 · 核实 0 件 · 核查 0 件（未通过 0）");
        assertThat(fx(() -> lookup(stage, "#workerDayPatrol", Label.class).getText())).isEqualTo("当日无巡查轨迹");
        assertThat(fx(() -> (String) table.getColumns().get(0).getCellData(recorded))).matches("\\d\\d:\\d\\d");
        assertThat(fx(() -> (String) table.getColumns().get(1).getCellData(recorded))).isEqualTo(households.get(0).maskedName()).contains("*");
        assertThat(fx(() -> (String) table.getColumns().get(3).getCellData(recorded))).isEqualTo("安全隐患");
        if (recorded > 0) {
            assertThat(fx(() -> (String) table.getColumns().get(0).getCellData(0))).isEqualTo("（仅记日期）");
        }

        fx(() -> {
            table.getSelectionModel().select(recorded);
            return null;
        });
        FlowPane photos = lookup(stage, "#workerDayPhotos", FlowPane.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> photos.getChildren().stream().anyMatch(n -> n instanceof ImageView)));

        fx(() -> {
            lookup(stage, "#workerDayDate", DatePicker.class).setValue(WorkCalendar.localDate(at).minusDays(1));
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> table.getItems().stream().noneMatch(v -> v.at() != null))
                && fx(() -> lookup(stage, "#workerDayDate", DatePicker.class).getValue()).equals(WorkCalendar.localDate(at).minusDays(1))
                && fx(() -> !table.getItems().equals(direct)));
        fx(() -> {
            stage.close();
            return null;
        });

        String otherTown = district.regions(RegionLevel.AREA).stream().map(Region::code).filter(c -> !c.equals(town)).findFirst().orElseThrow();
        WorkerDayModel outside = new WorkerDayModel(executor, days, session(dsl, Role.DISPATCHER, otherTown), grid, texts, Clock.systemUTC());
        WorkerDayCard refused = fx(() -> new WorkerDayCard(outside, texts, Messages.of(Language.ZH_CN), null).show());
        Label message = lookup(refused.stage(), "#workerDayMessage", Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(message::getText).contains("不在本中心辖区内"));
        fx(() -> {
            refused.stage().close();
            return null;
        });
    }

    private static Session session(DSLContext dsl, Role role, String unit) {
        return SessionAccounts.registered(dsl, new Session("a-" + role + "-" + unit, "u-" + role + "-" + unit, "测试 " + role, unit,
                Set.of(role), Instant.now(), new Workstation("desk-1", "10.0.0.1")));
    }

    private static <T> T lookup(Stage stage, String id, Class<T> type) {
        return type.cast(stage.getScene().lookup(id));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
