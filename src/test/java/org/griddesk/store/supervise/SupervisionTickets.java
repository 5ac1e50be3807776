package org.griddesk.store.supervise;

import static org.griddesk.testsupport.LifecycleFixture.HOTLINE;
import static org.griddesk.testsupport.LifecycleFixture.XSG_CG_HANDLER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_DISPATCHER;
import static org.griddesk.testsupport.LifecycleFixture.XSG_SUPERVISOR;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.HandClock;

/// Hand-made tickets for the supervision tests: reported at the hand clock's time, then taken
/// through the lifecycle by the fixture's people.
final class SupervisionTickets {
    static final String ITEM = "05-03-012";

    private final TicketService service;
    private final HandClock clock;
    private int numbers;

    SupervisionTickets(TicketService service, HandClock clock) {
        this.service = service;
        this.clock = clock;
    }

    static Session session(Actor actor) {
        return new Session(actor.id(), actor.id(), actor.name(), actor.unit().id(), Set.of(actor.role()),
                Instant.parse("2026-11-20T01:00:00Z"), Workstation.local());
    }

    Ticket reported(String grid, String address, String phone) {
        Intake intake = new Intake(Channel.HOTLINE_8890, "8890-S" + (++numbers), "反映问题第" + numbers + "件", grid, clock.now(),
                phone == null ? null : new Caller("张先生", phone), address == null ? null : new Place(address, null, null));
        return service.report(intake, HOTLINE.unit().id(), HOTLINE).after();
    }

    Ticket reported(String grid) {
        return reported(grid, null, null);
    }

    Ticket accepted(Ticket t) {
        return then(t, new TicketCommand.Accept(ITEM, DeadlinePolicy.general(), false), XSG_DISPATCHER);
    }

    Ticket inProgress(Ticket t) {
        Ticket dispatched = then(accepted(t), new TicketCommand.Dispatch("JN-XSG-CG"), XSG_DISPATCHER);
        return then(dispatched, new TicketCommand.Sign(), XSG_CG_HANDLER);
    }

    Ticket verified(Ticket inProgress) {
        Ticket handled = then(inProgress, new TicketCommand.ReportHandled("已处置", List.of()), XSG_CG_HANDLER);
        return then(handled, new TicketCommand.VerifyPass("核实通过"), XSG_SUPERVISOR);
    }

    /// called back dissatisfied and reopened
    Ticket reopenedAfterDissatisfied(Ticket inProgress) {
        Ticket back = then(verified(inProgress), new TicketCommand.CallBack(CallbackResult.DISSATISFIED, "仍未解决"), XSG_DISPATCHER);
        return then(back, new TicketCommand.Reopen("群众不满意，重新办理"), XSG_DISPATCHER);
    }

    Ticket then(Ticket t, TicketCommand command, Actor actor) {
        return service.execute(t, command, actor).after();
    }
}
