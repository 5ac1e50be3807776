package org.griddesk.store.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketCommand.Accept;
import org.griddesk.domain.ticket.TicketCommand.CallBack;
import org.griddesk.domain.ticket.TicketCommand.Dispatch;
import org.griddesk.domain.ticket.TicketCommand.ReportHandled;
import org.griddesk.domain.ticket.TicketCommand.Sign;
import org.griddesk.domain.ticket.TicketCommand.VerifyPass;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.griddesk.testsupport.DocumentedPermissions;
import org.griddesk.testsupport.HandClock;
import org.griddesk.testsupport.LifecycleFixture;
import org.griddesk.testsupport.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/// Every role × every ticket action, through the service that writes tickets: a person of each role,
/// standing in the unit the action needs (the owning centre, or the team working the ticket), does
/// each action on a ticket brought to where the action is possible. What goes through and what is
/// refused for the role must be exactly the table docs/security.md prints ([DocumentedPermissions],
/// read from the file, not from the code's [org.griddesk.domain.org.Permissions]); a refusal for the role writes nothing.
class TicketPermissionMatrixTest {
    private static final String CENTRE = "JN-XSG";
    private static final String TEAM = "JN-XSG-CG";
    private static final String DEPARTMENT = "JN-CGW";

    @TempDir
    Path temp;

    private final HandClock clock = new HandClock(shanghai("2026-11-23T09:00"), Duration.ofMinutes(7));
    private TicketService service;
    private int externalIds;

    /// How each action is reached: the steps before it (by the fixture's people) and the action itself.
    /// `centreForStaff`: the centre a person who is not a handler acts for
    private record Scenario(Function<TicketPermissionMatrixTest, Ticket> before, Function<Ticket, TicketCommand> action,
                            String teamForHandler, String centreForStaff) {
        Scenario(Function<TicketPermissionMatrixTest, Ticket> before, Function<Ticket, TicketCommand> action, String teamForHandler) {
            this(before, action, teamForHandler, CENTRE);
        }
    }

    private final Map<Permission, Scenario> scenarios = new EnumMap<>(Permission.class);

