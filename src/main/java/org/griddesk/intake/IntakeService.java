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
    private final Unit receivingCentre;

    public IntakeService(TicketService tickets, TicketRepository repository, GridIndex grids, Organisation organisation) {
        this.tickets = tickets;
        this.repository = repository;
        this.grids = grids;
        this.receivingCentre = organisation.units().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE).findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no district centre: load a district first"));
    }

    /// Accepts `intake` (its grid is set here from its point). Re-sent requests return the ticket
    /// they made the first time.
    public Accepted accept(Intake intake) {
        if (intake.externalId() != null) {
            Optional<Ticket> existing = repository.findByExternal(intake.channel(), intake.externalId());
            if (existing.isPresent()) {
                return new Accepted(existing.get(), true, existing.get().intake().gridCode() != null);
            }
        }
        String grid = intake.place() != null && intake.place().hasPoint()
                ? grids.locate(intake.place().lon(), intake.place().lat()).map(Region::code).orElse(null) : null;
        Intake located = new Intake(intake.channel(), intake.externalId(), intake.summary(), grid, intake.reportedAt(),
                intake.caller(), intake.place());
        try {
            Ticket made = tickets.report(located, receivingCentre.id(), channelActor(intake.channel())).after();
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

    private Actor channelActor(Channel channel) {
        return new Actor("CH-" + channel.name(), channel.zhName(), Role.CHANNEL, receivingCentre);
    }
}
