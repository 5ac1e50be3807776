package org.griddesk.intake;

import java.util.List;
import java.util.Optional;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// The department feedback API's side of the loop: a team's own system signs for, returns, checks
/// in to a whistle, asks for more time and reports handled, through the same lifecycle commands and
/// guards as the desk, acting as the team ([Role#HANDLER]) so the trail names it. A team sees only
/// the tickets it was dispatched to or summoned for.
public final class TeamFeedback {
    private final TicketService tickets;
    private final TicketRepository repository;
    private final Organisation organisation;

    public TeamFeedback(TicketService tickets, TicketRepository repository, Organisation organisation) {
        this.tickets = tickets;
        this.repository = repository;
        this.organisation = organisation;
    }

    /// The team of this id, if it is one.
    public Optional<Unit> team(String teamId) {
        return organisation.unit(teamId).filter(Unit::isTeam);
    }

    /// What the team works on now, oldest first.
    public List<Ticket> work(Unit team) {
        return repository.teamWork(team.id()).stream().map(repository::get).toList();
    }

    /// The ticket of this code, when the team has been involved with it.
    public Optional<Ticket> visible(Unit team, String code) {
        return repository.findByCode(code).filter(t -> repository.involves(t.id(), team.id()));
    }

    /// Runs `command` as the team's system on the ticket as last seen at `expectedVersion` (or as it
    /// is now, when null). Throws the rules' [org.griddesk.domain.ticket.TransitionRefused] or
    /// [org.griddesk.store.ticket.StaleTicketException]; nothing is written then.
    public Transition act(Unit team, Ticket ticket, Long expectedVersion, TicketCommand command) {
        Actor system = new Actor("SYS-" + team.id(), team.name() + "业务系统", Role.HANDLER, team);
        return expectedVersion == null ? tickets.execute(ticket, command, system)
                : tickets.execute(ticket.id(), expectedVersion, command, system);
    }
}