    {
        scenarios.put(Permission.TICKET_ACCEPT, new Scenario(TicketPermissionMatrixTest::reported,
                t -> new Accept("05-03-012", DeadlinePolicy.general(), false), TEAM));
        scenarios.put(Permission.TICKET_REJECT, new Scenario(TicketPermissionMatrixTest::reported,
                t -> new TicketCommand.RejectInvalid("骚扰电话"), TEAM));
        scenarios.put(Permission.TICKET_ANSWER, new Scenario(m -> m.then(m.reported(),
                new Accept("03-01-001", DeadlinePolicy.general(), true), XSG_DISPATCHER), t -> new TicketCommand.Answer("请到便民服务中心办理"), TEAM));
        scenarios.put(Permission.TICKET_DISPATCH, new Scenario(TicketPermissionMatrixTest::accepted, t -> new Dispatch(TEAM), TEAM));
        scenarios.put(Permission.TICKET_WITHDRAW_DISPATCH, new Scenario(TicketPermissionMatrixTest::dispatched,
                t -> new TicketCommand.WithdrawDispatch(), TEAM));
        scenarios.put(Permission.TICKET_MERGE, new Scenario(TicketPermissionMatrixTest::reported,
                t -> new TicketCommand.Merge(reportedMaster()), TEAM));
        scenarios.put(Permission.TICKET_WHISTLE, new Scenario(TicketPermissionMatrixTest::accepted,
                t -> new TicketCommand.Whistle(List.of(DEPARTMENT)), TEAM));
        scenarios.put(Permission.TICKET_VERIFY, new Scenario(TicketPermissionMatrixTest::handled,
                t -> new VerifyPass("现场核实"), TEAM));
        scenarios.put(Permission.TICKET_SITE_CHECK, new Scenario(TicketPermissionMatrixTest::handled,
                t -> new TicketCommand.SiteCheck(false, "井盖仍松动"), TEAM));
        scenarios.put(Permission.TICKET_CALL_BACK, new Scenario(TicketPermissionMatrixTest::verified,
                t -> new CallBack(CallbackResult.SATISFIED, "满意"), TEAM));
        scenarios.put(Permission.TICKET_CLOSE, new Scenario(m -> m.calledBack(CallbackResult.SATISFIED),
                t -> new TicketCommand.Close(null), TEAM));
        scenarios.put(Permission.TICKET_CLOSE_DISSATISFIED, new Scenario(m -> m.calledBack(CallbackResult.DISSATISFIED),
                t -> new TicketCommand.Close("经研判已按政策答复"), TEAM));
        scenarios.put(Permission.TICKET_REOPEN, new Scenario(m -> m.calledBack(CallbackResult.DISSATISFIED),
                t -> new TicketCommand.Reopen("群众不满意，重新办理"), TEAM));
        scenarios.put(Permission.TICKET_REOPEN_CLOSED, new Scenario(m -> m.then(m.calledBack(CallbackResult.SATISFIED),
                new TicketCommand.Close(null), XSG_DISPATCHER), t -> new TicketCommand.Reopen("群众再次反映"), TEAM));
        scenarios.put(Permission.TICKET_CONTACT_CITIZEN, new Scenario(TicketPermissionMatrixTest::inProgress,
                t -> new TicketCommand.ContactCitizen("已电话联系"), TEAM));
        scenarios.put(Permission.TICKET_REQUEST_EXTENSION, new Scenario(TicketPermissionMatrixTest::inProgress,
                t -> new TicketCommand.RequestExtension(2, "需协调产权单位"), TEAM));
        scenarios.put(Permission.TICKET_DECIDE_EXTENSION, new Scenario(m -> m.then(m.inProgress(),
                new TicketCommand.RequestExtension(2, "需协调产权单位"), XSG_CG_HANDLER),
                t -> new TicketCommand.ApproveExtension(true, "同意"), TEAM));
        scenarios.put(Permission.TICKET_ESCALATE, new Scenario(TicketPermissionMatrixTest::accepted,
                t -> new TicketCommand.Escalate("跨镇街问题，本级无法解决"), TEAM));
        scenarios.put(Permission.TICKET_URGE, new Scenario(TicketPermissionMatrixTest::accepted,
                t -> new TicketCommand.Urge("请加快办理"), TEAM));
        scenarios.put(Permission.TICKET_SIGN, new Scenario(TicketPermissionMatrixTest::dispatched, t -> new Sign(), TEAM));
        scenarios.put(Permission.TICKET_RETURN, new Scenario(TicketPermissionMatrixTest::dispatched,
                t -> new TicketCommand.Return("非本队职责"), TEAM));
        scenarios.put(Permission.TICKET_REPORT_HANDLED, new Scenario(TicketPermissionMatrixTest::inProgress,
                t -> new ReportHandled("已处置", List.of()), TEAM));
        scenarios.put(Permission.TICKET_CHECK_IN, new Scenario(m -> m.then(m.accepted(),
                new TicketCommand.Whistle(List.of(DEPARTMENT)), XSG_DISPATCHER), t -> new TicketCommand.CheckIn(), DEPARTMENT));
        scenarios.put(Permission.TICKET_FOLD_ALARM, new Scenario(TicketPermissionMatrixTest::reportedByAnAlarm,
                t -> new TicketCommand.FoldAlarm(new VideoAlarm("VA-" + (++externalIds), "JN-GQ-00041", "占道经营", 0.9,
                        clock.now(), null)), TEAM));
        scenarios.put(Permission.TICKET_PLACE, new Scenario(TicketPermissionMatrixTest::reported,
                t -> new TicketCommand.PlaceOnGrid("XSG-012-04", CENTRE), TEAM));
        scenarios.put(Permission.TICKET_TRANSFER, new Scenario(TicketPermissionMatrixTest::reported,
                t -> new TicketCommand.Transfer("JN-GG", "属葛沽镇管辖"), TEAM));
        scenarios.put(Permission.TICKET_TRANSFER_DECIDE, new Scenario(m -> m.then(m.reported(),
                new TicketCommand.Transfer("JN-GG", "属葛沽镇管辖"), XSG_DISPATCHER), t -> new TicketCommand.AcceptTransfer(null),
                "JN-GG-CG", "JN-GG"));
        scenarios.put(Permission.TICKET_REFER_CITY, new Scenario(m -> m.then(m.service.report(hotlineRequest("8890-" + (++m.externalIds),
                m.clock.now()), "JN", HOTLINE).after(), new Accept("05-03-012", DeadlinePolicy.general(), false), JN_DISPATCHER),
                t -> new TicketCommand.ReferToCity("需市级协调", null), "JN-CGW", "JN"));
    }

