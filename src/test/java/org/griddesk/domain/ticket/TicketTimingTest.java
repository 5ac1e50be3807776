package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.TicketTiming.Status;
import org.griddesk.domain.ticket.TicketTiming.Step;
import org.griddesk.domain.ticket.TicketTiming.StepTiming;
import org.griddesk.testsupport.LifecycleFixture;
import org.junit.jupiter.api.Test;

class TicketTimingTest {
    private final TicketLifecycle lifecycle = LifecycleFixture.lifecycle();
    private final WorkCalendar calendar = WorkCalendar.builtIn();
    private final Instant reported = shanghai("2026-11-23T09:00");
    private Ticket ticket = lifecycle.report(1, "2611-0001", hotlineRequest("8890-1", reported), "JN-XSG", HOTLINE, reported).after();

    private Status status(Step step, String at) {
        List<StepTiming> timings = TicketTiming.of(ticket, shanghai(at), calendar, TimingPolicy.DEFAULT);
        return timings.stream().filter(t -> t.step() == step).findFirst().orElseThrow().status();
    }

    private void act(TicketCommand command, Actor actor, String at) {
        ticket = lifecycle.execute(ticket, command, actor, shanghai(at)).after();
    }

    @Test
    void acceptanceIsDueWithinThirtyMinutes() {
        assertThat(status(Step.ACCEPT, "2026-11-23T09:10")).isEqualTo(Status.ON_TIME);
        assertThat(status(Step.ACCEPT, "2026-11-23T09:26")).isEqualTo(Status.AT_RISK);
        assertThat(status(Step.ACCEPT, "2026-11-23T09:31")).isEqualTo(Status.OVERDUE);
        assertThat(status(Step.FINISH, "2026-11-23T09:31")).isEqualTo(Status.NOT_STARTED);
        act(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, "2026-11-23T09:40");
        assertThat(status(Step.ACCEPT, "2026-11-23T10:00")).isEqualTo(Status.DONE_LATE);
    }

    @Test
    void contactFinishAndCallbackFollowTheirOwnClocks() {
        act(new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, "2026-11-23T09:20");
        assertThat(status(Step.ACCEPT, "2026-11-23T09:21")).isEqualTo(Status.DONE_ON_TIME);
        assertThat(status(Step.CONTACT, "2026-11-23T11:30")).isEqualTo(Status.OVERDUE);
        act(new TicketCommand.ContactCitizen(null), XSG_DISPATCHER, "2026-11-23T10:00");
        assertThat(status(Step.CONTACT, "2026-11-23T11:30")).isEqualTo(Status.DONE_ON_TIME);

        // due at the end of 12-02; at risk in its last fifth
        assertThat(status(Step.FINISH, "2026-11-25T12:00")).isEqualTo(Status.ON_TIME);
        assertThat(status(Step.FINISH, "2026-12-02T12:00")).isEqualTo(Status.AT_RISK);
        assertThat(status(Step.FINISH, "2026-12-03T00:01")).isEqualTo(Status.OVERDUE);

        act(new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER, "2026-11-23T10:05");
        act(new TicketCommand.Sign(), XSG_CG_HANDLER, "2026-11-23T10:30");
        act(new TicketCommand.ReportHandled("已处理", List.of()), XSG_CG_HANDLER, "2026-11-27T16:00");
        act(new TicketCommand.VerifyPass(null), XSG_DISPATCHER, "2026-11-27T17:00"); // Friday
        assertThat(status(Step.FINISH, "2026-11-28T10:00")).isEqualTo(Status.DONE_ON_TIME);
        // callback within one working day: by the end of Monday 11-30
        assertThat(status(Step.CALLBACK, "2026-11-30T20:00")).isEqualTo(Status.AT_RISK);
        assertThat(status(Step.CALLBACK, "2026-12-01T00:01")).isEqualTo(Status.OVERDUE);
    }

    @Test
    void aRejectedReportHasNoLaterSteps() {
        act(new TicketCommand.RejectInvalid("无效"), XSG_DISPATCHER, "2026-11-23T09:05");
        assertThat(status(Step.ACCEPT, "2026-11-23T10:00")).isEqualTo(Status.DONE_ON_TIME);
        assertThat(status(Step.FINISH, "2026-11-23T10:00")).isEqualTo(Status.NOT_APPLICABLE);
    }
}
