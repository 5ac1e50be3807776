package org.griddesk.visit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.ticket.Attachment;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.visit.FieldCheck;
import org.griddesk.domain.visit.RecordedVisit;
import org.griddesk.domain.visit.VisitDue;
import org.griddesk.domain.visit.VisitFinding;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.domain.visit.VisitScope;
import org.griddesk.security.ApiKeys;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.Submission;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.store.visit.FieldRecords;
import org.griddesk.store.visit.FieldRecords.WorkerPost;
import org.griddesk.store.visit.VisitRepository;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/// The workers' app (网格通) behind the gateway: a grid worker's tasks, visits, verifications of
/// reports (核实) and on-site checks of handled tickets (核查). Every rule is decided here: the
/// household must be of the worker's grid, the moment neither in the future nor older than
/// [#BACKLOG] (a phone offline for a day sends its backlog), the point inside the district, each
/// photo at most [#MAX_PHOTO_BYTES]. A check of a handled ticket is the lifecycle's verification
/// step when `siteCheckVerifies` (the configuration) says so: a failed one returns the ticket to its
/// team as rework. A send with an `Idempotency-Key` is recorded with its answer in the transaction
/// of what it made: its resend within [#KEY_WINDOW] gets the same answer and changes nothing.
public final class WorkerDuties {
    public static final Duration KEY_WINDOW = Duration.ofHours(24);
    public static final Duration BACKLOG = Duration.ofDays(7);
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    public static final int MAX_PHOTOS = Attachment.MAX_PER_REPORT;
    public static final int MAX_NOTE = 2000;

    /// A grid worker the gateway knows by their token, with the post their account is linked to.
    public record Worker(String accountId, String name, String workerId, String gridCode) {
    }

    /// A send as the app made it: its `Idempotency-Key` (null when none) and the digest of its content.
    public record Send(String key, String contentDigest) {
    }

    /// The answer to a send, whether it is a resend's (nothing done again), and whether it made something new.
    public record Answered(String answer, boolean replayed, boolean fresh) {
    }

    public record VisitForm(String householdId, Instant at, double lon, double lat, Set<VisitFinding> findings, String note,
                            List<Attachment> photos) {
    }

    public record CheckForm(FieldCheck.Kind kind, String ticketCode, boolean outcome, Double lon, Double lat, String note,
                            List<Attachment> photos) {
    }

    /// What a worker has to do: visits owed in their grid (overdue first), reports waiting to be
    /// verified and handled tickets waiting for a check on site.
    public record Tasks(List<VisitDue> visits, List<Ticket> verifications, List<Ticket> checks) {
    }

    private final VisitPlans plans;
    private final VisitRepository visits;
    private final FieldRecords records;
    private final DistrictRepository district;
    private final TicketService tickets;
    private final TicketRepository ticketRows;
    private final IntakeRepository sends;
    private final Organisation organisation;
    private final Supplier<Optional<PreparedGeometry>> outline;
    private final boolean siteCheckVerifies;
    private final Clock clock;
    private final Object[] sendLocks = new Object[64];

    public WorkerDuties(VisitPlans plans, VisitRepository visits, FieldRecords records, DistrictRepository district, TicketService tickets,
                        TicketRepository ticketRows, IntakeRepository sends, Organisation organisation,
                        Supplier<Optional<PreparedGeometry>> outline, boolean siteCheckVerifies, Clock clock) {
        this.plans = plans;
        this.visits = visits;
        this.records = records;
        this.district = district;
        this.tickets = tickets;
        this.ticketRows = ticketRows;
        this.sends = sends;
        this.organisation = organisation;
        this.outline = outline;
        this.siteCheckVerifies = siteCheckVerifies;
        this.clock = clock;
        for (int i = 0; i < sendLocks.length; i++) {
            sendLocks[i] = new Object();
        }
    }

    /// The worker an account of the GRID_WORKER role is, by its link to a grid's post; refused when it has none.
    public Worker worker(String accountId, String name) {
        WorkerPost post = records.postOf(accountId).orElseThrow(() -> new VisitRefused("visits.refused.noPost"));
        return new Worker(accountId, name, post.workerId(), post.gridCode());
    }

    public Tasks tasks(Worker worker) {
        return tasksOf(worker.gridCode(), plans, records, ticketRows);
    }

    /// What the worker of a grid has to do now (the app's task list, and the desk's view of a worker's day).
    public static Tasks tasksOf(String gridCode, VisitPlans plans, FieldRecords records, TicketRepository ticketRows) {
        List<Ticket> reported = records.ticketsOfGrid(gridCode, EnumSet.of(TicketState.REPORTED)).stream()
                .map(ticketRows::get).filter(t -> t.intake().channel() != Channel.GRID_APP).toList();
        List<Ticket> handled = records.ticketsOfGrid(gridCode, EnumSet.of(TicketState.HANDLED)).stream().map(ticketRows::get).toList();
        return new Tasks(plans.owed(VisitScope.grid(gridCode)), reported, handled);
    }