    /// the actions refused so far in this run (each must leave an audit record)
    private int refusedActs;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void everyRoleMayDoExactlyTheTicketActionsTheTableGivesIt(DatabaseKind kind) {
        refusedActs = 0;
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            TicketRepository tickets = new TicketRepository(db.dsl());
            List<String> mismatches = new ArrayList<>();
            Map<Role, Set<Permission>> done = new EnumMap<>(Role.class);
            Map<Role, Set<Permission>> documented = DocumentedPermissions.table();
            for (Role role : Role.values()) {
                done.put(role, EnumSet.noneOf(Permission.class));
                for (Permission permission : ticketPermissions()) {
                    boolean went = permission == Permission.TICKET_REPORT ? report(role) : act(role, permission, tickets, mismatches);
                    if (went) {
                        done.get(role).add(permission);
                    }
                    if (went != documented.get(role).contains(permission)) {
                        mismatches.add(role + " × " + permission + ": " + (went ? "went through" : "refused"));
                    }
                }
            }
            assertThat(mismatches).isEmpty();
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log").where("action = 'TICKET_ACTION_REFUSED'")))
                    .as("every attempt outside the role is in the audit log").isEqualTo(refusedActs).isPositive();
            for (Role role : Role.values()) {
                Set<Permission> table = EnumSet.copyOf(ticketPermissions());
                table.retainAll(documented.get(role));
                assertThat(done.get(role)).as(role.name()).isEqualTo(table);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aHandlerActingOnAnotherTeamsTicketIsRefusedInWordsWritesNothingAndIsAudited(DatabaseKind kind) {
        try (Database db = TestDatabases.freshMigrated(kind, temp)) {
            service = new TicketService(db.dsl(), LifecycleFixture.lifecycle(), clock);
            Ticket dispatched = dispatched(); // to the town's city-management team
            Actor otherTeam = person(Role.HANDLER, "JN-XSG-AJ");

            assertThatThrownBy(() -> service.execute(dispatched, new Sign(), otherTeam))
                    .isInstanceOfSatisfying(TransitionRefused.class, refused -> {
                        assertThat(refused.key()).isEqualTo("refusal.notAssignedTeam");
                        assertThat(refused.message(java.util.Locale.CHINA)).contains("咸水沽镇城管中队");
                    });
            assertThat(new TicketRepository(db.dsl()).get(dispatched.id()).version()).isEqualTo(dispatched.version());
            var audited = db.dsl().fetch("SELECT actor_id, target, outcome, detail FROM audit_log WHERE action = 'TICKET_ACTION_REFUSED'");
            assertThat(audited).hasSize(1);
            assertThat(audited.getValues(0, String.class)).containsExactly(otherTeam.id());
            assertThat(audited.getValues(1, String.class)).containsExactly(dispatched.code());
            assertThat(audited.getValues(2, String.class)).containsExactly("REFUSED");
            assertThat(audited.getValues(3, String.class).getFirst()).startsWith("Sign: refusal.notAssignedTeam");
        }
    }

    private static Set<Permission> ticketPermissions() {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (p.name().startsWith("TICKET_")) {
                all.add(p);
            }
        }
        return all;
    }

    private boolean report(Role role) {
        try {
            service.report(hotlineRequest("8890-R" + (++externalIds), clock.now()), CENTRE, person(role, CENTRE));
            return true;
        } catch (TransitionRefused refused) {
            assertThat(refused.key()).isEqualTo("refusal.role");
            return false;
        }
    }

    private boolean act(Role role, Permission permission, TicketRepository tickets, List<String> mismatches) {
        Scenario scenario = scenarios.get(permission);
        assertThat(scenario).as("a scenario for " + permission).isNotNull();
        Ticket before = scenario.before().apply(this);
        Actor actor = person(role, role == Role.HANDLER ? scenario.teamForHandler() : scenario.centreForStaff());
        try {
            service.execute(before, scenario.action().apply(before), actor);
            return true;
        } catch (TransitionRefused refused) {
            refusedActs++;
            if (!refused.key().equals("refusal.role")) {
                mismatches.add(role + " × " + permission + ": refused for another reason, " + refused.key());
            }
            assertThat(tickets.get(before.id()).version()).as("a refusal writes nothing").isEqualTo(before.version());
            return false;
        }
    }

    /// Someone of `role` in `unitId` (the fixture's organisation).
    private static Actor person(Role role, String unitId) {
        Unit unit = LifecycleFixture.ORGANISATION.unit(unitId).orElseThrow();
        return new Actor("u-" + role.name().toLowerCase() + "-" + unitId, "测试" + role.name(), role, unit);
    }

    private Ticket then(Ticket ticket, TicketCommand command, Actor actor) {
        return service.execute(ticket, command, actor).after();
    }

    private Ticket reported() {
        return service.report(hotlineRequest("8890-" + (++externalIds), clock.now()), CENTRE, HOTLINE).after();
    }

    private Ticket reportedMaster() {
        return reported();
    }

    private Ticket reportedByAnAlarm() {
        Actor video = new Actor("CH-VIDEO", "雪亮工程", Role.CHANNEL, LifecycleFixture.XIANSHUIGU);
        Ticket t = service.report(new Intake(Channel.VIDEO, "VA-" + (++externalIds), "视频告警：占道经营", "XSG-012-03",
                clock.now()), CENTRE, video).after();
        return then(t, new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
    }

    private Ticket accepted() {
        return then(reported(), new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
    }

    private Ticket dispatched() {
        return then(accepted(), new Dispatch(TEAM), XSG_DISPATCHER);
    }

    private Ticket inProgress() {
        return then(dispatched(), new Sign(), XSG_CG_HANDLER);
    }

    private Ticket handled() {
        return then(inProgress(), new ReportHandled("已补装井盖", List.of()), XSG_CG_HANDLER);
    }

    private Ticket verified() {
        return then(handled(), new VerifyPass("核实通过"), XSG_SUPERVISOR);
    }

    private Ticket calledBack(CallbackResult result) {
        return then(verified(), new CallBack(result, "回访"), XSG_DISPATCHER);
    }
}
