package org.griddesk.desk;

import java.util.ArrayList;
import java.util.List;
import org.griddesk.dispatch.Action;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.mapversion.MapVersionWriter;
import org.griddesk.store.mapversion.OpenTicketPlacer;
import org.griddesk.store.ticket.TicketService;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.ConnectionState;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.UiQueueExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The desk without its window, on a real store with the demo district and a gateway: it reads the
/// district (whoever signs in is seated by the desk's door), and follows the feed by itself — a hotline order posted
/// to the gateway comes into its queue, and the ticket its detail pane shows is read again when
/// another desk changes it. Runs on the current-thread executor, without a display.
class DeskModelTest {
    @TempDir
    static Path dataDir;

    private static CommandCentre centre;
    private static CommandCentre.GatewayNode gateway;
    private static CommandCentre.Desk otherDesk;
    private static CommandCentre.Desk ownDesk;
    private static DeskModel model;
    private static StatusBarViewModel status;
    private static UiQueueExecutor executor;
    private static DeskUser seatedByItself;

    @BeforeAll
    static void openTheDesk() {
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(dataDir));
        gateway = centre.gateway();
        otherDesk = centre.desk("other");
        ownDesk = centre.desk("own");
        status = new StatusBarViewModel(Messages.of(Language.ZH_CN), ShiftSchedule.defaultSchedule(), DatabaseKind.H2, "test");
        executor = new UiQueueExecutor();
        model = new DeskModel(executor, Clock.systemUTC(), status, "JN");
        model.attach(ownDesk.core());
        model.loadDistrict();
        seatedByItself = model.userProperty().get();
        model.userProperty().set(new DeskUser(Role.DISPATCHER, model.toolsProperty().get().organisation().unit("JN").orElseThrow()));
    }

    @AfterAll
    static void closeTheDesk() throws Exception {
        model.close();
        gateway.close();
        centre.close();
    }

    @Test
    void readsTheDistrictAndSeatsNobodyByItself() {
        assertThat(model.readyProperty().get()).isTrue();
        assertThat(status.connectionStateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(model.mapProperty().get()).as("the map").isNotNull();
        assertThat(model.mapProperty().get().region("XSG-001-02")).as("a grid of 咸水沽镇").isPresent();
        assertThat(model.toolsProperty().get()).as("actions and organisation").isNotNull();
        assertThat(seatedByItself).as("nobody sits at the desk before signing in").isNull();
        assertThat(model.queue().loadedProperty().get()).isTrue();
        assertThat(model.figuresProperty().get()).as("the wall's figures").isNotNull();
    }

    @Test
    void aHotlineOrderPostedToTheGatewayComesIntoTheQueueThroughTheFeed() throws Exception {
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-1")).isEqualTo(201);

        assertThat(eventually(() -> row("8890-MODEL-1") != null)).as("in the queue within 10 s").isTrue();
    }

    @Test
    void theTicketShownIsReadAgainWhenAnotherDeskChangesIt() throws Exception {
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-2")).isEqualTo(201);
        assertThat(eventually(() -> row("8890-MODEL-2") != null)).isTrue();
        QueueItem item = row("8890-MODEL-2");
        model.detail().pick(item.id());
        Ticket seen = model.detail().currentProperty().get().ticket();
        assertThat(seen.state()).isEqualTo(TicketState.REPORTED);

        DeskCommand command = CommandCentre.acceptAndDispatch(otherDesk.core().actions(), seen);
        assertThat(otherDesk.core().run(command, centre.dispatcherOf(seen, "u-other", "别的调度员")).ok()).isTrue();

        assertThat(eventually(() -> model.detail().currentProperty().get().ticket().state() == TicketState.DISPATCHED))
                .as("the detail pane shows the dispatch within 10 s").isTrue();
    }

    @Test
    void aDetailReadForATicketNoLongerPickedIsNotShown() throws Exception {
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-3")).isEqualTo(201);
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-4")).isEqualTo(201);
        assertThat(eventually(() -> row("8890-MODEL-3") != null && row("8890-MODEL-4") != null)).isTrue();
        long first = row("8890-MODEL-3").id();
        long second = row("8890-MODEL-4").id();

        model.detail().pick(second);
        model.detail().read(first, model.detail()::show); // a read of the other ticket that arrives late

        assertThat(model.detail().currentProperty().get().ticket().id()).isEqualTo(second);
    }

    @Test
    void afterTheDistrictIsReadAgainTheQueueKeepsFollowingTheFeed() throws Exception {
        for (int i = 1; i <= 3; i++) { // the queue followed so far has handed over several copies
            String order = "8890-MODEL-AGAIN-" + i;
            assertThat(gateway.postOrder(centre.hotlineKey(), order)).isEqualTo(201);
            assertThat(eventually(() -> row(order) != null)).isTrue();
        }

        model.loadDistrict(); // as at the end of a first start: everything read anew, followed anew
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-AGAIN-4")).isEqualTo(201);

        assertThat(eventually(() -> row("8890-MODEL-AGAIN-4") != null)).as("the newly followed queue shows the change").isTrue();
    }

    @Test
    void aPersonLeavingTakesTheirQueueAndDetailWithThemAndTheNextGetsThemReadAnew() throws Exception {
        DeskUser before = model.userProperty().get();
        assertThat(gateway.postOrder(centre.hotlineKey(), "8890-MODEL-LEAVING")).isEqualTo(201);
        assertThat(eventually(() -> row("8890-MODEL-LEAVING") != null)).isTrue();
        model.detail().pick(model.queue().all().getFirst().id());
        assertThat(model.detail().currentProperty().get()).isNotNull();

        model.forgetPerson();
        assertThat(model.userProperty().get()).isNull();
        assertThat(model.queue().all()).isEmpty();
        assertThat(model.queue().loadedProperty().get()).isFalse();
        assertThat(model.detail().currentProperty().get()).isNull();

        model.userProperty().set(before);
        model.loadDistrict();
        assertThat(eventually(() -> !model.queue().all().isEmpty())).as("read anew for the next person").isTrue();
        assertThat(model.queue().fresh()).as("none of it is news").isEmpty();
    }

    @Test
    void aNewMapReachesTheDeskThroughTheFeedAndItsQuestionShowsInTheQueue() throws Exception {
        Database db = ownDesk.core().database();
        Clock clock = Clock.systemUTC();
        DistrictRepository district = new DistrictRepository(db.dsl());
        Region old = district.regions(RegionLevel.GRID).getLast();
        String renamed = old.code() + "N";
        var organisation = district.organisation();
        String town = district.region(old.parentCode()).orElseThrow().parentCode();
        // a request placed in that grid by its address only (no point), waiting at its town's centre
        TicketService service = new TicketService(db.dsl(), new TicketLifecycle(
                new CalendarRepository(db.dsl(), clock).workCalendar(), organisation, LifecycleRules.DEFAULT), clock);
        Ticket waiting = service.report(new Intake(Channel.HOTLINE_8890, "8890-MODEL-MAP", "路灯不亮，新地图前受理", old.code(),
                clock.instant(), null, new Place("某路口", null, null), List.of()), town,
                new Actor("CH-HOTLINE", "8890", Role.CHANNEL, organisation.unit(town).orElseThrow())).after();
        assertThat(eventually(() -> row("8890-MODEL-MAP") != null)).isTrue();

        // the new version: the same grid under a new code, the old one retired
        List<Region> grids = new ArrayList<>(district.regions(RegionLevel.GRID));
        grids.replaceAll(g -> g.code().equals(old.code())
                ? new Region(renamed, g.name(), g.level(), g.parentCode(), g.shape(), g.weight()) : g);
        var outcome = new MapVersionWriter(db.dsl(), clock).replace(district.regions(RegionLevel.AREA),
                district.regions(RegionLevel.COMMUNITY), grids, district.districtMap().orElseThrow().outline(), "test");
        assertThat(outcome.diff().retired()).containsExactly(old.code());
        new OpenTicketPlacer(db.dsl(), clock).afterNewMap(outcome.diff().moved(), outcome.changeSeq());

        assertThat(eventually(() -> model.mapProperty().get().region(renamed).isPresent()
                && model.mapProperty().get().region(old.code()).isEmpty())).as("the desk shows the new map, no restart").isTrue();
        assertThat(eventually(() -> row("8890-MODEL-MAP") != null && row("8890-MODEL-MAP").work().placeReview()))
                .as("the ticket is marked for its centre to place").isTrue();
        Ticket asked = ownDesk.core().tickets().get(waiting.id());
        Actor dispatcher = centre.dispatcherOf(asked, "u-town", "镇调度员");
        assertThat(model.toolsProperty().get().actions().available(asked, dispatcher)).first().isEqualTo(Action.PLACE);
        assertThat(model.toolsProperty().get().actions().grids().grid(renamed)).as("the desk's actions know the new grid").isPresent();
    }

    private static QueueItem row(String orderNo) {
        return model.queue().all().stream().filter(i -> i.shortText().contains("路灯") && seenOrder(i, orderNo)).findFirst()
                .orElse(null);
    }

    /// The row of the ticket the gateway made of this order (the trail's first event names it).
    private static boolean seenOrder(QueueItem item, String orderNo) {
        return ownDesk.core().tickets().get(item.id()).intake().externalId().equals(orderNo);
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            executor.drain(); // what the feed's and the map's threads handed to the UI thread
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        executor.drain();
        return condition.getAsBoolean();
    }
}
