package org.griddesk.desk.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.StatusBarViewModel;
import org.griddesk.desk.detail.TicketDetail;
import org.griddesk.dispatch.Action;
import org.griddesk.dispatch.DeskCommand;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.testsupport.CommandCentre;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.UiQueueExecutor;
import org.griddesk.ui.Language;
import org.griddesk.ui.Messages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// The desk's hands without a window: every drop target answers the [DeskCommand] a drop there
/// runs and its verdict (run, open the form, refused with a reason), what each role may do, and
/// Ctrl+Z taking back a dispatch once, within its window. On a real store with the demo district;
/// a hotline order about a street lamp in 咸水沽镇 is the ticket.
class DispatchingTest {
    @TempDir
    static Path dataDir;

    private static CommandCentre centre;
    private static CommandCentre.GatewayNode gateway;
    private static DeskModel model;
    private static Organisation organisation;
    private static int orders;
    private final List<String> said = new ArrayList<>();
    private final List<Boolean> offered = new ArrayList<>();
    private final List<Runnable> offers = new ArrayList<>();
    private final HandClock clock = new HandClock(Instant.parse("2026-11-26T02:00:00Z"), Duration.ZERO);
    private Dispatching dispatching;

    @BeforeAll
    static void openTheDesk() {
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(dataDir));
        gateway = centre.gateway();
        StatusBarViewModel status = new StatusBarViewModel(Messages.of(Language.ZH_CN), ShiftSchedule.defaultSchedule(),
                DatabaseKind.H2, "test");
        model = new DeskModel(new UiQueueExecutor(), Clock.systemUTC(), status, "JN");
        model.attach(centre.desk("own").core());
        model.loadDistrict();
        organisation = model.toolsProperty().get().organisation();
    }

    @AfterAll
    static void closeTheDesk() throws Exception {
        model.close();
        gateway.close();
        centre.close();
    }

    @BeforeEach
    void hands() {
        Notices recording = new Notices() {
            @Override
            public void say(String message, boolean failed) {
                said.add((failed ? "refused: " : "") + message);
                offered.add(false);
            }

            @Override
            public void sayWithOffer(String message, String offerText, Runnable action, javafx.util.Duration window) {
                said.add(message);
                offered.add(true);
                offers.add(action);
            }
        };
        dispatching = new Dispatching(Messages.of(Language.ZH_CN), model.userProperty(), model.detail(), model, clock, recording,
                () -> null);
        dispatching.useTools(model.toolsProperty().get().actions(), organisation);
    }

    @Test
    void everyDropTargetAnswersTheCommandItRunsAndWhetherItMay() {
        TicketDetail d = newOrder();
        String town = d.ticket().ownerUnitId();
        sitAs(Role.DISPATCHER, town);

        DeskCommand toOwnTeam = dispatching.onTeam(d, town + "-CG");
        assertThat(toOwnTeam).isInstanceOf(DeskCommand.AcceptAndDispatch.class);
        assertThat(((DeskCommand.AcceptAndDispatch) toOwnTeam).item().itemCode()).as("路灯, guessed from the text").isEqualTo("07-01-001");
        assertThat(dispatching.verdict(toOwnTeam)).isEqualTo(Dispatching.Verdict.RUN);
        assertThat(dispatching.refusal(toOwnTeam)).isNull();

        DeskCommand toDistrictDepartment = dispatching.onTeam(d, districtDepartment().id());
        assertThat(dispatching.verdict(toDistrictDepartment)).isEqualTo(Dispatching.Verdict.REFUSED);
        assertThat(dispatching.refusal(toDistrictDepartment)).contains("本级");

        TicketDetail noItem = withText(d, "今天天气很好");
        assertThat(dispatching.verdict(dispatching.onTeam(noItem, town + "-CG"))).as("the item is asked in the form")
                .isEqualTo(Dispatching.Verdict.FORM);

        Optional<DeskCommand> ownGrid = dispatching.onGrid(d, town);
        assertThat(ownGrid).get().extracting(c -> ((DeskCommand.AcceptAndDispatch) c).teamId()).isEqualTo(town + "-CG");
        assertThat(dispatching.verdict(ownGrid.orElseThrow())).isEqualTo(Dispatching.Verdict.RUN);
        assertThat(dispatching.onGrid(d, otherTown(town).id())).as("another town's grid").isEmpty();

        assertThat(dispatching.verdict(dispatching.onWhistle(d, null))).as("no whistle before it is accepted")
                .isEqualTo(Dispatching.Verdict.REFUSED);
        dispatching.perform(dispatching.command(d, Action.ACCEPT, dispatching.defaults(d, Action.ACCEPT)));
        TicketDetail accepted = read(d);
        assertThat(accepted.ticket().state()).isEqualTo(TicketState.ACCEPTED);
        DeskCommand zone = dispatching.onWhistle(accepted, null);
        assertThat(dispatching.verdict(zone)).as("the zone: choose departments in the form").isEqualTo(Dispatching.Verdict.FORM);
        DeskCommand toDepartment = dispatching.onWhistle(accepted, districtDepartment().id());
        assertThat(toDepartment).isEqualTo(new DeskCommand.Whistle(accepted.ticket(), List.of(districtDepartment().id())));
        assertThat(dispatching.verdict(toDepartment)).isEqualTo(Dispatching.Verdict.RUN);
    }

    @Test
    void whatTheDeskOffersFollowsWhoSitsThere() {
        TicketDetail d = newOrder();
        String town = d.ticket().ownerUnitId();

        sitAs(Role.DISPATCHER, town);
        assertThat(dispatching.available(d)).startsWith(Action.ACCEPT_AND_DISPATCH).contains(Action.REJECT, Action.MERGE);
        sitAs(Role.SUPERVISOR, town);
        assertThat(dispatching.available(d)).startsWith(Action.ACCEPT_AND_DISPATCH);
        sitAs(Role.DISPATCHER, "JN");
        assertThat(dispatching.available(d)).as("the district sees a town's ticket but does not work it").isEmpty();
        sitAs(Role.HANDLER, town + "-CG");
        assertThat(dispatching.available(d)).as("a team before the ticket is dispatched to it").isEmpty();
    }

    @Test
    void aDispatchIsTakenBackOnceAndOnlyWithinItsWindow() {
        TicketDetail d = newOrder();
        String town = d.ticket().ownerUnitId();
        sitAs(Role.DISPATCHER, town);

        dispatching.drop(d, dispatching.onTeam(d, town + "-CG"));
        assertThat(read(d).ticket().state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(offered.getLast()).as("撤销 offered").isTrue();

        assertThat(dispatching.undo()).isTrue();
        assertThat(read(d).ticket().state()).isEqualTo(TicketState.ACCEPTED);
        assertThat(read(d).ticket().assignedTeamId()).isNull();
        assertThat(dispatching.undo()).as("nothing more to take back").isFalse();

        TicketDetail again = read(d);
        dispatching.drop(again, dispatching.onTeam(again, town + "-CG"));
        assertThat(read(d).ticket().state()).isEqualTo(TicketState.DISPATCHED);
        clock.advance(CommandHistory.WINDOW.plusSeconds(1));
        assertThat(dispatching.undo()).as("too late").isFalse();
        assertThat(read(d).ticket().state()).isEqualTo(TicketState.DISPATCHED);
    }

    @Test
    void theNoticesOfferTakesBackItsOwnDispatchNotTheNewest() {
        TicketDetail first = newOrder();
        TicketDetail second = newOrder();
        String town = first.ticket().ownerUnitId();
        sitAs(Role.DISPATCHER, town);
        dispatching.drop(first, dispatching.onTeam(first, town + "-CG"));
        Runnable firstOffer = offers.getLast();
        dispatching.drop(second, dispatching.onTeam(second, town + "-CG"));
        Runnable secondOffer = offers.getLast();

        firstOffer.run(); // 撤销 on the first notice, after the second dispatch
        assertThat(read(first).ticket().state()).isEqualTo(TicketState.ACCEPTED);
        assertThat(read(second).ticket().state()).as("the newest is not what that notice offered").isEqualTo(TicketState.DISPATCHED);

        assertThat(dispatching.undo()).as("Ctrl+Z: the second").isTrue();
        assertThat(read(second).ticket().state()).isEqualTo(TicketState.ACCEPTED);
        secondOffer.run(); // its offer, still counting down, has nothing left to take back
        assertThat(read(second).ticket().state()).isEqualTo(TicketState.ACCEPTED);
        assertThat(read(first).ticket().state()).isEqualTo(TicketState.ACCEPTED);
    }

    @Test
    void aRefusedDropSaysWhyAndChangesNothing() {
        TicketDetail d = newOrder();
        sitAs(Role.DISPATCHER, d.ticket().ownerUnitId());

        dispatching.drop(d, dispatching.onTeam(d, districtDepartment().id()));

        assertThat(said.getLast()).startsWith("refused: ").contains("本级");
        assertThat(read(d).ticket().version()).isEqualTo(d.ticket().version());
    }

    @Test
    void aCommandOnATicketChangedSinceIsRefusedNamingWhoChangedIt() {
        TicketDetail d = newOrder();
        sitAs(Role.DISPATCHER, d.ticket().ownerUnitId());
        dispatching.perform(dispatching.command(d, Action.ACCEPT, dispatching.defaults(d, Action.ACCEPT)));

        dispatching.perform(dispatching.onTeam(d, d.ticket().ownerUnitId() + "-CG")); // as seen before the accept

        assertThat(said.getLast()).startsWith("refused: ").contains("演示调度员").contains("已受理");
        assertThat(read(d).ticket().state()).isEqualTo(TicketState.ACCEPTED);
    }

    // ---- helpers

    /// A new hotline order from a point in a grid of 咸水沽镇 (so that the town's centre owns it),
    /// through the gateway, read as the detail pane reads it.
    private static TicketDetail newOrder() {
        String orderNo = "8890-HANDS-" + ++orders;
        var inside = model.mapProperty().get().region("XSG-001-02").orElseThrow().mainPart().getInteriorPoint();
        String order = """
                {"orderNo":"%s","receivedAt":"%s","caller":{"phone":"1391234560%d"},"content":"小区门口路灯不亮三天了",
                 "point":{"lon":%s,"lat":%s}}""".formatted(orderNo, OffsetDateTime.now(), orders % 10, inside.getX(), inside.getY());
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + gateway.port() + "/api/v1/hotline/orders"))
                    .header("Content-Type", "application/json").header("X-Api-Key", centre.hotlineKey())
                    .POST(HttpRequest.BodyPublishers.ofString(order)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("the gateway did not answer", e);
        }
        long id = centre.waitingTickets(500).stream().filter(t -> orderNo.equals(ticket(t).intake().externalId()))
                .findFirst().orElseThrow();
        TicketDetail d = read(id);
        assertThat(d.ticket().ownerUnitId()).as("the town's centre owns it").isEqualTo("XSG");
        return d;
    }

    private static Ticket ticket(long id) {
        return read(id).ticket();
    }

    private static TicketDetail read(TicketDetail d) {
        return read(d.ticket().id());
    }

    private static TicketDetail read(long id) {
        List<TicketDetail> read = new ArrayList<>();
        model.detail().read(id, read::add);
        return read.getFirst();
    }

    private static void sitAs(Role role, String unitId) {
        model.userProperty().set(new DeskUser(role, organisation.unit(unitId).orElseThrow()));
    }

    private static Unit districtDepartment() {
        return model.toolsProperty().get().actions().responsibility().teamsOf("JN").getFirst();
    }

    private static Unit otherTown(String town) {
        return organisation.units().stream().filter(u -> u.isCentre() && !u.id().equals(town) && "JN".equals(u.parentId()))
                .findFirst().orElseThrow();
    }

    /// The same ticket with other words (what the rules see when they guess its item).
    private static TicketDetail withText(TicketDetail d, String text) {
        Ticket t = d.ticket();
        Intake i = t.intake();
        Intake other = new Intake(i.channel(), i.externalId(), text, i.gridCode(), i.reportedAt(), i.caller(), i.place(), i.photos());
        Ticket changed = new Ticket(t.id(), t.code(), other, t.state(), t.ownerUnitId(), t.acceptingUnitId(), t.watchingUnitIds(),
                t.assignedTeamId(), t.deadline(), t.milestones(), t.tally(), t.whistles(), t.extensions(), t.callbacks(),
                t.masterId(), t.transfer(), t.placeReview(), t.round(), t.version());
        return new TicketDetail(changed, d.trail(), d.intake(), d.duplicates(), d.alarms(), d.timings(), d.itemName(), d.place(),
                d.unitNames(), d.callerCalls());
    }
}
