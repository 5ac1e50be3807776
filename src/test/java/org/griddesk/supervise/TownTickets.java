package org.griddesk.supervise;

import java.time.Instant;
import java.util.Set;
import org.griddesk.desk.DeskModel;
import org.griddesk.desk.detail.TicketDetailLoader;
import org.griddesk.desk.district.MapModelLoader;
import org.griddesk.desk.queue.QueueLoader;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.QueueRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.supervise.drill.TicketHistory;
import org.griddesk.testsupport.HandClock;

/// Hand-made tickets of 咸水沽镇 in the demo district's store (testsupport/CommandCentre), for the
/// supervision screens' tests: reported by the hotline at the hand clock's time, then taken through
/// the lifecycle by the town's people; and the desk's own readers of their queue rows.
public final class TownTickets {
    private final Database db;
    private final DistrictRepository district;
    private final TicketService service;
    private final HandClock clock;
    private final String item;
    private final Unit town;
    private final Unit team;
    private final Actor hotline;
    private final Actor dispatcher;
    private final Actor handler;
    private int numbers;

    public TownTickets(Database db, HandClock clock) {
        this.db = db;
        this.clock = clock;
        this.district = new DistrictRepository(db.dsl());
        Organisation organisation = district.organisation();
        this.town = organisation.units().stream().filter(u -> u.isCentre() && u.name().startsWith("咸水沽")).findFirst().orElseThrow();
        this.team = organisation.units().stream().filter(u -> u.isTeam() && town.id().equals(u.parentId())).findFirst().orElseThrow();
        this.item = district.taxonomy().items().getFirst().code();
        this.service = new TicketService(db.dsl(), new TicketLifecycle(WorkCalendar.builtIn(), organisation, LifecycleRules.DEFAULT),
                clock);
        this.hotline = new Actor("CH-HOTLINE_8890", "8890热线", Role.CHANNEL, town);
        this.dispatcher = new Actor("u-ui-xsg-01", "王调度", Role.DISPATCHER, town);
        this.handler = new Actor("u-ui-xsg-cg-1", "城管队员", Role.HANDLER, team);
    }

    public Organisation organisation() {
        return district.organisation();
    }

    public Unit town() {
        return town;
    }

    public Unit team() {
        return team;
    }

    public Actor dispatcher() {
        return dispatcher;
    }

    /// a member of the town's team the tickets are dispatched to
    public Actor handler() {
        return handler;
    }

    /// a supervisor of the town's centre
    public Actor supervisor(String id, String name) {
        return new Actor(id, name, Role.SUPERVISOR, town);
    }

    /// a person of the district centre
    public Actor ofDistrict(String id, String name, Role role) {
        return new Actor(id, name, role, organisation().unit("JN").orElseThrow());
    }

    public static Session session(Actor actor) {
        return new Session(actor.id(), actor.id(), actor.name(), actor.unit().id(), Set.of(actor.role()), Instant.now(),
                Workstation.local());
    }

    public Ticket reported() {
        ++numbers;
        return service.report(new Intake(Channel.HOTLINE_8890, "8890-UI-" + numbers, "小区门口路灯不亮第" + numbers + "件", null,
                clock.now()), town.id(), hotline).after();
    }

    public Ticket accepted() {
        return then(reported(), new TicketCommand.Accept(item, DeadlinePolicy.general(), false), dispatcher);
    }

    /// accepted, dispatched to the town's team and signed by it
    public Ticket inProgress() {
        Ticket dispatched = then(accepted(), new TicketCommand.Dispatch(team.id()), dispatcher);
        return then(dispatched, new TicketCommand.Sign(), handler);
    }

    public Ticket then(Ticket t, TicketCommand command, Actor actor) {
        return service.execute(t, command, actor).after();
    }

    /// The desk's readers of any ticket's queue row (what the screens' ticket lists show).
    public TicketHistory history() {
        TicketRepository tickets = new TicketRepository(db.dsl());
        var map = MapModelLoader.load(district, tickets, Instant.now()).orElseThrow();
        QueueLoader rows = new QueueLoader(new QueueRepository(db.dsl()), district.taxonomy(), map);
        TicketDetailLoader details = new TicketDetailLoader(tickets, new IntakeRepository(db.dsl()), district.taxonomy(),
                district.organisation(), new CalendarRepository(db.dsl(), java.time.Clock.systemUTC()).workCalendar(), map);
        return TicketHistory.of(new DeskModel.Readers(rows, details));
    }
}
