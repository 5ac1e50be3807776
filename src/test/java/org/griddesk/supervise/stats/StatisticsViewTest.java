package org.griddesk.supervise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.domain.assessment.Measure.CALLBACKS_DONE;
import static org.griddesk.domain.assessment.Measure.RECEIVED;
import static org.griddesk.domain.assessment.Measure.RESOLVED;
import static org.griddesk.domain.assessment.Measure.RESOLVED_ON_TIME;
import static org.griddesk.domain.assessment.Measure.SATISFIED;
import static org.griddesk.domain.ticket.Channel.GRID_APP;
import static org.griddesk.domain.ticket.Channel.HOTLINE_8890;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.griddesk.demo.DemoDistrictData;
import org.griddesk.demo.DemoDistrictGenerator;
import org.griddesk.domain.assessment.KpiEngine;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.map.MapModel;
import org.griddesk.testsupport.FxToolkitSupport;
import org.griddesk.testsupport.ScenePng;
import org.griddesk.ui.CurrentThreadTaskExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.griddesk.ui.SceneStyle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// The statistics window on a hand-made history (the real engine is in the desk's end-to-end test):
/// a town's on-time rate is clicked and its late tickets are asked for; every tab draws what the
/// model read, in large type too. Snapshots land in `target/screenshots/` to be looked at.
class StatisticsViewTest {
    private static DemoDistrictData data;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkitSupport.start();
        data = new DemoDistrictGenerator(DemoDistrictGenerator.DEFAULT_SEED).generate();
    }

    @org.junit.jupiter.api.AfterAll
    static void closeWindows() throws Exception {
        org.griddesk.testsupport.FxToolkitSupport.closeWindows();
    }

    @Test
    void clickingATownsOnTimeRateAsksForItsLateTicketsAndEveryTabDraws() throws Exception {
        String community = data.map().communities().getFirst().code();
        HandKpiEngine engine = new HandKpiEngine()
                .fact(1, "2026-11-03", "JN-XSG", community, HOTLINE_8890, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME, CALLBACKS_DONE, SATISFIED)
                .fact(2, "2026-11-04", "JN-XSG", community, HOTLINE_8890, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME, CALLBACKS_DONE)
                .fact(3, "2026-11-20", "JN-XSG", community, GRID_APP, "C07", RECEIVED, RESOLVED)
                .fact(4, "2026-11-21", "JN-GG", "GG-01", GRID_APP, "C04", RECEIVED, RESOLVED, RESOLVED_ON_TIME);
        StatisticsSource source = new StatisticsSource() {
            @Override
            public KpiEngine engine() {
                return engine;
            }

            @Override
            public List<Category> categories() {
                return List.of(new Category("C04", "市容环境", null), new Category("C07", "公共安全", null));
            }
        };
        Clock december = Clock.fixed(Instant.parse("2026-12-03T02:00:00Z"), ZoneOffset.UTC);
        StatisticsViewModel model = new StatisticsViewModel(source, new CurrentThreadTaskExecutor(), december,
                Messages.of(Language.ZH_CN, "i18n/stats"), Messages.of(Language.ZH_CN));
        List<StatisticsViewModel.Drill> drills = new ArrayList<>();
        MapModel map = MapModel.of(data.map(), Map.of());

        Stage stage = WaitForAsyncUtils.asyncFx(() -> {
            StatisticsView view = new StatisticsView(model, Language.ZH_CN, map, drills::add);
            Stage s = new Stage();
            Scene scene = new Scene(view.root(), 1280, 800); // the headless screen's size
            SceneStyle.apply(scene);
            scene.getStylesheets().add(StatisticsView.class.getResource(StatisticsView.CSS).toExternalForm());
            s.setScene(scene);
            s.show();
            model.refresh();
            return s;
        }).get();
        FxRobot robot = new FxRobot();
        // looked up on the FX thread: the scene graph changes while the table lays out
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#fig-JN-GG-M-RECEIVED").tryQuery().isPresent()).get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fig-JN-XSG-R-RESOLVED_ON_TIME").queryLabeled().getText()).isEqualTo("66.7%");
        assertThat(robot.lookup("#fig-JN-GG-M-RECEIVED").queryLabeled().getText()).isEqualTo("1");
        assertThat(robot.lookup("#fig-JN-GG-R-SATISFACTION").queryLabeled().getText()).as("nothing to rate").isEqualTo("—");
        snapshot(stage, "stats-table");

        robot.clickOn("#fig-JN-XSG-R-RESOLVED_ON_TIME");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(drills).singleElement().satisfies(d -> {
            assertThat(d.title()).isEqualTo("咸水沽镇 · 按时办结率 · 2026-11 · 未达标 1 件");
            assertThat(d.ids().call()).containsExactly(3L);
        });

        TabPane tabs = robot.lookup("#statsTabs").queryAs(TabPane.class);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get();
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        XYChart<String, Number> intake = robot.lookup("#statsIntakeChart").queryAs(XYChart.class);
        assertThat(intake.getData()).extracting(XYChart.Series::getName).contains("8890热线".equals(Messages.of(Language.ZH_CN)
                .get("channel.HOTLINE_8890")) ? "8890热线" : Messages.of(Language.ZH_CN).get("channel.HOTLINE_8890"));
        assertThat(intake.getData().getFirst().getData()).hasSize(30);
        snapshot(stage, "stats-trends");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(2)).get();
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage, "stats-ranking");
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(3)).get();
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(1500); // the map draws its raster off the FX thread
        WaitForAsyncUtils.waitForFxEvents();
        snapshot(stage, "stats-map");
        WaitForAsyncUtils.asyncFx(() -> {
            tabs.getSelectionModel().select(0);
            model.largeTypeProperty().set(true);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statisticsView").query().getStyleClass()).contains(StatisticsView.LARGE);
        snapshot(stage, "stats-large");
        WaitForAsyncUtils.asyncFx(stage::hide).get();
    }

    private static void snapshot(Stage stage, String name) throws Exception {
        ScenePng.save(stage.getScene(), name);
    }
}
