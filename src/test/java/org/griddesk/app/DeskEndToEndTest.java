package org.griddesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.geo.Region;
import org.griddesk.map.ColourMode;
import org.griddesk.map.MapView;
import org.griddesk.map.Viewport;
import org.griddesk.map.WebMercator;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.ThreadGuard;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
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

    private static int gatewayPort;

    @BeforeAll
    static void startDesk() throws Exception {
        desk = RunningDesk.startWithGateway(dataDir);
        gatewayPort = desk.gatewayPort();
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
    void windowShowsEveryRegionInChinese() throws Exception {
        // the desk's face (queue, map, detail) comes once the signed-in person is seated
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Stream.of("#queueRegion", "#mapRegion", "#detailRegion")
                .allMatch(region -> robot.lookup(region).tryQuery().isPresent()));
        WaitForAsyncUtils.waitForFxEvents();
        Stage stage = (Stage) robot.lookup("#mainWindow").query().getScene().getWindow();
        assertThat(stage.getTitle()).isEqualTo("网格指挥台 GridDesk");
        for (String region : new String[] {"#queueRegion", "#mapRegion", "#detailRegion", "#statusBar", "#menuBar"}) {
            assertThat(robot.lookup(region).tryQuery()).as(region).isPresent();
            assertThat(robot.lookup(region).query().isVisible()).as(region).isTrue();
        }
        assertThat(text("#queueTitle")).isEqualTo("接入队列");
        assertThat(text("#mapTitle")).isEqualTo("网格地图");
        assertThat(text("#detailTitle")).isEqualTo("工单详情");
        assertThat(robot.lookup("#queuePlaceholder").tryQuery().isPresent() || robot.lookup("#queueList").tryQuery().isPresent())
                .as("the queue says it is reading, or shows the tickets").isTrue();
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

    @Test
    @Order(5)
    void theMapShowsTheDistrictNamesAGridOnHoverAndOpensItsCardOnClick() throws Exception {
        MapView map = robot.lookup("#deskMap").queryAs(MapView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> map.modelProperty().get() != null && map.getWidth() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.isVisible()).isTrue();
        Viewport fitted = map.viewportProperty().get();
        assertThat(fitted.zoom()).as("the whole district in view").isBetween(10.0, 13.0);

        // a roomy grid of 咸水沽镇: at district zoom a town-centre grid is a few pixels wide
        Region grid = map.modelProperty().get().search("XSG-0", 500).stream().filter(r -> r.code().split("-").length == 3)
                .max(Comparator.comparingDouble(r -> r.shape().getArea())).orElseThrow();
        robot.moveTo(onScreen(map, grid));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.hoveredGridProperty().get()).isEqualTo(grid);
        assertThat(robot.lookup(".map-tooltip").queryAs(Label.class).getText()).startsWith(grid.code() + " · " + grid.name());

        robot.clickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.selectedGridProperty().get()).isEqualTo(grid);
        assertThat(robot.lookup(".grid-card-code").queryAs(Label.class).getText()).isEqualTo(grid.code());
        assertThat(robot.lookup(".grid-card-value").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.endsWith("residents"));

        robot.type(KeyCode.EQUALS);
        assertThat(map.viewportProperty().get().zoom()).isCloseTo(fitted.zoom() + 1, within(1e-9));
        robot.type(KeyCode.HOME);
        assertThat(map.viewportProperty().get().zoom()).isCloseTo(fitted.zoom(), within(1e-9));

        robot.clickOn(".map-search").write("XSG-002-03").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(map.selectedGridProperty().get().code()).isEqualTo("XSG-002-03");
        assertThat(map.viewportProperty().get().zoom()).as("zoomed to the grid").isGreaterThan(fitted.zoom() + 2);

        robot.clickOn("Overdue");
        assertThat(map.colourModeProperty().get()).isEqualTo(ColourMode.OVERDUE);

        // a ticket dragged from the queue lands exactly on the grid under the cursor, and nowhere else
        List<String> dropped = new ArrayList<>();
        Point2D at = map.screenToLocal(onScreen(map, map.selectedGridProperty().get()));
        var deskHandler = map.onTicketDroppedProperty().get();
        var deskHint = map.dropHintProperty().get();
        map.dropHintProperty().set(null);
        map.onTicketDroppedProperty().set(null);
        assertThat(map.acceptsTicketAt(at.getX(), at.getY())).as("nobody listens").isFalse();
        map.onTicketDroppedProperty().set((id, target) -> dropped.add(id + "@" + target.code()));
        assertThat(map.acceptsTicketAt(at.getX(), at.getY())).isTrue();
        assertThat(map.dropTicket(42, at.getX(), at.getY())).isTrue();
        assertThat(dropped).containsExactly("42@XSG-002-03");
        robot.interact(map::fitDistrict);
        assertThat(map.acceptsTicketAt(2, 2)).as("outside the district").isFalse();
        assertThat(map.dropTicket(43, 2, 2)).isFalse();
        assertThat(dropped).hasSize(1);
        map.onTicketDroppedProperty().set(deskHandler);
        map.dropHintProperty().set(deskHint);
    }

    @Test
    @Order(6)
    void aTicketReportedElsewhereShowsOnTheMapWithinSeconds() throws Exception {
        MapView map = robot.lookup("#deskMap").queryAs(MapView.class);
        int before = map.modelProperty().get().facts("XSG-001-01").openTickets();
        try (Database db = Database.open(
                DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            var organisation = new DistrictRepository(db.dsl()).organisation();
            var lifecycle = new TicketLifecycle(WorkCalendar.builtIn(),
                    organisation, LifecycleRules.DEFAULT);
            var hotline = new Actor("ch-8890", "8890热线", Role.CHANNEL,
                    organisation.unit("XSG").orElseThrow());
            new TicketService(db.dsl(), lifecycle, Clock.systemUTC()).report(
                    new Intake(Channel.HOTLINE_8890, "e2e-1", "路灯不亮",
                            "XSG-001-01", Instant.now()), "XSG", hotline);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> map.modelProperty().get().facts("XSG-001-01").openTickets() == before + 1);
        assertThat(map.modelProperty().get().markers()).anyMatch(m -> m.gridCode().equals("XSG-001-01"));
    }

    @Test
    @Order(7)
    void anOrderPostedToTheDesksOwnGatewayShowsOnItsMap() throws Exception {
        MapView map = robot.lookup("#deskMap").queryAs(MapView.class);
        Region grid = map.modelProperty().get().region("XSG-001-02").orElseThrow();
        int before = map.modelProperty().get().facts(grid.code()).openTickets();
        String key = ApiKeys.newKey();
        try (Database db = Database.open(
                DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            new ChannelKeyRepository(db.dsl(), Clock.systemUTC())
                    .add(Channel.HOTLINE_8890, "e2e", ApiKeys.digest(key));
        }
        var inside = grid.mainPart().getInteriorPoint();
        String order = """
                {"orderNo":"E2E-1","receivedAt":"%s","caller":{"phone":"13912345678"},"content":"井盖缺失",
                 "point":{"lon":%s,"lat":%s}}""".formatted(OffsetDateTime.now(), inside.getX(), inside.getY());
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + "/api/v1/hotline/orders"))
                .header("X-Api-Key", key).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(order)).build();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
            } catch (IOException notYet) {
                return false; // the gateway starts in the background
            }
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> map.modelProperty().get().facts(grid.code()).openTickets() == before + 1);
    }

    @Test
    @Order(8)
    void theDemoFeedMakesTheQueueComeAliveThroughTheDesksGatewayAndStops() throws Exception {
        IntSupplier tickets = () -> {
            try (Database db = Database.open(
                    DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
                return new TicketRepository(db.dsl()).count();
            }
        };
        int before = tickets.getAsInt();
        MenuItem waiting = robot.lookup(".menu-bar").queryAs(MenuBar.class)
                .getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .filter(item -> "demoFeedWaitingItem".equals(item.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !waiting.isVisible()); // until the desk's gateway is up
        assertThat(waiting.getText()).contains("gateway");
        switchDemoFeed();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#activityLabel")).contains("Demo feed on");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tickets.getAsInt() >= before + 2);

        switchDemoFeed();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text("#activityLabel")).doesNotContain("Demo feed");
        Thread.sleep(3000); // an answer on its way may still land
        int stopped = tickets.getAsInt();
        Thread.sleep(5000);
        assertThat(tickets.getAsInt()).as("nothing more once it is off").isEqualTo(stopped);
    }

    @Test
    @Order(9)
    void theQueueListsOpenTicketsRiskiestFirstAndPicksOneOnTheMap() throws Exception {
        @SuppressWarnings("unchecked")
        ListView<QueueItem> list =
                robot.lookup("#queueList").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        var shown = List.copyOf(list.getItems());
        assertThat(shown).extracting(QueueItem::risk).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(shown).extracting(QueueItem::code).as("the order posted to the gateway").isNotEmpty();
        assertThat(text("#queueCounts")).matches("\\d+ shown · \\d+ overdue · \\d+ at risk");

        QueueItem placed = shown.stream().filter(QueueItem::placed).findFirst().orElseThrow();
        robot.clickOn("#queueSearch").write(placed.code());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).extracting(QueueItem::code).containsExactly(placed.code());
        // the row's visible cell (the list also keeps an invisible cell for measuring, and a live
        // refresh may swap a cell's labels between finding and clicking it)
        MapView map = robot.lookup("#deskMap").queryAs(MapView.class);
        robot.clickOn((Node) robot.lookup(n -> n instanceof ListCell<?> cell && cell.isVisible()
                && cell.getItem() instanceof QueueItem q && q.id() == placed.id()).query());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> map.selectedGridProperty().get() != null
                && placed.gridCode().equals(map.selectedGridProperty().get().code()));
        assertThat(map.selectedTicketProperty().get()).isEqualTo(placed.id());
        // looked up on the FX thread: the detail pane adds its caller panel while the robot looks
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#detailCode").tryQuery()
                .map(n -> placed.code().equals(((Label) n).getText())).orElse(false)).get());
        assertThat(WaitForAsyncUtils.asyncFx(() -> robot.lookup("Trail").tryQuery().isPresent()).get())
                .as("the detail pane shows the ticket's trail").isTrue();
        robot.doubleClickOn("#queueSearch").eraseText(placed.code().length());
    }

    /// A camera clicked on the map (not typed in its search) opens its card over the desk. The camera
    /// is one of the demo district's in a grid with no open ticket, so that no ticket's marker lies
    /// over it (a marker takes the click first), shown up close where cameras are drawn.
    @Test
    @Order(10)
    void aCameraClickedOnTheMapOpensItsCard() throws Exception {
        MapView map = robot.lookup("#deskMap").queryAs(MapView.class);
        List<Camera> cameras;
        try (Database db = Database.open(DatabaseSettings.embeddedH2(dataDir), ThreadGuard.NONE)) {
            cameras = new DistrictRepository(db.dsl()).cameras();
        }
        var markedGrids = map.modelProperty().get().markers().stream().map(m -> m.gridCode()).collect(java.util.stream.Collectors.toSet());
        Camera camera = cameras.stream().filter(c -> c.gridCode() != null && !markedGrids.contains(c.gridCode())).findFirst().orElseThrow();
        Point2D at = WaitForAsyncUtils.asyncFx(() -> {
            map.viewportProperty().set(new Viewport(WebMercator.x(camera.lon()), WebMercator.y(camera.lat()), 17, map.getWidth(),
                    map.getHeight()));
            return map.localToScreen(map.getWidth() / 2, map.getHeight() / 2);
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(() -> map.cameraAt(map.getWidth() / 2, map.getHeight() / 2)).get())
                .as("the camera is drawn under the cursor").contains(camera);

        robot.clickOn(at, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> Stage.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null && s.getTitle().contains(camera.code()))).get());
        Stage card = WaitForAsyncUtils.asyncFx(() -> Stage.getWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getTitle() != null && s.getTitle().contains(camera.code())).map(Stage.class::cast).findFirst().orElseThrow()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> card.getScene().lookup("#cameraAlarms") != null).get())
                .as("the card lists the camera's recent alarms").isTrue();
        assertThat(map.selectedCameraProperty().get()).as("cleared, so that a second click opens it again").isNull();
        WaitForAsyncUtils.asyncFx(card::close).get(5, TimeUnit.SECONDS);
        robot.interact(map::fitDistrict);
    }

    /// Opens the Demo menu and clicks its item, going straight down first: sliding across the menu
    /// bar with a menu open would open the Help menu instead.
    private void switchDemoFeed() {
        robot.clickOn("Demo");
        robot.moveBy(0, 28);
        robot.clickOn("Demo feed (simulated requests from every channel)");
    }

    private static Point2D onScreen(MapView map, Region grid) {
        var inside = grid.mainPart().getInteriorPoint();
        Viewport v = map.viewportProperty().get();
        return map.localToScreen(v.screenX(WebMercator.x(inside.getX())), v.screenY(WebMercator.y(inside.getY())));
    }
}
