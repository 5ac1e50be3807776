package org.griddesk.intake;

import java.util.Optional;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// Takes a request from a channel into the queue: once per channel number, located to its grid when
/// it came with a point inside the district, and kept (flagged for a person to place) when not. A
/// citizen's request is never dropped for want of a place.
public final class IntakeService {
    /// What became of a request: its ticket, whether it was already there, and whether it found its grid.
    public record Accepted(Ticket ticket, boolean alreadyThere, boolean located) {
    }

    private final TicketService tickets;
    private final TicketRepository repository;
    private final GridIndex grids;
    private final java.util.Set<String> gridCodes;
    private final Unit receivingCentre;

    public IntakeService(TicketService tickets, TicketRepository repository, java.util.List<Region> grids,
                         Organisation organisation) {
        this.tickets = tickets;
        this.repository = repository;
        this.grids = new GridIndex(grids);
        this.gridCodes = grids.stream().map(Region::code).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.receivingCentre = organisation.units().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE).findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no district centre: load a district first"));
    }

    /// Whether the district has a grid of this code.
    public boolean knowsGrid(String code) {
        return gridCodes.contains(code);
    }

    /// Accepts `intake`: a grid it names is kept, otherwise its grid is found from its point.
    /// Re-sent requests return the ticket they made the first time. `reporter` is who sent it on
    /// the channel's side (a grid worker's id), or null for the channel itself.
    public Accepted accept(Intake intake, String reporter) {
        if (intake.externalId() != null) {
            Optional<Ticket> existing = repository.findByExternal(intake.channel(), intake.externalId());
            if (existing.isPresent()) {
                return new Accepted(existing.get(), true, existing.get().intake().gridCode() != null);
            }
        }
        String grid = intake.gridCode() != null && knowsGrid(intake.gridCode()) ? intake.gridCode()
                : intake.place() != null && intake.place().hasPoint()
                ? grids.locate(intake.place().lon(), intake.place().lat()).map(Region::code).orElse(null) : null;
        Intake located = new Intake(intake.channel(), intake.externalId(), intake.summary(), grid, intake.reportedAt(),
                intake.caller(), intake.place(), intake.photos());
        try {
            Ticket made = tickets.report(located, receivingCentre.id(), actor(intake.channel(), reporter)).after();
            return new Accepted(made, false, grid != null);
        } catch (RuntimeException refused) {
            // the same order sent twice at once: the other one made it (the store's unique channel number)
            if (intake.externalId() == null) {
                throw refused;
            }
            return repository.findByExternal(intake.channel(), intake.externalId())
                    .map(t -> new Accepted(t, true, t.intake().gridCode() != null)).orElseThrow(() -> refused);
        }
    }

    /// The channel, or the person on its side who sent the request, as the trail records them.
    private Actor actor(Channel channel, String reporter) {
        return reporter == null ? new Actor("CH-" + channel.name(), channel.zhName(), Role.CHANNEL, receivingCentre)
                : new Actor(reporter, channel.zhName() + " " + reporter, Role.CHANNEL, receivingCentre);
    }
}
