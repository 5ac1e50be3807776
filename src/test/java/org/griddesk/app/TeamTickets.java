package org.griddesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// A gateway on the demo district with a town centre's dispatcher and two of its teams: makes 8890
/// orders in one grid and dispatches them, for the team API's tests.
final class TeamTickets implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final GatewayFixture fixture;
    final TicketService desk;
    final TicketRepository tickets;
    final Organisation organisation;
    final Actor dispatcher;
    final Item item;
    final Unit team;
    final Unit otherTeam;
    private final Region grid;
    private int orders;

    TeamTickets(Path dataDir) {
        fixture = new GatewayFixture(dataDir);
        DistrictRepository district = new DistrictRepository(fixture.db.dsl());
        organisation = district.organisation();
        desk = fixture.desk();
        tickets = new TicketRepository(fixture.db.dsl());
        grid = district.regions(RegionLevel.GRID).get(300);
        String area = district.region(grid.parentCode()).orElseThrow().parentCode();
        Unit town = organisation.unit(area).orElseThrow();
        dispatcher = new Actor("u-town-01", "镇调度", Role.DISPATCHER, town);
        List<Unit> townTeams = organisation.units().stream().filter(u -> u.isTeam() && town.id().equals(u.parentId())).toList();
        team = townTeams.get(0);
        otherTeam = townTeams.get(1);
        item = district.taxonomy().items().getFirst();
    }

    /// A new 8890 order in the grid, accepted at its town centre; dispatched to `to` unless null.
    Ticket ticket(Unit to) throws Exception {
        var point = grid.mainPart().getInteriorPoint();
        String order = """
                {"orderNo":"FB-%d","receivedAt":"%s","caller":{"name":"张先生","phone":"13700001234"},"content":"小区门口井盖破损",
                 "point":{"lon":%s,"lat":%s}}"""
                .formatted(++orders, OffsetDateTime.now().minusMinutes(5), point.getX(), point.getY());
        String code = JSON.readTree(fixture.post("/api/v1/hotline/orders", fixture.key(Channel.HOTLINE_8890), order).body())
                .get("ticket").asText();
        Ticket t = desk.execute(tickets.findByCode(code).orElseThrow(),
                new TicketCommand.Accept(item.code(), item.deadline(), item.consultation()), dispatcher).after();
        return to == null ? t : desk.execute(t, new TicketCommand.Dispatch(to.id()), dispatcher).after();
    }

    /// someone of `team` at the desk
    Actor handler() {
        return new Actor("u-team-01", "队员", Role.HANDLER, team);
    }

    @Override
    public void close() {
        fixture.close();
    }
}
