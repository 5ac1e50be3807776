package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.CGW_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.CITY_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.GG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.GG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.JN_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.JN_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.SWJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_AJ_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.ticket.TicketCommand.Accept;
import org.griddesk.domain.ticket.TicketCommand.Answer;
import org.griddesk.domain.ticket.TicketCommand.ApproveExtension;
import org.griddesk.domain.ticket.TicketCommand.CallBack;
import org.griddesk.domain.ticket.TicketCommand.CheckIn;
import org.griddesk.domain.ticket.TicketCommand.Close;
import org.griddesk.domain.ticket.TicketCommand.ContactCitizen;
import org.griddesk.domain.ticket.TicketCommand.Dispatch;
import org.griddesk.domain.ticket.TicketCommand.Escalate;
import org.griddesk.domain.ticket.TicketCommand.Merge;
import org.griddesk.domain.ticket.TicketCommand.RejectExtension;
import org.griddesk.domain.ticket.TicketCommand.RejectInvalid;
import org.griddesk.domain.ticket.TicketCommand.Reopen;
import org.griddesk.domain.ticket.TicketCommand.ReportHandled;
import org.griddesk.domain.ticket.TicketCommand.RequestExtension;
import org.griddesk.domain.ticket.TicketCommand.Return;
import org.griddesk.domain.ticket.TicketCommand.Sign;
import org.griddesk.domain.ticket.TicketCommand.Urge;
import org.griddesk.domain.ticket.TicketCommand.VerifyFail;
import org.griddesk.domain.ticket.TicketCommand.VerifyPass;
import org.griddesk.domain.ticket.TicketCommand.Whistle;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TicketLifecycleTest {
    private static final Instant MONDAY_9 = shanghai("2026-11-23T09:00");

    private final TicketLifecycle lifecycle = LifecycleFixture.lifecycle();
    private Instant now = MONDAY_9;
    private Ticket ticket = lifecycle.report(1, "2611-0001", hotlineRequest("8890-1", MONDAY_9), "JN-XSG", HOTLINE, MONDAY_9).after();
    private final List<RecordedEvent> trail = new ArrayList<>(List.of(
            new Transition(null, ticket, new TicketEvent.Reported(ticket.intake(), "JN-XSG"), HOTLINE, MONDAY_9).toRecord()));

    private Ticket run(TicketCommand command, Actor actor) {
        now = now.plus(Duration.ofMinutes(10));
        Transition t = lifecycle.execute(ticket, command, actor, now);
        trail.add(t.toRecord());
        ticket = t.after();
        return ticket;
    }

    private void refused(TicketCommand command, Actor actor, String key) {
        Ticket before = ticket;
        ThrowingCallable call = () -> lifecycle.execute(ticket, command, actor, now.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(call).isInstanceOfSatisfying(TransitionRefused.class, e -> assertThat(e.key()).isEqualTo(key));
        assertThat(ticket).isSameAs(before);
    }

    private void acceptGeneral() {
        run(new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER);
    }

    private void acceptAndStart() {
        acceptGeneral();
        run(new Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
        run(new Sign(), XSG_CG_HANDLER);
    }

    private void handleAndVerify() {
        run(new ReportHandled("已补装井盖并设置警示桩", List.of("photo:2611-0001-a.jpg")), XSG_CG_HANDLER);
        run(new VerifyPass("网格员现场核实"), XSG_DISPATCHER);
    }

    @Test
    void aReportWaitsInTheReceivingCentresQueue() {
        assertThat(ticket.state()).isEqualTo(TicketState.REPORTED);
        assertThat(ticket.ownerUnitId()).isEqualTo("JN-XSG");
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(ticket.acceptingUnitId()).isNull();
    }

    @Test
    void theWholeLoopRunsFromReportToClose() {
        acceptAndStart();
        run(new ContactCitizen("已电话联系来电人"), XSG_CG_HANDLER);
        handleAndVerify();
        run(new CallBack(CallbackResult.SATISFIED, "群众表示满意"), XSG_DISPATCHER);
        run(new Close(null), XSG_DISPATCHER);

        assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        assertThat(ticket.acceptingUnitId()).isEqualTo("JN-XSG");
        assertThat(ticket.version()).isEqualTo(trail.size());
        assertThat(ticket.milestones().closedAt()).isEqualTo(now);
        assertThat(trail).extracting(RecordedEvent::toState).containsExactly(TicketState.REPORTED, TicketState.ACCEPTED,
                TicketState.DISPATCHED, TicketState.IN_PROGRESS, TicketState.IN_PROGRESS, TicketState.HANDLED,
                TicketState.VERIFIED, TicketState.CALLBACK, TicketState.CLOSED);
        assertThat(TicketEvolution.replay(1, "2611-0001", trail)).isEqualTo(ticket);
    }

    @Nested
    class Accepting {
        @Test
        void acceptanceSetsTheDueDateOnWorkingDays() {
            acceptGeneral();
            assertThat(ticket.state()).isEqualTo(TicketState.ACCEPTED);
            // Monday 11-23 + 7 working days = Wednesday 12-02, due at its end
            assertThat(ticket.deadline().dueAt()).isEqualTo(shanghai("2026-12-03T00:00"));
            assertThat(ticket.deadline().originalDueAt()).isEqualTo(ticket.deadline().dueAt());
        }

        @Test
        void onlyTheReceivingCentresStaffAccept() {
            refused(new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_CG_HANDLER, "refusal.role");
            refused(new Accept("05-03-012", DeadlinePolicy.general(), false), GG_DISPATCHER, "refusal.notOwner");
            refused(new Accept(" ", DeadlinePolicy.general(), false), XSG_DISPATCHER, "refusal.reasonRequired");
            refused(new Accept("05-03-012", null, false), XSG_DISPATCHER, "refusal.deadlineRequired");
        }

        @Test
        void aTicketIsAcceptedOnce() {
            acceptGeneral();
            refused(new Accept("05-03-012", DeadlinePolicy.urgent(), false), XSG_DISPATCHER, "refusal.state");
        }

        @Test
        void anInvalidRequestIsRejectedWithAReasonAndThenFrozen() {
            refused(new RejectInvalid(""), XSG_DISPATCHER, "refusal.reasonRequired");
            run(new RejectInvalid("骚扰电话，无实际诉求"), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.REJECTED);
            refused(new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, "refusal.state");
            refused(new Urge("请尽快"), XSG_SUPERVISOR, "refusal.state");
        }

        @Test
        void consultationsAreAnsweredDirectlyAndOthersAreNot() {
            acceptGeneral();
            refused(new Answer("答复内容"), XSG_DISPATCHER, "refusal.notConsultation");

            ticket = lifecycle.report(2, "2611-0002", hotlineRequest("8890-2", now), "JN-XSG", HOTLINE, now).after();
            run(new Accept("03-01-001", DeadlinePolicy.general(), true), XSG_DISPATCHER);
            run(new Answer("居住证办理请携带身份证到镇便民服务中心"), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.ANSWERED);
            assertThat(ticket.milestones().answeredAt()).isEqualTo(now);
            assertThat(ticket.milestones().contactedAt()).as("answering is contacting").isEqualTo(now);
            run(new CallBack(CallbackResult.BASICALLY_SATISFIED, null), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.CALLBACK);
        }
    }

    @Nested
    class Dispatching {
        @Test
        void aTicketGoesToATeamOfItsOwnCentre() {
            acceptGeneral();
            refused(new Dispatch("JN-CGW"), XSG_DISPATCHER, "refusal.teamNotOfCentre");
            refused(new Dispatch("JN-GG-CG"), XSG_DISPATCHER, "refusal.teamNotOfCentre");
            refused(new Dispatch("NO-SUCH"), XSG_DISPATCHER, "refusal.unknownTeam");
            run(new Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.DISPATCHED);
            assertThat(ticket.assignedTeamId()).isEqualTo("JN-XSG-CG");
        }

        @Test
        void onlyTheAssignedTeamSignsOrReturnsAndAReturnIsCounted() {
            acceptGeneral();
            run(new Dispatch("JN-XSG-AJ"), XSG_DISPATCHER);
            refused(new Sign(), XSG_CG_HANDLER, "refusal.notAssignedTeam");
            refused(new Return(""), XSG_AJ_HANDLER, "refusal.reasonRequired");
            run(new Return("井盖属市政设施，不属安监职责"), XSG_AJ_HANDLER);
            assertThat(ticket.state()).isEqualTo(TicketState.RETURNED);
            assertThat(ticket.assignedTeamId()).isNull();
            assertThat(ticket.tally().returned()).isEqualTo(1);

            run(new Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            run(new Sign(), XSG_CG_HANDLER);
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        }

        @Test
        void theCentreTakesBackADispatchOnlyUntilTheTeamSigns() {
            acceptGeneral();
            run(new Dispatch("JN-XSG-AJ"), XSG_DISPATCHER);
            refused(new TicketCommand.WithdrawDispatch(), XSG_AJ_HANDLER, "refusal.role");
            run(new TicketCommand.WithdrawDispatch(), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.ACCEPTED);
            assertThat(ticket.assignedTeamId()).isNull();
            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.DispatchWithdrawn("JN-XSG-AJ"));

            run(new Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
            run(new Sign(), XSG_CG_HANDLER);
            refused(new TicketCommand.WithdrawDispatch(), XSG_DISPATCHER, "refusal.state");
            assertThat(ticket.assignedTeamId()).isEqualTo("JN-XSG-CG");
        }

        @Test
        void handlingNeedsAResultAndVerificationCanSendItBack() {
            acceptAndStart();
            refused(new ReportHandled(" ", List.of()), XSG_CG_HANDLER, "refusal.reasonRequired");
            run(new ReportHandled("已处理", List.of("photo:a.jpg")), XSG_CG_HANDLER);
            assertThat(ticket.state()).isEqualTo(TicketState.HANDLED);
            refused(new VerifyPass(null), XSG_CG_HANDLER, "refusal.role");
            run(new VerifyFail("现场核实井盖仍未固定"), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.tally().reworked()).isEqualTo(1);
            assertThat(ticket.milestones().handledAt()).isNull();
        }
    }

    @Nested
    class Whistling {
        @Test
        void aTownCentreSummonsDistrictDepartmentsWhoCheckIn() {
            acceptAndStart();
            run(new Whistle(List.of("JN-CGW", "JN-SWJ")), XSG_DISPATCHER);
            Instant summoned = now;
            assertThat(ticket.openWhistles()).extracting(org.griddesk.domain.ticket.Whistle::teamId)
                    .containsExactly("JN-CGW", "JN-SWJ");
            assertThat(ticket.whistles().getFirst().checkInDue()).isEqualTo(summoned.plus(Duration.ofHours(2)));
            refused(new Whistle(List.of("JN-CGW")), XSG_DISPATCHER, "refusal.alreadySummoned");

            run(new CheckIn(), CGW_HANDLER);
            assertThat(ticket.openWhistles()).extracting(org.griddesk.domain.ticket.Whistle::teamId).containsExactly("JN-SWJ");
            refused(new CheckIn(), CGW_HANDLER, "refusal.notSummoned");
            assertThat(ticket.whistles().getFirst().checkedInLate()).isFalse();

            now = summoned.plus(Duration.ofHours(3));
            run(new CheckIn(), SWJ_HANDLER);
            assertThat(ticket.whistles().get(1).checkedInLate()).isTrue();
        }

        @Test
        void onlyTownCentresWhistleAndOnlyForDistrictDepartments() {
            acceptGeneral();
            refused(new Whistle(List.of("JN-XSG-CG")), XSG_DISPATCHER, "refusal.whistleTeamNotDistrict");
            refused(new Whistle(List.of()), XSG_DISPATCHER, "refusal.whistleNoTeam");
            refused(new Whistle(List.of("JN-CGW")), XSG_CG_HANDLER, "refusal.role");
            run(new Escalate("镇级无法协调"), XSG_SUPERVISOR);
            run(new Accept("05-03-012", DeadlinePolicy.general(), false), JN_DISPATCHER);
            refused(new Whistle(List.of("JN-CGW")), JN_DISPATCHER, "refusal.whistleNotStreet");
        }
    }

    @Nested
    class Escalating {
        @Test
        void ownershipMovesUpAndTheTownKeepsSightAndTheDueDateStays() {
            acceptAndStart();
            Instant due = ticket.deadline().dueAt();
            refused(new Escalate("无法解决"), XSG_DISPATCHER, "refusal.role");
            refused(new Escalate(""), XSG_SUPERVISOR, "refusal.reasonRequired");
            run(new Escalate("吹哨后仍无法解决，涉及多部门"), XSG_SUPERVISOR);

            assertThat(ticket.state()).isEqualTo(TicketState.ESCALATED);
            assertThat(ticket.ownerUnitId()).isEqualTo("JN");
            assertThat(ticket.watchingUnitIds()).containsExactly("JN-XSG");
            assertThat(ticket.assignedTeamId()).isNull();
            refused(new Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, "refusal.notOwner");

            run(new Accept("05-03-012", DeadlinePolicy.general(), false), JN_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.ACCEPTED);
            assertThat(ticket.acceptingUnitId()).as("first-asked stays the town").isEqualTo("JN-XSG");
            assertThat(ticket.deadline().dueAt()).isEqualTo(due);
            run(new Dispatch("JN-CGW"), JN_DISPATCHER);
            assertThat(ticket.assignedTeamId()).isEqualTo("JN-CGW");

            run(new Escalate("需市级协调"), JN_SUPERVISOR);
            assertThat(ticket.ownerUnitId()).isEqualTo("TJ");
            assertThat(ticket.watchingUnitIds()).containsExactly("JN-XSG", "JN");
            run(new Accept("05-03-012", DeadlinePolicy.general(), false), CITY_SUPERVISOR);
            refused(new Escalate("再上报"), CITY_SUPERVISOR, "refusal.escalateTop");
        }
    }

    @Nested
    class Extensions {
        @Test
        void anApprovedExtensionMovesTheDueDateAndRecordsTheCitizenWasTold() {
            acceptAndStart();
            Instant due = ticket.deadline().dueAt(); // end of Wednesday 12-02
            refused(new RequestExtension(0, "需采购井盖"), XSG_CG_HANDLER, "refusal.extensionDays");
            refused(new RequestExtension(3, ""), XSG_CG_HANDLER, "refusal.reasonRequired");
            run(new RequestExtension(3, "需采购特殊规格井盖"), XSG_CG_HANDLER);
            assertThat(ticket.pendingExtension()).isPresent();
            refused(new RequestExtension(2, "再延"), XSG_CG_HANDLER, "refusal.extensionPending");
            refused(new ApproveExtension(true, null), XSG_DISPATCHER, "refusal.role");
            refused(new ApproveExtension(false, null), XSG_SUPERVISOR, "refusal.citizenNotInformed");

            run(new ApproveExtension(true, "已电话告知来电人新的办结时间"), XSG_SUPERVISOR);
            assertThat(ticket.deadline().dueAt()).isEqualTo(shanghai("2026-12-08T00:00")); // +3 working days: 12-03, 12-04, 12-07
            assertThat(ticket.deadline().originalDueAt()).isEqualTo(due);
            ExtensionRequest decided = ticket.extensions().getFirst();
            assertThat(decided.status()).isEqualTo(ExtensionRequest.Status.APPROVED);
            assertThat(decided.citizenInformed()).isTrue();
            assertThat(decided.oldDueAt()).isEqualTo(due);
            assertThat(decided.newDueAt()).isEqualTo(ticket.deadline().dueAt());
        }

        @Test
        void aRejectedExtensionLeavesTheDueDate() {
            acceptAndStart();
            Instant due = ticket.deadline().dueAt();
            run(new RequestExtension(5, "人手不足"), XSG_CG_HANDLER);
            refused(new RejectExtension(" "), XSG_SUPERVISOR, "refusal.reasonRequired");
            run(new RejectExtension("人手不足不是延期理由"), XSG_SUPERVISOR);
            assertThat(ticket.deadline().dueAt()).isEqualTo(due);
            assertThat(ticket.extensions().getFirst().status()).isEqualTo(ExtensionRequest.Status.REJECTED);
            refused(new ApproveExtension(true, null), XSG_SUPERVISOR, "refusal.noPendingExtension");
        }

        @Test
        void anExtensionMustBeAskedNoLaterThanOneWorkingDayBeforeTheDueDate() {
            acceptAndStart(); // due at the end of Wednesday 12-02
            now = shanghai("2026-12-01T23:40"); // the request itself lands at 23:50
            run(new RequestExtension(1, "最后时刻申请"), XSG_CG_HANDLER);
            run(new RejectExtension("不批"), XSG_SUPERVISOR);
            now = shanghai("2026-12-01T23:50"); // refused() acts ten minutes later: 24:00 sharp
            refused(new RequestExtension(1, "太晚了"), XSG_CG_HANDLER, "refusal.extensionTooLate");
            TransitionRefused e = org.junit.jupiter.api.Assertions.assertThrows(TransitionRefused.class,
                    () -> lifecycle.execute(ticket, new RequestExtension(1, "太晚了"), XSG_CG_HANDLER, shanghai("2026-12-02T09:00")));
            assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).contains("2026-12-01 24:00");
        }
    }

    @Nested
    class CallingBack {
        @Test
        void aDissatisfiedCitizenReopensTheTicketInANewRound() {
            acceptAndStart();
            handleAndVerify();
            run(new CallBack(CallbackResult.DISSATISFIED, "群众称井盖松动"), XSG_DISPATCHER);
            refused(new Close(null), XSG_DISPATCHER, "refusal.role");
            run(new Reopen("群众不满意，返工"), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.round()).isEqualTo(2);
            assertThat(ticket.tally().reopened()).isEqualTo(1);
            assertThat(ticket.callbacks()).hasSize(1);
            assertThat(ticket.milestones().verifiedAt()).isNull();
        }

        @Test
        void aSupervisorMayCloseOverADissatisfiedCitizenWithAReason() {
            acceptAndStart();
            handleAndVerify();
            run(new CallBack(CallbackResult.DISSATISFIED, "诉求超出政策范围"), XSG_DISPATCHER);
            refused(new Close(""), XSG_SUPERVISOR, "refusal.reasonRequired");
            run(new Close("诉求超出政策范围，已解释"), XSG_SUPERVISOR);
            assertThat(ticket.state()).isEqualTo(TicketState.CLOSED);
        }

        @Test
        void aSatisfiedTicketIsNotReopenedButAClosedOneMayBeByASupervisor() {
            acceptAndStart();
            handleAndVerify();
            run(new CallBack(CallbackResult.SATISFIED, null), XSG_DISPATCHER);
            refused(new Reopen("想重办"), XSG_DISPATCHER, "refusal.reopenNotDissatisfied");
            run(new Close(null), XSG_DISPATCHER);
            refused(new Dispatch("JN-XSG-CG"), XSG_DISPATCHER, "refusal.state");
            refused(new Reopen("重复投诉"), XSG_DISPATCHER, "refusal.role");
            run(new Reopen("一周内重复投诉，重新办理"), XSG_SUPERVISOR);
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.round()).isEqualTo(2);
        }
    }

    @Nested
    class MergingUrgingContacting {
        @Test
        void aDuplicateIsMergedIntoAnOpenMaster() {
            Ticket master = ticket;
            ticket = lifecycle.report(2, "2611-0002", hotlineRequest("8890-2", now), "JN-XSG", HOTLINE, now).after();
            refused(new Merge(ticket), XSG_DISPATCHER, "refusal.mergeSelf");
            run(new Merge(master), XSG_DISPATCHER);
            assertThat(ticket.state()).isEqualTo(TicketState.MERGED);
            assertThat(ticket.masterId()).isEqualTo(1L);
            refused(new Accept("x", DeadlinePolicy.general(), false), XSG_DISPATCHER, "refusal.state");
        }

        @Test
        void aClosedMasterTakesNoDuplicates() {
            run(new RejectInvalid("无效"), XSG_DISPATCHER);
            Ticket closedMaster = ticket;
            ticket = lifecycle.report(2, "2611-0002", hotlineRequest("8890-2", now), "JN-XSG", HOTLINE, now).after();
            refused(new Merge(closedMaster), XSG_DISPATCHER, "refusal.mergeTarget");
        }

        @Test
        void supervisorsOfTheOwnerOrAboveUrge() {
            acceptAndStart();
            refused(new Urge("请加快"), XSG_DISPATCHER, "refusal.role");
            refused(new Urge("请加快"), GG_SUPERVISOR, "refusal.notAbove");
            run(new Urge("临近超期，请加快"), XSG_SUPERVISOR);
            run(new Urge("区中心督办"), JN_SUPERVISOR);
            assertThat(ticket.tally().urged()).isEqualTo(2);
            assertThat(ticket.state()).isEqualTo(TicketState.IN_PROGRESS);
        }

        @Test
        void theFirstContactIsKept() {
            acceptAndStart();
            run(new ContactCitizen("首次联系"), XSG_DISPATCHER);
            Instant first = now;
            run(new ContactCitizen("再次联系"), XSG_CG_HANDLER);
            assertThat(ticket.milestones().contactedAt()).isEqualTo(first);
            refused(new ContactCitizen(null), GG_DISPATCHER, "refusal.notOwner");
        }
    }

    @Nested
    class FoldingRepeatedAlarms {
        private static final Actor VIDEO = new Actor("CH-VIDEO", "雪亮工程", Role.CHANNEL,
                LifecycleFixture.XIANSHUIGU);

        private VideoAlarm alarm(String id) {
            return new VideoAlarm(id, "JN-GQ-00041", "占道经营", 0.91, now, null);
        }

        /// The fixture's ticket, made by a video alarm instead of a call.
        private void reportedByAnAlarm() {
            Transition reported = lifecycle.report(2, "2611-0002",
                    new Intake(Channel.VIDEO, "VA-1", "视频告警：占道经营", "XSG-012-03", now), "JN-XSG", VIDEO, now);
            ticket = reported.after();
            trail.clear();
            trail.add(reported.toRecord());
        }

        @Test
        void aRepeatJoinsTheTrailOfItsOpenTicketAndChangesNothingButTheVersion() {
            reportedByAnAlarm();
            acceptAndStart();
            Ticket before = ticket;
            VideoAlarm repeat = alarm("VA-2");
            run(new TicketCommand.FoldAlarm(repeat), VIDEO);

            assertThat(trail.getLast().event()).isEqualTo(new TicketEvent.AlarmRepeated("VA-2", "JN-GQ-00041", "占道经营", 0.91,
                    repeat.alarmAt()));
            assertThat(trail.getLast().fromState()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(trail.getLast().toState()).isEqualTo(TicketState.IN_PROGRESS);
            assertThat(ticket.version()).isEqualTo(before.version() + 1);
            assertThat(ticket).usingRecursiveComparison().ignoringFields("version").isEqualTo(before);
            assertThat(TicketEvolution.replay(2, "2611-0002", trail)).isEqualTo(ticket);
        }

        @Test
        void onlyTheChannelFoldsAndOnlyIntoAnOpenTicketAnAlarmMade() {
            refused(new TicketCommand.FoldAlarm(alarm("VA-9")), VIDEO, "refusal.notAlarmTicket"); // a hotline call's ticket
            reportedByAnAlarm();
            refused(new TicketCommand.FoldAlarm(alarm("VA-2")), XSG_DISPATCHER, "refusal.role");
            run(new RejectInvalid("误报：摊位已撤"), XSG_DISPATCHER);
            refused(new TicketCommand.FoldAlarm(alarm("VA-2")), VIDEO, "refusal.state");
        }

        @Test
        void aClosedTicketTakesNoRepeats() {
            reportedByAnAlarm();
            acceptAndStart();
            handleAndVerify();
            run(new CallBack(CallbackResult.SATISFIED, null), XSG_DISPATCHER);
            run(new Close(null), XSG_DISPATCHER);
            refused(new TicketCommand.FoldAlarm(alarm("VA-2")), VIDEO, "refusal.state");
        }
    }

    @Test
    void refusalsSpeakChineseAndEnglish() {
        acceptGeneral();
        TransitionRefused e = org.junit.jupiter.api.Assertions.assertThrows(TransitionRefused.class,
                () -> lifecycle.execute(ticket, new Sign(), XSG_CG_HANDLER, now));
        assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("工单当前为“已受理”，不能签收。");
        assertThat(e.message(Locale.ENGLISH)).isEqualTo("The ticket is ACCEPTED: it cannot sign for.");
        assertThat(e.bilingual()).contains("不能签收", "cannot sign for");
    }
}
