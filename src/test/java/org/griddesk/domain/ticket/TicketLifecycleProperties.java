package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.testsupport.LifecycleFixture;

/// Random sequences of commands by random people never break the loop's invariants.
class TicketLifecycleProperties {
    private static final List<Actor> ACTORS = List.of(XSG_DISPATCHER, XSG_SUPERVISOR, GG_DISPATCHER, GG_SUPERVISOR,
            XSG_CG_HANDLER, XSG_AJ_HANDLER, CGW_HANDLER, SWJ_HANDLER, JN_DISPATCHER, JN_SUPERVISOR, CITY_SUPERVISOR);

    /// The main path round the loop, listed six times over so that sequences often get round it.
    private static final List<TicketCommand> MAIN_PATH = List.of(
            new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false),
            new TicketCommand.Dispatch("JN-XSG-CG"),
            new TicketCommand.Sign(),
            new TicketCommand.ReportHandled("已处理", List.of()),
            new TicketCommand.VerifyPass("核实"),
            new TicketCommand.CallBack(CallbackResult.BASICALLY_SATISFIED, null),
            new TicketCommand.Close(null));

    private static final List<TicketCommand> COMMANDS = Stream.concat(
            Stream.of(MAIN_PATH, MAIN_PATH, MAIN_PATH, MAIN_PATH, MAIN_PATH, MAIN_PATH).flatMap(List::stream), List.of(
            new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false),
            new TicketCommand.Accept("01-02-003", DeadlinePolicy.urgent(), false),
            new TicketCommand.Accept("03-01-001", DeadlinePolicy.statutory(15), true),
            new TicketCommand.RejectInvalid("无效来电"),
            new TicketCommand.Answer("已答复政策"),
            new TicketCommand.Dispatch("JN-XSG-CG"),
            new TicketCommand.Dispatch("JN-XSG-AJ"),
            new TicketCommand.Dispatch("JN-CGW"),
            new TicketCommand.Return("不属本队职责"),
            new TicketCommand.Sign(),
            new TicketCommand.Whistle(List.of("JN-CGW", "JN-SWJ")),
            new TicketCommand.CheckIn(),
            new TicketCommand.Escalate("无法解决"),
            new TicketCommand.RequestExtension(3, "需要时间"),
            new TicketCommand.ApproveExtension(true, "已告知"),
            new TicketCommand.ApproveExtension(false, null),
            new TicketCommand.RejectExtension("不批准"),
            new TicketCommand.ReportHandled("已处理", List.of("photo:1.jpg")),
            new TicketCommand.VerifyPass(null),
            new TicketCommand.VerifyFail("未处理到位"),
            new TicketCommand.CallBack(CallbackResult.SATISFIED, null),
            new TicketCommand.CallBack(CallbackResult.DISSATISFIED, "不满意"),
            new TicketCommand.Reopen("重新办理"),
            new TicketCommand.Close("办结"),
            new TicketCommand.Urge("督办"),
            new TicketCommand.ContactCitizen("已联系"),
            new TicketCommand.PlaceOnGrid("XSG-012-04", "JN-XSG"),
            new TicketCommand.PlaceOnGrid("GG-001-01", "JN-GG"),
            new TicketCommand.Transfer("JN-GG", "属葛沽镇"),
            new TicketCommand.Transfer("JN-XSG", "属咸水沽镇"),
            new TicketCommand.AcceptTransfer(null),
            new TicketCommand.RefuseTransfer("不属本镇"),
            new TicketCommand.WithdrawTransfer("误移交"),
            new TicketCommand.ReferToCity("需市级协调", "SJ-1")).stream()).toList();

    /// `anyone`: try every actor in turn from `actor` on and take the first one the rules allow (so
    /// that sequences get far round the loop); otherwise only that actor tries (refusals).
    record Step(int command, int actor, int minutes, boolean anyone) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, COMMANDS.size() - 1),
                Arbitraries.integers().between(0, ACTORS.size() - 1),
                Arbitraries.integers().between(1, 60 * 30),
                Arbitraries.of(true, true, true, false)).as(Step::new);
        return step.list().ofMinSize(50).ofMaxSize(200);
    }

    @Property(tries = 400)
    void invariantsHoldWhateverIsTried(@ForAll("steps") List<Step> steps) {
        TicketLifecycle lifecycle = LifecycleFixture.lifecycle();
        Instant now = shanghai("2026-09-28T09:00");
        Transition reported = lifecycle.report(7, "2609-0007", hotlineRequest("8890-7", now), "JN-XSG", HOTLINE, now);
        Ticket ticket = reported.after();
        List<RecordedEvent> trail = new ArrayList<>(List.of(reported.toRecord()));
        Set<TicketState> visited = EnumSet.of(TicketState.REPORTED);

        for (Step step : steps) {
            now = now.plus(Duration.ofMinutes(step.minutes()));
            Transition t = null;
            int tries = step.anyone() ? ACTORS.size() : 1;
            for (int i = 0; i < tries && t == null; i++) {
                try {
                    t = lifecycle.execute(ticket, COMMANDS.get(step.command()),
                            ACTORS.get((step.actor() + i) % ACTORS.size()), now);
                } catch (TransitionRefused refused) {
                    // refused: the ticket value is untouched by construction
                }
            }
            if (t == null) {
                continue;
            }
            Ticket before = ticket;
            ticket = t.after();
            trail.add(t.toRecord());
            visited.add(ticket.state());

            // one owner, always a centre
            assertThat(ORGANISATION.unit(ticket.ownerUnitId())).get().extracting(u -> u.kind()).isEqualTo(UnitKind.CENTRE);
            // the owner moves only up (escalation), to a centre that took a hand-over, or with the grid
            // a ticket waiting to be accepted was placed on
            if (!before.ownerUnitId().equals(ticket.ownerUnitId())) {
                assertThat(t.event()).isInstanceOfAny(TicketEvent.Escalated.class, TicketEvent.TransferAccepted.class,
                        TicketEvent.Placed.class);
                if (t.event() instanceof TicketEvent.Placed) {
                    assertThat(before.state()).isEqualTo(TicketState.REPORTED);
                }
            }
            // a pending hand-over goes to another centre, and nothing but its answer moves the ticket meanwhile
            ticket.pendingTransfer().ifPresent(p -> assertThat(p.toUnitId()).isNotEqualTo(p.fromUnitId()));
            if (before.pendingTransfer().isPresent()) {
                assertThat(ticket.state()).isEqualTo(before.state());
            }
            // terminal states stay terminal, except by reopen
            if (before.state().isTerminal()) {
                assertThat(t.event()).isInstanceOf(TicketEvent.Reopened.class);
                assertThat(before.state()).isEqualTo(TicketState.CLOSED);
            }
            // due dates move only by approved extensions (or are first set at acceptance)
            if (before.deadline() != null && !before.deadline().dueAt().equals(ticket.deadline().dueAt())) {
                assertThat(t.event()).isInstanceOf(TicketEvent.ExtensionApproved.class);
                assertThat(ticket.deadline().dueAt()).isAfter(before.deadline().dueAt());
            }
            // a team is assigned whenever a team is working
            if (ticket.state() == TicketState.DISPATCHED || ticket.state() == TicketState.IN_PROGRESS
                    || ticket.state() == TicketState.HANDLED) {
                assertThat(ticket.assignedTeamId()).isNotNull();
            }
            assertThat(ticket.version()).isEqualTo(trail.size());
        }
        net.jqwik.api.statistics.Statistics.label("went round the loop")
                .collect(visited.contains(TicketState.CLOSED) || visited.contains(TicketState.CALLBACK));
        net.jqwik.api.statistics.Statistics.label("went round the loop").coverage(coverage ->
                coverage.check(true).percentage(p -> p > 10.0));
        net.jqwik.api.statistics.Statistics.label("escalated").collect(visited.contains(TicketState.ESCALATED));
        net.jqwik.api.statistics.Statistics.label("escalated").coverage(coverage ->
                coverage.check(true).percentage(p -> p > 3.0));
        // the trail alone rebuilds the ticket
        assertThat(TicketEvolution.replay(7, "2609-0007", trail)).isEqualTo(ticket);
    }
}
