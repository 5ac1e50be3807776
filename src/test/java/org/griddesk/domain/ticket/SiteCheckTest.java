package org.griddesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.griddesk.testsupport.LifecycleFixture.GEGU;
import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.ORGANISATION;
import static org.griddesk.testsupport.LifecycleFixture.XIANSHUIGU;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.hotlineRequest;
import static org.griddesk.testsupport.LifecycleFixture.shanghai;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Role;
import org.junit.jupiter.api.Test;

/// A grid worker's check on site (核查) as the verification step, and where the rules keep it advice.
class SiteCheckTest {
    private static final Instant AT = shanghai("2026-11-18T09:00:00");
    private static final Actor WORKER = new Actor("acc-w", "网格员", Role.GRID_WORKER, XIANSHUIGU);

    private static Ticket handled(TicketLifecycle lifecycle) {
        Ticket t = lifecycle.report(1, "2611-0001", hotlineRequest("8890-1", AT), XIANSHUIGU.id(), HOTLINE, AT).after();
        t = lifecycle.execute(t, new TicketCommand.Accept("05-03-012", DeadlinePolicy.general(), false), XSG_DISPATCHER, AT).after();
        t = lifecycle.execute(t, new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER, AT).after();
        t = lifecycle.execute(t, new TicketCommand.Sign(), XSG_CG_HANDLER, AT).after();
        return lifecycle.execute(t, new TicketCommand.ReportHandled("已更换井盖", List.of()), XSG_CG_HANDLER, AT).after();
    }

    private static TicketLifecycle lifecycle(boolean siteCheckVerifies) {
        return new TicketLifecycle(WorkCalendar.builtIn(), ORGANISATION, LifecycleRules.DEFAULT.withSiteCheckVerifies(siteCheckVerifies));
    }

    @Test
    void aFailedCheckReturnsTheTicketToItsTeamAsReworkAndAPassVerifiesIt() {
        TicketLifecycle lifecycle = lifecycle(true);
        Ticket ticket = handled(lifecycle);
        Transition failed = lifecycle.execute(ticket, new TicketCommand.SiteCheck(false, "井盖仍松动"), WORKER, AT);
        assertThat(failed.event()).isEqualTo(new TicketEvent.VerificationFailed("井盖仍松动"));
        assertThat(failed.after().state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(failed.after().assignedTeamId()).isEqualTo("JN-XSG-CG");
        assertThat(failed.after().tally().reworked()).isEqualTo(1);

        assertThat(lifecycle.execute(ticket, new TicketCommand.SiteCheck(true, null), WORKER, AT).after().state())
                .isEqualTo(TicketState.VERIFIED);
    }

    @Test
    void aCheckIsRefusedWithoutAReasonForAnotherCentreBeforeHandlingAndAtTheDesk() {
        TicketLifecycle lifecycle = lifecycle(true);
        Ticket ticket = handled(lifecycle);
        assertThatThrownBy(() -> lifecycle.execute(ticket, new TicketCommand.SiteCheck(false, " "), WORKER, AT))
                .isInstanceOfSatisfying(TransitionRefused.class, r -> assertThat(r.key()).isEqualTo("refusal.reasonRequired"));
        Actor elsewhere = new Actor("acc-w2", "网格员", Role.GRID_WORKER, GEGU);
        assertThatThrownBy(() -> lifecycle.execute(ticket, new TicketCommand.SiteCheck(true, null), elsewhere, AT))
                .isInstanceOfSatisfying(TransitionRefused.class, r -> assertThat(r.key()).isEqualTo("refusal.notOwner"));
        assertThatThrownBy(() -> lifecycle.execute(ticket, new TicketCommand.SiteCheck(true, null), XSG_DISPATCHER, AT))
                .as("a check on site is the grid worker's").isInstanceOfSatisfying(TransitionRefused.class,
                        r -> assertThat(r.key()).isEqualTo("refusal.role"));
        assertThatThrownBy(() -> lifecycle.execute(ticket, new TicketCommand.VerifyPass(null), WORKER, AT))
                .as("the centre's verification is not the worker's").isInstanceOf(TransitionRefused.class);
    }

    @Test
    void whereTheCentreVerifiesTheWorkersCheckIsAdviceOnly() {
        TicketLifecycle lifecycle = lifecycle(false);
        Ticket ticket = handled(lifecycle);
        assertThatThrownBy(() -> lifecycle.execute(ticket, new TicketCommand.SiteCheck(false, "井盖仍松动"), WORKER, AT))
                .isInstanceOfSatisfying(TransitionRefused.class, r -> {
                    assertThat(r.key()).isEqualTo("refusal.siteCheckAdvice");
                    assertThat(r.bilingual()).contains("仅作参考", "advice only");
                });
    }
}
