package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/// Starts the real desk on a fresh data folder (headless) and uses it as a dispatcher would.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskEndToEndTest {
    @TempDir
    static Path dataDir;

    private static final FxRobot robot = new FxRobot();
    private static RunningDesk desk;

    @BeforeAll
    static void startDesk() throws Exception {
        GlobalOptions options = new GlobalOptions();
        options.dataDir = dataDir;
        desk = RunningDesk.start(options);
    }

    @AfterAll
    static void stopDesk() throws Exception {
        desk.stop();
    }

    private static <T extends Node> T find(String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    private static String text(String id) {
        return find(id, Label.class).getText();
    }

    @Test
    @Order(1)
    void windowShowsEveryRegionInChinese() {
        Stage stage = (Stage) robot.lookup("#mainWindow").query().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("网格指挥台 GridDesk");
        for (String region : new String[] {"#queueRegion", "#mapRegion", "#detailRegion", "#statusBar", "#menuBar"}) {
            assertThat(robot.lookup(region).tryQuery()).as(region).isPresent();
            assertThat(robot.lookup(region).query().isVisible()).as(region).isTrue();
        }
        assertThat(text("#queueTitle")).isEqualTo("接入队列");
        assertThat(text("#mapTitle")).isEqualTo("网格地图");
        assertThat(text("#detailTitle")).isEqualTo("工单详情");
        assertThat(robot.lookup("接入队列尚未接入").tryQuery()).as("the queue says it is not there yet").isPresent();
    }

    @Test
    @Order(2)
    void statusBarShowsClockShiftAndTheEmbeddedStoreOnceConnected() throws Exception {
        assertThat(text("#clockLabel")).matches("北京时间 \\d{4}-\\d{2}-\\d{2} 星期. \\d{2}:\\d{2}:\\d{2}");
        assertThat(text("#shiftLabel")).matches("当班：(白班|夜班)");
        assertThat(text("#databaseLabel")).startsWith("嵌入式 H2").contains(dataDir.toString());
        // the store opens in the background; were it touched on the FX thread it would fail instead
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "数据库：已连接".equals(text("#connectionLabel")));
        assertThat(dataDir.resolve("db/griddesk.mv.db")).exists();
    }

    @Test
    @Order(3)
    void switchingToEnglishFromTheMenuRelabelsTheWindowAndIsRemembered() throws Exception {
        robot.clickOn("语言 Language");
        robot.clickOn("English");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text("#queueTitle")).isEqualTo("Intake queue");
        assertThat(text("#connectionLabel")).isEqualTo("Database: connected");
        assertThat(text("#clockLabel")).startsWith("Beijing time ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.readString(dataDir.resolve("griddesk.properties")).contains("ui.language=en"));
    }

    @Test
    @Order(4)
    void switchingToTheLightThemeAppliesItAndIsRemembered() throws Exception {
        robot.clickOn("View");
        robot.clickOn("Light theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.readString(dataDir.resolve("griddesk.properties")).contains("ui.theme=light"));
    }
}
