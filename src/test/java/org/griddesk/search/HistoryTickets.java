package org.griddesk.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.CallbackResult;
import org.griddesk.domain.ticket.Caller;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlinePolicy;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.security.Session;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseSettings;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.search.HistoryRows;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.testsupport.CommandCentre;

/// Tickets of the demo district made for history search tests: any text, address, caller,
/// channel, time and town; closed through the consultation path (accept, answer, call back, close).
final class HistoryTickets implements AutoCloseable {
    final CommandCentre centre;
    final Database db;
    final Organisation organisation;
    final Taxonomy taxonomy;
    final Unit xsg;
    final Unit gg;
    final Item item;
    final Item otherCategoryItem;
    private final TicketService service;
    private int numbers;

    HistoryTickets(Path folder) {
        centre = CommandCentre.on(DatabaseSettings.embeddedH2(folder));
        db = centre.admin();
        DistrictRepository district = new DistrictRepository(db.dsl());
        organisation = district.organisation();
        taxonomy = district.taxonomy();
        xsg = centre("咸水沽");
        gg = centre("葛沽");
        item = taxonomy.items().getFirst();
        otherCategoryItem = taxonomy.items().stream().filter(i -> !i.categoryCode().equals(item.categoryCode())).findFirst()
                .orElseThrow();
        service = new TicketService(db.dsl(), new TicketLifecycle(WorkCalendar.builtIn(), organisation, LifecycleRules.DEFAULT),
                Clock.systemUTC());
    }

    private Unit centre(String name) {
        return organisation.units().stream().filter(u -> u.isCentre() && u.name().startsWith(name)).findFirst().orElseThrow();
    }

    Ticket report(Unit town, Channel channel, String summary, String address, Caller caller, Instant at) {
        Actor channelActor = new Actor("CH-" + channel.name(), channel.zhName(), Role.CHANNEL, town);
        return service.report(new Intake(channel, "HS-" + (++numbers), summary, null, at, caller,
                address == null ? null : new Place(address, null, null)), town.id(), channelActor).after();
    }

    Ticket accepted(Ticket t, Item with) {
        return service.execute(t, new TicketCommand.Accept(with.code(), DeadlinePolicy.general(), true), dispatcher(t)).after();
    }

    /// accepted as a consultation with `with`, answered, called back (satisfied) and closed
    Ticket closed(Ticket t, Item with) {
        Ticket a = accepted(t, with);
        Ticket answered = service.execute(a, new TicketCommand.Answer("已电话答复"), dispatcher(t)).after();
        Ticket called = service.execute(answered, new TicketCommand.CallBack(CallbackResult.SATISFIED, "满意"), dispatcher(t)).after();
        return service.execute(called, new TicketCommand.Close(null), dispatcher(t)).after();
    }

    Actor dispatcher(Ticket t) {
        return new Actor("u-hs-disp", "王调度", Role.DISPATCHER, organisation.unit(t.ownerUnitId()).orElseThrow());
    }

    static Session session(Role role, Unit unit) {
        return new Session("u-hs-" + role.name(), "u-hs", "测试" + role.name(), unit.id(), java.util.Set.of(role), Instant.now(),
                Workstation.local());
    }

    HistoryIndex index(Path folder) {
        return new HistoryIndex(folder, new HistoryRows(db.dsl()), Clock.systemUTC());
    }

    @Override
    public void close() {
        centre.close();
    }
}