    /// Records a visit; `answer` writes what the app is told, of the visit's id.
    public Answered recordVisit(Worker worker, VisitForm form, Send send, Function<Long, String> answer) {
        return once(worker, send, () -> {
            VisitHousehold household = district.visitHousehold(form.householdId())
                    .orElseThrow(() -> new VisitRefused("visits.refused.household", form.householdId()));
            if (!household.gridCode().equals(worker.gridCode())) {
                throw new VisitRefused("visits.refused.otherGrid", form.householdId(), household.gridCode(), worker.gridCode());
            }
            moment(form.at());
            point(form.lon(), form.lat());
            photos(form.photos());
            if (form.findings().isEmpty()) {
                throw new VisitRefused("visits.refused.findings");
            }
            Optional<Long> same = visits.sameVisit(form.householdId(), worker.workerId(), form.at());
            if (same.isPresent()) {
                // the same visit sent again without a key (or under a new one): told, not doubled
                return new Answered(answer.apply(same.get()), false, false);
            }
            RecordedVisit visit = new RecordedVisit(form.householdId(), worker.workerId(), form.at(), form.lon(), form.lat(),
                    form.findings(), note(form.note()), form.photos());
            Submission submission = submission(worker, send);
            String[] told = new String[1];
            visits.record(visit, submission, id -> told[0] = answer.apply(id));
            return new Answered(told[0], false, true);
        });
    }

    /// Records a verification of a report or a check of a handled ticket of the worker's grid; a
    /// check is the ticket's verification step when the configuration says so. `answer` writes what
    /// the app is told, of the ticket as it is after.
    public Answered check(Worker worker, CheckForm form, Send send, Function<Ticket, String> answer) {
        return once(worker, send, () -> {
            Ticket ticket = ticketRows.findByCode(form.ticketCode()).filter(t -> worker.gridCode().equals(t.intake().gridCode()))
                    .orElseThrow(() -> new VisitRefused("visits.refused.ticket", form.ticketCode()));
            boolean verify = form.kind() == FieldCheck.Kind.VERIFY;
            if (verify ? ticket.state().isTerminal() : ticket.state() != TicketState.HANDLED) {
                throw new VisitRefused(verify ? "visits.refused.closed" : "visits.refused.notHandled", ticket.code(), "visits.state." + ticket.state().name());
            }
            String note = note(form.note());
            if (!form.outcome() && note == null) {
                throw new VisitRefused("visits.refused.reasonRequired");
            }
            if (form.lon() != null) {
                point(form.lon(), form.lat());
            }
            photos(form.photos());
            Submission submission = submission(worker, send);
            boolean applies = !verify && siteCheckVerifies;
            FieldCheck check = new FieldCheck(form.kind(), ticket.id(), worker.workerId(), worker.accountId(), form.outcome(), form.lon(),
                    form.lat(), note, clock.instant(), applies, form.photos());
            if (!applies) {
                String[] told = new String[1];
                records.record(check, submission, () -> told[0] = answer.apply(ticket));
                return new Answered(told[0], false, true);
            }
            Unit owner = organisation.unit(ticket.ownerUnitId()).orElseThrow();
            Actor actor = new Actor(worker.accountId(), worker.name(), Role.GRID_WORKER, owner);
            TicketCommand command = new TicketCommand.SiteCheck(form.outcome(), siteWords(note, form.outcome()));
            // the check's record (and its photos) in the ticket's transaction: both or neither
            Ticket after = tickets.execute(ticket, command, actor, submission, answer, tx -> FieldRecords.record(tx, check)).after();
            return new Answered(answer.apply(after), false, true);
        });
    }

    private static String siteWords(String note, boolean passed) {
        String head = passed ? "网格员现场核查通过" : "网格员现场核查未通过";
        return note == null ? head : head + "：" + note;
    }

    /// Runs `work` once per key: a resend gets the first answer; the same key with other content is refused.
    private Answered once(Worker worker, Send send, Supplier<Answered> work) {
        if (send.key() == null) {
            return work.get();
        }
        Submission submission = submission(worker, send);
        synchronized (sendLocks[Math.floorMod(submission.repeatKey().hashCode(), sendLocks.length)]) {
            Optional<Answered> earlier = answeredBefore(submission);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            try {
                return work.get();
            } catch (VisitRefused refused) {
                throw refused;
            } catch (RuntimeException lost) {
                // the same send stored first by another gateway: answered as its resend
                return answeredBefore(submission).orElseThrow(() -> lost);
            }
        }
    }

    private Submission submission(Worker worker, Send send) {
        return send.key() == null ? null : new Submission("worker:" + worker.accountId(), "K" + ApiKeys.digest(send.key()),
                send.contentDigest(), clock.instant(), KEY_WINDOW);
    }

    private Optional<Answered> answeredBefore(Submission submission) {
        return sends.submitted(submission).map(earlier -> {
            if (!earlier.contentDigest().equals(submission.contentDigest())) {
                throw new VisitRefused("visits.refused.keyReused");
            }
            return new Answered(earlier.answer(), true, false);
        });
    }

    private void moment(Instant at) {
        Instant now = clock.instant();
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new VisitRefused("visits.refused.future", at.toString());
        }
        if (at.isBefore(now.minus(BACKLOG))) {
            throw new VisitRefused("visits.refused.tooOld", at.toString(), BACKLOG.toDays());
        }
    }

    private void point(double lon, double lat) {
        Optional<PreparedGeometry> district = outline.get();
        if (district.isPresent() && !district.get().covers(GEOMETRY.createPoint(new Coordinate(lon, lat)))) {
            throw new VisitRefused("visits.refused.outside", lon, lat);
        }
    }

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static void photos(List<Attachment> photos) {
        if (photos.size() > MAX_PHOTOS) {
            throw new VisitRefused("visits.refused.photos", MAX_PHOTOS);
        }
        for (Attachment photo : photos) {
            if (photo.size() > MAX_PHOTO_BYTES) {
                throw new VisitRefused("visits.refused.photoTooLarge", photo.name(), MAX_PHOTO_BYTES / (1024 * 1024));
            }
        }
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new VisitRefused("visits.refused.noteTooLong", MAX_NOTE);
        }
        return note.strip();
    }
}
