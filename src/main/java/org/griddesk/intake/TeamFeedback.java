package org.griddesk.intake;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.AttachmentRefused;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.Transition;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.store.ticket.Submission;
import org.griddesk.store.ticket.TeamUploads;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// The department feedback API's side of the loop: a team's own system signs for, returns, checks
/// in to a whistle, asks for more time and reports handled, through the same lifecycle commands and
/// guards as the desk, acting as the team ([Role#HANDLER]) so the trail names it. A team sees only
/// the tickets it was dispatched to or summoned for, and names only the files it uploaded itself.
public final class TeamFeedback {
    private final TicketService tickets;
    private final TicketRepository repository;
    private final Organisation organisation;
    private final IntakeRepository sends;
    private final TeamUploads uploads;
    private final Clock clock;
    private final Object[] sendLocks = new Object[64];

    public TeamFeedback(TicketService tickets, TicketRepository repository, Organisation organisation, IntakeRepository sends,
                        TeamUploads uploads, Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.organisation = organisation;
        this.sends = sends;
        this.uploads = uploads;
        this.clock = clock;
        for (int i = 0; i < sendLocks.length; i++) {
            sendLocks[i] = new Object();
        }
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
    /// is now, when null). Throws the rules' [TransitionRefused] or [StaleTicketException]; nothing
    /// is written then.
    public Transition act(Unit team, Ticket ticket, Long expectedVersion, TicketCommand command) {
        Transition done = act(team, ticket, expectedVersion, command, null, t -> null);
        filesTaken(team, command);
        return done;
    }

    /// The answer to an action sent with an `Idempotency-Key`, and whether it is a resend's (the
    /// first send's answer, nothing done again).
    public record Answered(String answer, boolean replayed) {
    }

    /// As [#act(Unit, Ticket, Long, TicketCommand)], sent with the client's `idempotencyKey`: the
    /// first send of the key runs and keeps `answer` of the changed ticket with the change; a resend
    /// within 24 hours with the same `contentDigest` (ticket, action and body) gets that answer
    /// back and changes nothing; with another, [ReusedIdempotencyKey]. A resend racing the first
    /// send (on this gateway or another on the same store) loses to it in the store and is answered
    /// as a resend.
    public Answered act(Unit team, Ticket ticket, Long expectedVersion, TicketCommand command, String idempotencyKey,
                        String contentDigest, Function<Ticket, String> answer) {
        Submission send = new Submission("team:" + team.id(), "K" + ApiKeys.digest(idempotencyKey), contentDigest, clock.instant(),
                IdempotencyKey.WINDOW);
        synchronized (sendLocks[Math.floorMod(send.repeatKey().hashCode(), sendLocks.length)]) {
            Optional<Answered> earlier = answeredBefore(send);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                Answered first = new Answered(answer.apply(act(team, ticket, expectedVersion, command, send, answer).after()), false);
                filesTaken(team, command);
                return first;
            } catch (RuntimeException lost) {
                // refused, stale or the store's duplicate key: when another gateway stored the same send
                // first, answered as its resend; else as it failed
                return answeredBefore(send).orElseThrow(() -> lost);
            }
        }
    }

    /// The answer a send of `idempotencyKey` got before, when there was one (a resend is answered
    /// before its body is looked at again: the files it names may be gone by now); throws
    /// [ReusedIdempotencyKey] when that send's ticket, action or body differ.
    public Optional<Answered> answeredBefore(Unit team, String idempotencyKey, String contentDigest) {
        return answeredBefore(new Submission("team:" + team.id(), "K" + ApiKeys.digest(idempotencyKey), contentDigest, clock.instant(),
                IdempotencyKey.WINDOW));
    }

    /// After an action: a handled report's uploads are in the shared attachments now, so they go;
    /// and any team's uploads a day old go (uploads stop, actions go on).
    private void filesTaken(Unit team, TicketCommand command) {
        if (command instanceof TicketCommand.ReportHandled handled && !handled.attachments().isEmpty()) {
            uploads.taken(team.id(), handled.attachments().stream().map(Attachment::sha256).toList());
        }
        uploads.prune(clock.instant());
    }
    private Transition act(Unit team, Ticket ticket, Long expectedVersion, TicketCommand command, Submission send,
                           Function<Ticket, String> answer) {
        Actor system = new Actor("SYS-" + team.id(), team.name() + "业务系统", Role.HANDLER, team);
        Ticket current = ticket;
        if (expectedVersion != null) {
            current = repository.get(ticket.id());
            if (current.version() != expectedVersion) {
                throw tickets.staleSince(ticket.id(), ticket.code(), expectedVersion);
            }
        }
        return tickets.execute(current, command, system, send, answer);
    }

    private Optional<Answered> answeredBefore(Submission send) {
        return sends.submitted(send).map(earlier -> {
            if (!earlier.contentDigest().equals(send.contentDigest())) {
                throw new ReusedIdempotencyKey();
            }
            return new Answered(earlier.answer(), true);
        });
    }

    /// A file the team's system uploaded, and whether the team had not uploaded these bytes before.
    public record Uploaded(Attachment file, boolean fresh) {
    }

    /// Takes one file for the team's next handled report, checked as every attachment is
    /// ([Attachment#of]: type by its bytes, whole, at most 10 MB and 50 megapixels; throws
    /// [org.griddesk.domain.ticket.AttachmentRefused]), and refused too when the team already has
    /// [TeamUploads#MAX_HELD_BYTES] waiting for reports. Uploads older than a day are deleted first.
    public Uploaded upload(Unit team, String name, byte[] content) {
        if (!team.isTeam()) {
            throw new IllegalArgumentException(team.id() + " is not a team");
        }
        Attachment file = Attachment.of(name, content);
        uploads.prune(clock.instant());
        if (uploads.heldBytes(team.id()) + file.size() > TeamUploads.MAX_HELD_BYTES) {
            throw new AttachmentRefused("evidence.refused.held", file.name(), TeamUploads.MAX_HELD_BYTES / (1024 * 1024));
        }
        Optional<String> before = uploads.store(team.id(), file, clock.instant());
        // the same bytes again: the report takes them under their first name, and the answer says so
        return new Uploaded(before.map(n -> Attachment.of(n, content)).orElse(file), before.isEmpty());
    }

    /// The file the team uploaded under this digest within a day, checked again as an attachment;
    /// empty for a digest it never uploaded (or another team's, or one pruned).
    public Optional<Attachment> uploaded(Unit team, String sha256) {
        return uploads.find(team.id(), sha256, clock.instant()).map(u -> Attachment.of(u.name(), u.content()));
    }
}
