package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.GG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.JN_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.griddesk.domain.org.Actor;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/// 定位, 移交 and 报请市级: who may, in which state, and what the ticket looks like after.
class PlacingAndTransferTest {
    private static final Instant MONDAY_9 = shanghai("2026-11-23T09:00");

    private final TicketLifecycle lifecycle = LifecycleFixture.lifecycle();
    private Instant now = MONDAY_9;
    private Ticket ticket;
    private final List<RecordedEvent> trail = new ArrayList<>();

    private void report(String gridCode, String centre) {
        Intake intake = new Intake(Channel.HOTLINE_8890, "8890-7", "小区门口路灯不亮，地址说不清", gridCode, MONDAY_9);
        Transition t = lifecycle.report(7, "2611-0007", intake, centre, HOTLINE, MONDAY_9);
        ticket = t.after();
        trail.add(t.toRecord());
    }

    private Ticket run(TicketCommand command, Actor actor) {
        now = now.plus(Duration.ofMinutes(10));
        Transition t = lifecycle.execute(ticket, command, actor, now);
        trail.add(t.toRecord());
        ticket = t.after();
        return ticket;
    }

    private void refused(TicketCommand command, Actor actor, String key) {
        Ticket before = ticket;
        assertThatThrownBy(() -> lifecycle.execute(ticket, command, actor, now))
                .isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.key()).isEqualTo(key));
        assertThat(ticket).isSameAs(before);
    }

    private void replayEqualsTicket() {
        assertThat(TicketEvolution.replay(ticket.id(), ticket.code(), trail)).isEqualTo(ticket);
    }

    @Nested
    class Placing {
        @Test
        void anUnplacedTicketPlacedOnAGridGoesToThatGridsTownCentre() {
            report(null, "JN");

            run(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), JN_DISPATCHER);

            assertThat(ticket.intake().gridCode()).isEqualTo("XSG-012-03");
            assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(ticket.state()).isEqualTo(TicketState.REPORTED);
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.Placed("XSG-012-03", null, "JN", "JN-XSG"));
            replayEqualsTicket();
        }

        @Test
        void thePlacedTownCentreAcceptsAndDispatchesItAsAnyOther() {
            report(null, "JN");
            run(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), JN_DISPATCHER);

            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            run(new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);

            assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);
            refused(new TicketCommand.PlaceOnGrid("XSG-012-04", "JN-XSG"), JN_DISPATCHER, "refusal.notOwner");
        }

        @Test
        void anAcceptedTicketsGridIsCorrectedWithinItsCentreAndItsOwnerStays() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);

            run(new TicketCommand.PlaceOnGrid("XSG-012-04", "JN-XSG"), XSG_DISPATCHER);

            assertThat(ticket.intake().gridCode()).isEqualTo("XSG-012-04");
            assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.Placed("XSG-012-04", "XSG-012-03", "JN-XSG", "JN-XSG"));
            replayEqualsTicket();
        }

        @Test
        void aTownCentreCannotMoveItsTicketIntoAnotherTownByPlacingIt() {
            report("XSG-012-03", "JN-XSG");

            refused(new TicketCommand.PlaceOnGrid("GG-001-01", "JN-GG"), XSG_DISPATCHER, "refusal.gridNotOurs");
        }

        @Test
        void placingIsRefusedWithoutPermissionOutsideTheOwnerOrInTheWrongState() {
            report(null, "JN");
            refused(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), XSG_CG_HANDLER, "refusal.role");
            refused(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), XSG_DISPATCHER, "refusal.notOwner");
            refused(new TicketCommand.PlaceOnGrid("", null), JN_DISPATCHER, "refusal.gridRequired");
            refused(new TicketCommand.PlaceOnGrid("NOWHERE-1", null), JN_DISPATCHER, "refusal.unknownGrid");

            run(new TicketCommand.RejectInvalid("重复来电，无具体内容"), JN_DISPATCHER);
            refused(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), JN_DISPATCHER, "refusal.state");
        }

        @Test
        void placingAHandledTicketIsRefused() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            run(new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            run(new TicketCommand.Sign(), XSG_CG_HANDLER);
            run(new TicketCommand.ReportHandled("已更换灯泡", List.of()), XSG_CG_HANDLER);

            refused(new TicketCommand.PlaceOnGrid("XSG-012-04", "JN-XSG"), XSG_DISPATCHER, "refusal.state");
        }

        @Test
        void placingOnTheGridItIsInAlreadyIsRefused() {
            report("XSG-012-03", "JN-XSG");
            refused(new TicketCommand.PlaceOnGrid("XSG-012-03", "JN-XSG"), XSG_DISPATCHER, "refusal.samePlace");
        }
    }

    /// A new map places tickets again (the system administrator's import, never a dispatcher) or asks
    /// the owning centre (复核定位), which confirms or places.
    @Nested
    class NewMap {
        private static final Actor MAP = new Actor("MAP-7", "地图更新", org.griddesk.domain.org.Role.SYSTEM_ADMIN,
                LifecycleFixture.JN_DISPATCHER.unit());

        @Test
        void aWaitingTicketFollowsItsNewGridToThatTownAndAnAcceptedOneOnlyWithinItsTown() {
            report("XSG-012-03", "JN-XSG");
            refused(new TicketCommand.Regrid("GG-001-01", "JN-GG"), XSG_DISPATCHER, "refusal.role");

            run(new TicketCommand.Regrid("GG-001-01", "JN-GG"), MAP);
            assertThat(ticket.ownerUnitId()).as("waiting: routed as the intake would now").isEqualTo("JN-GG");
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.Placed("GG-001-01", "XSG-012-03", "JN-XSG", "JN-GG"));

            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), GG_DISPATCHER);
            refused(new TicketCommand.Regrid("XSG-012-03", "JN-XSG"), MAP, "refusal.gridNotOurs");
            run(new TicketCommand.Regrid("GG-001-02", "JN-GG"), MAP);
            assertThat(ticket.ownerUnitId()).isEqualTo("JN-GG");
            assertThat(ticket.intake().gridCode()).isEqualTo("GG-001-02");
            replayEqualsTicket();
        }

        @Test
        void theCentreAnswersTheMapsQuestionByConfirmingOrPlacing() {
            report("XSG-012-03", "JN-XSG");
            refused(new TicketCommand.ConfirmPlace(""), XSG_DISPATCHER, "refusal.noPlaceReview");
            refused(new TicketCommand.AskPlaceReview(PlaceReview.Reason.OTHER_TOWN, "GG-001-01"), XSG_DISPATCHER,
                    "refusal.role");

            run(new TicketCommand.AskPlaceReview(PlaceReview.Reason.OTHER_TOWN, "GG-001-01"), MAP);
            assertThat(ticket.placeReview()).isEqualTo(new PlaceReview(PlaceReview.Reason.OTHER_TOWN, "GG-001-01"));
            assertThat(ticket.state()).isEqualTo(TicketState.REPORTED);
            refused(new TicketCommand.ConfirmPlace("仍归本镇"), GG_DISPATCHER, "refusal.notOwner");

            run(new TicketCommand.ConfirmPlace("仍归本镇"), XSG_DISPATCHER);
            assertThat(ticket.placeReview()).isNull();
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.PlaceConfirmed("XSG-012-03", "仍归本镇"));

            run(new TicketCommand.AskPlaceReview(PlaceReview.Reason.GRID_RETIRED, null), MAP);
            refused(new TicketCommand.ConfirmPlace(""), XSG_DISPATCHER, "refusal.gridRetired");
            run(new TicketCommand.PlaceOnGrid("XSG-012-04", "JN-XSG"), XSG_DISPATCHER);
            assertThat(ticket.placeReview()).as("placing answers it").isNull();
            replayEqualsTicket();
        }
    }

    @Nested
    class Transfer {
        @Test
        void aTransferIsPendingWithTheSenderUntilTheReceiverAcceptsItThenTheReceiverOwnsIt() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            Instant due = ticket.deadline().dueAt();

            run(new TicketCommand.Transfer("JN-GG", "路灯属葛沽镇管辖"), XSG_DISPATCHER);
            assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(ticket.pendingTransfer()).hasValueSatisfying(p -> {
                assertThat(p.toUnitId()).isEqualTo("JN-GG");
                assertThat(p.reason()).isEqualTo("路灯属葛沽镇管辖");
            });

            run(new TicketCommand.AcceptTransfer(null), GG_DISPATCHER);

            assertThat(ticket.ownerUnitId()).isEqualTo("JN-GG");
            assertThat(ticket.transfer()).isNull();
            assertThat(ticket.state()).isEqualTo(TicketState.ACCEPTED);
            assertThat(ticket.deadline().dueAt()).isEqualTo(due);
            assertThat(ticket.acceptingUnitId()).isEqualTo("JN-XSG");
            run(new TicketCommand.Dispatch("JN-GG-CG"), GG_DISPATCHER);
            assertThat(ticket.assignedTeamId()).isEqualTo("JN-GG-CG");
            replayEqualsTicket();
        }

        @Test
        void aRefusedTransferGoesBackToTheSenderWithTheReasonUntilItMovesOn() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Transfer("JN-GG", "路灯属葛沽镇管辖"), XSG_DISPATCHER);

            run(new TicketCommand.RefuseTransfer("该路段由咸水沽镇养护"), GG_SUPERVISOR);

            assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(ticket.pendingTransfer()).isEmpty();
            assertThat(ticket.transfer().refusal()).isEqualTo("该路段由咸水沽镇养护");
            assertThat(trail.getLast().event().reasonText()).isEqualTo("该路段由咸水沽镇养护");
            replayEqualsTicket();

            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            assertThat(ticket.transfer()).isNull();
            replayEqualsTicket();
        }

        @Test
        void theSenderTakesBackAPendingTransferWithAReasonAndOnlyWhilePending() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Transfer("JN-GG", "路灯属葛沽镇管辖"), XSG_DISPATCHER);

            refused(new TicketCommand.WithdrawTransfer("发错了"), GG_SUPERVISOR, "refusal.notOwner");
            refused(new TicketCommand.WithdrawTransfer(" "), XSG_DISPATCHER, "refusal.reasonRequired");
            refused(new TicketCommand.WithdrawTransfer("发错了"), XSG_CG_HANDLER, "refusal.role");
            run(new TicketCommand.WithdrawTransfer("核实后属本镇，误移交"), XSG_DISPATCHER);

            assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
            assertThat(ticket.transfer()).isNull();
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.TransferWithdrawn("JN-XSG", "JN-GG", "核实后属本镇，误移交"));
            replayEqualsTicket();
            refused(new TicketCommand.AcceptTransfer(null), GG_DISPATCHER, "refusal.noPendingTransfer");
            refused(new TicketCommand.WithdrawTransfer("再撤"), XSG_DISPATCHER, "refusal.noPendingTransfer");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.ACCEPTED);
        }

        @Test
        void whilePendingTheSenderCannotActOnItAndOnlyTheReceiverAnswers() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Transfer("JN-GG", "路灯属葛沽镇管辖"), XSG_DISPATCHER);

            refused(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, "refusal.transferPending");
            refused(new TicketCommand.Transfer("JN-GG", "再次移交"), XSG_DISPATCHER, "refusal.transferPending");
            refused(new TicketCommand.AcceptTransfer(null), XSG_SUPERVISOR, "refusal.notTransferTarget");
            refused(new TicketCommand.RefuseTransfer(""), GG_DISPATCHER, "refusal.reasonRequired");
            refused(new TicketCommand.AcceptTransfer(null), XSG_CG_HANDLER, "refusal.role");
            run(new TicketCommand.ContactCitizen("已告知群众正在移交"), XSG_DISPATCHER);
            assertThat(ticket.pendingTransfer()).isPresent();
        }

        @Test
        void aTransferNeedsAnotherTownCentreAReasonAndAnOpenUndispatchedTicket() {
            report("XSG-012-03", "JN-XSG");
            refused(new TicketCommand.Transfer("JN-GG", " "), XSG_DISPATCHER, "refusal.reasonRequired");
            refused(new TicketCommand.Transfer("JN-XSG", "本镇"), XSG_DISPATCHER, "refusal.transferSelf");
            refused(new TicketCommand.Transfer("JN", "交区里"), XSG_DISPATCHER, "refusal.transferTarget");
            refused(new TicketCommand.Transfer("JN-GG-CG", "交队伍"), XSG_DISPATCHER, "refusal.transferTarget");
            refused(new TicketCommand.Transfer("JN-GG", "不是我的"), GG_DISPATCHER, "refusal.notOwner");
            refused(new TicketCommand.Transfer("JN-GG", "不是我的"), XSG_CG_HANDLER, "refusal.role");
            refused(new TicketCommand.AcceptTransfer(null), GG_DISPATCHER, "refusal.noPendingTransfer");

            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            run(new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            refused(new TicketCommand.Transfer("JN-GG", "不是我的"), XSG_DISPATCHER, "refusal.state");
        }

        @Test
        void refusalsSpeakBothLanguages() {
            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Transfer("JN-GG", "路灯属葛沽镇管辖"), XSG_DISPATCHER);
            TransitionRefused r = new TransitionRefused("refusal.transferPending", "葛沽镇网格化管理中心", "action.dispatch");
            assertThat(r.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("工单正在移交葛沽镇网格化管理中心，待其接收或拒收前不能派单。");
            assertThat(r.message(Locale.ENGLISH)).contains("being handed over").doesNotContain("{");
        }
    }

    @Nested
    class ReferToCity {
        private void acceptedAtTheDistrict() {
            report(null, "JN");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), JN_DISPATCHER);
        }

        @Test
        void theDistrictSupervisorRefersATicketAndItStaysTheDistrictsUnchanged() {
            acceptedAtTheDistrict();
            Ticket before = ticket;

            run(new TicketCommand.ReferToCity("涉及跨区供水管网，需市级协调", " SJ-2026-000118 "), JN_SUPERVISOR);

            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.ReferredToCity("涉及跨区供水管网，需市级协调", "SJ-2026-000118"));
            assertThat(ticket.state()).isEqualTo(before.state());
            assertThat(ticket.ownerUnitId()).isEqualTo("JN");
            assertThat(ticket.version()).isEqualTo(before.version() + 1);
            replayEqualsTicket();
        }

        @Test
        void onlyADistrictSupervisorWithAReasonMayReferAnAcceptedTicket() {
            acceptedAtTheDistrict();
            refused(new TicketCommand.ReferToCity("需市级协调", null), JN_DISPATCHER, "refusal.role");
            refused(new TicketCommand.ReferToCity("", null), JN_SUPERVISOR, "refusal.reasonRequired");
            refused(new TicketCommand.ReferToCity("需市级协调", "X".repeat(51)), JN_SUPERVISOR, "refusal.referenceTooLong");

            report("XSG-012-03", "JN-XSG");
            run(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
            refused(new TicketCommand.ReferToCity("需市级协调", null), XSG_SUPERVISOR, "refusal.referNotDistrict");

            report(null, "JN");
            refused(new TicketCommand.ReferToCity("需市级协调", null), JN_SUPERVISOR, "refusal.state");
        }
    }
}
