package org.griddesk.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.taxonomy.TaxonomyCsv;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketActionsTest {
    /// 流动摊贩占道: the catalogue gives it to the town's 城管中队 (CG), the district's 城管委 (CGW)
    private static final String STALLS = "04-03-001";

    @TempDir
    Path temp;

    private Database db;
    private TicketService service;
    private TicketActions actions;
    private final Clock clock = Clock.fixed(shanghai("2026-11-23T09:30"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        db = TestDatabases.freshMigrated(DatabaseKind.H2, temp);
        service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
        Responsibility catalogue = new Responsibility(LifecycleFixture.ORGANISATION, TaxonomyCsv.demo(), List.of(
                new Team(LifecycleFixture.XSG_CITY_MGMT, "CG"), new Team(LifecycleFixture.XSG_SAFETY, "AJ"),
                new Team(LifecycleFixture.DISTRICT_CITY_MGMT, "CGW"), new Team(LifecycleFixture.DISTRICT_WATER, "SW")));
        actions = new TicketActions(LifecycleFixture.lifecycle(), service, new TicketRepository(db.dsl()), catalogue,
                TaxonomyCsv.demo(), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Ticket reported(String external) {
        return service.report(hotlineRequest(external, clock.instant()), "JN-XSG", HOTLINE).after();
    }

    @Test
    void aNewTicketIsAcceptedAndDispatchedToTheCataloguesTeamInOneAction() {
        Ticket t = reported("8890-1");
        assertThat(actions.available(t, XSG_DISPATCHER)).contains(Action.ACCEPT_AND_DISPATCH, Action.ACCEPT, Action.REJECT,
                Action.MERGE).doesNotContain(Action.DISPATCH, Action.URGE, Action.SIGN, Action.APPROVE_EXTENSION);
        ActionInput form = actions.defaults(t, Action.ACCEPT_AND_DISPATCH, STALLS, false);
        assertThat(form.teamId()).isEqualTo("JN-XSG-CG");
        assertThat(actions.check(t, Action.ACCEPT_AND_DISPATCH, form, XSG_DISPATCHER).allowed()).isTrue();

        TicketActions.Outcome done = actions.run(actions.command(t, Action.ACCEPT_AND_DISPATCH, form), XSG_DISPATCHER);
        assertThat(done.ok()).isTrue();
        assertThat(done.done()).hasSize(2);
        assertThat(done.ticket().state()).isEqualTo(TicketState.DISPATCHED);
        assertThat(done.ticket().assignedTeamId()).isEqualTo("JN-XSG-CG");
        assertThat(done.ticket().deadline().itemCode()).isEqualTo(STALLS);
        assertThat(new TicketRepository(db.dsl()).trail(t.id())).extracting(e -> e.actorId())
                .containsExactly("ch-8890", "u-xsg-01", "u-xsg-01");
    }

    @Test
    void aHotlineOrderWithoutAnItemGetsOneGuessedFromItsText() {
        Ticket t = reported("8890-8"); // 津沽路与丰泽道交口井盖缺失，夜间有行人跌倒风险
        ActionInput form = actions.defaults(t, Action.ACCEPT_AND_DISPATCH, null, false);
        assertThat(form.itemCode()).isEqualTo("06-03-002"); // 井盖缺失, urgent by the catalogue
        assertThat(form.policy().workingDays()).isEqualTo(2);
        assertThat(form.teamId()).isEqualTo("JN-XSG-CG");
        assertThat(new ItemGuess(actions.items()).guess("今天天气很好")).isEmpty();
        assertThat(new ItemGuess(actions.items()).guess("小区门口路灯不亮好几天了")).map(i -> i.code()).contains("07-01-001");
    }

    @Test
    void anUrgentRequestIsAcceptedAsUrgentWhateverItsItemSays() {
        Ticket t = reported("8890-2");
        assertThat(actions.defaults(t, Action.ACCEPT, STALLS, true).policy().workingDays()).isEqualTo(2);
        assertThat(actions.defaults(t, Action.ACCEPT, STALLS, false).policy().workingDays()).isEqualTo(7);
    }

    @Test
    void theFormSaysWhatIsMissingAndWhatIsNotAllowedAsItIsFilled() {
        Ticket t = reported("8890-3");
        var empty = actions.check(t, Action.REJECT, ActionInput.EMPTY, XSG_DISPATCHER);
        assertThat(empty.verdict()).isEqualTo(TicketActions.Check.Verdict.NEEDS_INPUT);
        assertThat(empty.message(Locale.SIMPLIFIED_CHINESE)).contains("必须填写原因");
        assertThat(actions.check(t, Action.REJECT, ActionInput.EMPTY.withText("重复来电，内容不实"), XSG_DISPATCHER).allowed()).isTrue();

        var otherCentre = actions.check(t, Action.ACCEPT, actions.defaults(t, Action.ACCEPT, STALLS, false), JN_DISPATCHER);
        assertThat(otherCentre.verdict()).isEqualTo(TicketActions.Check.Verdict.REFUSED);
        assertThat(otherCentre.message(Locale.SIMPLIFIED_CHINESE)).contains("咸水沽镇网格化管理中心");
        assertThat(actions.available(t, JN_DISPATCHER)).as("the district sees a town's ticket but does not work it").isEmpty();

        var wrongTeam = actions.check(t, Action.ACCEPT_AND_DISPATCH,
                actions.defaults(t, Action.ACCEPT_AND_DISPATCH, STALLS, false).withTeam("JN-CGW"), XSG_DISPATCHER);
        assertThat(wrongTeam.verdict()).isEqualTo(TicketActions.Check.Verdict.NEEDS_INPUT);
        assertThat(wrongTeam.message(Locale.SIMPLIFIED_CHINESE)).contains("只能派给本级处置队伍");
    }

    @Test
    void aDispatchIsTakenBackByItsUndoUntilTheTeamSigns() {
        Ticket t = reported("8890-4");
        DeskCommand dispatch = actions.command(t, Action.ACCEPT_AND_DISPATCH, actions.defaults(t, Action.ACCEPT_AND_DISPATCH, STALLS, false));
        Ticket dispatched = actions.run(dispatch, XSG_DISPATCHER).ticket();
        assertThat(actions.available(dispatched, XSG_DISPATCHER)).contains(Action.WITHDRAW_DISPATCH, Action.WHISTLE);
        assertThat(actions.available(dispatched, XSG_CG_HANDLER)).contains(Action.SIGN, Action.RETURN, Action.REQUEST_EXTENSION)
                .doesNotContain(Action.WITHDRAW_DISPATCH);

        DeskCommand undo = dispatch.undo(dispatched).orElseThrow();
        assertThat(undo).isInstanceOf(DeskCommand.WithdrawDispatch.class);
        assertThat(actions.check(undo, XSG_DISPATCHER).allowed()).isTrue();
        var back = actions.run(undo, XSG_DISPATCHER);
        assertThat(back.ok()).isTrue();
        assertThat(back.ticket().state()).isEqualTo(TicketState.ACCEPTED);
        assertThat(back.ticket().assignedTeamId()).isNull();
    }

    @Test
    void anUndoAfterTheTeamSignedChangesNothingAndSaysWhoSigned() {
        Ticket t = reported("8890-9");
        DeskCommand dispatch = actions.command(t, Action.ACCEPT_AND_DISPATCH, actions.defaults(t, Action.ACCEPT_AND_DISPATCH, STALLS, false));
        Ticket dispatched = actions.run(dispatch, XSG_DISPATCHER).ticket();
        assertThat(actions.run(actions.command(dispatched, Action.SIGN, ActionInput.EMPTY), XSG_CG_HANDLER).ok()).isTrue();

        var late = actions.run(dispatch.undo(dispatched).orElseThrow(), XSG_DISPATCHER);
        assertThat(late.ok()).isFalse();
        assertThat(late.failure()).isInstanceOf(StaleTicketException.class);
        assertThat(late.ticket().state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(late.message(Locale.SIMPLIFIED_CHINESE)).contains(XSG_CG_HANDLER.name());
    }

    @Test
    void onlyDispatchesCanBeTakenBack() {
        Ticket t = reported("8890-10");
        for (Action a : Action.values()) {
            DeskCommand command = actions.command(t, a, actions.defaults(t, a, STALLS, false).withText("说明"));
            assertThat(command.action()).isEqualTo(a);
            assertThat(command.undo(t).isPresent()).as(a.name())
                    .isEqualTo(a == Action.ACCEPT_AND_DISPATCH || a == Action.DISPATCH);
        }
    }

    @Test
    void aStaleFormChangesNothingAndNamesWhoChangedTheTicket() {
        Ticket t = reported("8890-5");
        ActionInput form = actions.defaults(t, Action.ACCEPT_AND_DISPATCH, STALLS, false);
        actions.run(actions.command(t, Action.ACCEPT, form), XSG_SUPERVISOR);

        TicketActions.Outcome late = actions.run(actions.command(t, Action.ACCEPT_AND_DISPATCH, form), XSG_DISPATCHER);
        assertThat(late.ok()).isFalse();
        assertThat(late.done()).isEmpty();
        assertThat(late.message(Locale.SIMPLIFIED_CHINESE)).contains("李值班长").contains("已受理");
        assertThat(late.ticket().state()).as("the user sees the new state").isEqualTo(TicketState.ACCEPTED);
        assertThat(late.ticket().assignedTeamId()).isNull();
    }

    @Test
    void aMergeReadsItsMasterWhenItRuns() {
        Ticket master = reported("8890-6");
        Ticket duplicate = reported("8890-7");
        var missing = actions.run(actions.command(duplicate, Action.MERGE, ActionInput.EMPTY.withMaster("2611-9999")), XSG_DISPATCHER);
        assertThat(missing.ok()).isFalse();
        var merged = actions.run(actions.command(duplicate, Action.MERGE, ActionInput.EMPTY.withMaster(master.code())), XSG_DISPATCHER);
        assertThat(merged.ok()).isTrue();
        assertThat(merged.ticket().state()).isEqualTo(TicketState.MERGED);
        assertThat(merged.ticket().masterId()).isEqualTo(master.id());
    }
}
