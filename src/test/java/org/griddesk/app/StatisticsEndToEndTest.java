package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.store.jooq.Tables.TICKET;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.griddesk.domain.assessment.KpiSheet;
import org.griddesk.domain.assessment.Measure;
import org.griddesk.domain.assessment.Period;
import org.griddesk.domain.assessment.UnitDimension;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.testsupport.ScenePng;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The statistics view at the real desk (headless, Chinese, a demo store with 40 days of history and
/// the real SQL KPI engine): the district manager opens 统计分析 from the 督查考核 menu, clicks a
/// town's 按时办结率, gets the list of its late tickets — exactly those, closed in the month and
/// finished after their due time — and opens one: its detail and trail show.
@Timeout(value = 420, unit = TimeUnit.SECONDS)
class StatisticsEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;
    private static Database db;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGatewaySignedOut(dataDir, 40);
        // the desk's own gateway starts once the demo district and its history are whole
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, StatisticsEndToEndTest::gatewayListens);
        db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE);
        desk.signIn("manager");
    }

    @AfterAll
    static void stopDesk() throws Exception {
        if (db != null) {
            db.close();
        }
        desk.stop();
    }

    private static boolean gatewayListens() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", desk.gatewayPort()), 200);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theManagerDrillsFromATownsOnTimeRateToItsLateTicketsAndOpensOne() throws Exception {
        // the 督查考核 menu shows once the signed-in session has reached the desk's menu
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("督查考核").tryQuery().isPresent());
        // the menu bar lays its menus out again as the signed-in person's menus show (工单): click what is there then
        for (int attempt = 1; ; attempt++) {
            try {
                robot.clickOn("督查考核");
                break;
            } catch (RuntimeException laidOutAgain) {
                if (attempt == 3) {
                    throw laidOutAgain;
                }
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
        robot.clickOn("统计分析");
        Stage stats = waitForWindow("statisticsView");
        @SuppressWarnings("unchecked")
        TableView<KpiSheet> table = (TableView<KpiSheet>) stats.getScene().lookup("#statsTable");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> !table.getItems().isEmpty()
                && ((Label) stats.getScene().lookup("#statsSummary")).getText().startsWith("统计期 ")));
        KpiSheet town = onFx(() -> table.getItems().stream()
                .filter(s -> s.dimension() == UnitDimension.CENTRE && !s.unitId().equals("JN"))
                .filter(s -> s.count(Measure.RESOLVED) > s.count(Measure.RESOLVED_ON_TIME))
                .findFirst().orElseThrow(() -> new AssertionError("no town finished anything late: " + table.getItems())));
        long late = town.count(Measure.RESOLVED) - town.count(Measure.RESOLVED_ON_TIME);
        String period = ((Label) stats.getScene().lookup("#statsSummary")).getText().split("[ （]")[1];
        snapshot(stats, "e2e-statistics");

        robot.clickOn("#fig-" + town.unitId() + "-R-RESOLVED_ON_TIME");

        Stage drill = waitForWindow("ticketListWindow");
        @SuppressWarnings("unchecked")
        ListView<QueueItem> list = (ListView<QueueItem>) drill.getScene().lookup("#drillList");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> list.getItems().size() == late));
        assertThat(((Label) drill.getScene().lookup("#drillTitle")).getText())
                .isEqualTo(town.unitName() + " · 按时办结率 · " + period + " · 未达标 " + late + " 件");
        assertThat(drill.getTitle()).startsWith("穿透清单 · ");
        Period month = Period.parse(period);
        List<Long> ids = list.getItems().stream().map(QueueItem::id).toList();
        // each one the town owns, closed in the month, finished after its due time
        for (var t : db.dsl().selectFrom(TICKET).where(TICKET.ID.in(ids)).fetch()) {
            var finished = t.getHandledAt() != null ? t.getHandledAt() : t.getAnsweredAt();
            assertThat(t.getState()).isEqualTo(TicketState.CLOSED.name());
            assertThat(month.contains(t.getClosedAt().toInstant())).as(t.getCode()).isTrue();
            assertThat(finished).as(t.getCode()).isAfter(t.getDueAt());
        }
        assertThat(list.getItems()).allMatch(i -> i.state() == TicketState.CLOSED);

        // the list's rows are drawn on the next pulse after its items arrive
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.from(list).lookup(".queue-row").tryQuery().isPresent());
        robot.clickOn(robot.from(list).lookup(".queue-row").nth(0).queryAs(Node.class));

        QueueItem first = list.getItems().getFirst();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> drill.getScene().lookup("#detailCode") != null));
        assertThat(((Label) drill.getScene().lookup("#detailCode")).getText()).isEqualTo(first.code());
        assertThat(onFx(() -> drill.getScene().getRoot().lookupAll(".detail-event").size())).as("its trail").isGreaterThan(2);
        snapshot(drill, "e2e-drill");
    }

    private static Stage waitForWindow(String rootId) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream()
                .anyMatch(w -> w.isShowing() && w.getScene() != null && rootId.equals(w.getScene().getRoot().getId()))));
        return onFx(() -> (Stage) Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && rootId.equals(w.getScene().getRoot().getId()))
                .findFirst().orElseThrow());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static void snapshot(Stage stage, String name) throws Exception {
        ScenePng.save(stage.getScene(), name);
    }
}
