package org.griddesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.griddesk.domain.district.Camera;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Category;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.Intake;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.IntakeDetail.Locating;
import org.griddesk.domain.ticket.Place;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.VideoAlarm;
import org.griddesk.geo.GridCentres;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.Submission;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Takes a request from a channel into the queue, once per channel number:
/// placed in its grid and given to that grid's town or street centre (the district centre takes
/// what cannot be placed) (the grid the channel names, else its point's, else its address's by the
/// [Gazetteer]; else kept and flagged for a person to place: a citizen's request is never dropped
/// for want of a place), checked against the open tickets for duplicates (suggestions kept with the
/// ticket for the dispatcher), and, for a video alarm that repeats an open one of the same camera
/// and type within [#FOLD_WINDOW], folded into that ticket and counted instead of making a new one.
/// A request sent through Open311 that repeats an earlier send ([Submission]: the same
/// `Idempotency-Key`, or the same content within a window) gets the earlier send's ticket back.
public final class IntakeService {
    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);
    public static final Duration FOLD_WINDOW = Duration.ofMinutes(30);

    /// A request as a channel endpoint read it: the intake, who sent it on the channel's side (a
    /// grid worker's id, or null for the channel itself), the channel's hints, its alarm (video only),
    /// and how a repeat of it is recognised (Open311 only, else null).
    /// `worker`: the grid worker whose personal token the request carried (null for a channel's
    /// key): the ticket is reported under that account.
    /// `taker`: the person who took the request at a centre's desk (席位录入), or null for every
    /// other channel: the trail records them as its reporter, and their centre receives it (首问首办).
    public record Request(Intake intake, String reporter, IntakeDetail hints, VideoAlarm alarm, Submission submission,
                          SignedWorker worker, Actor taker) {
        public Request {
            hints = hints == null ? IntakeDetail.NONE : hints;
            if (taker != null && !taker.unit().isCentre()) {
                throw new IllegalArgumentException("a request is taken at a centre's desk, not at " + taker.unit().id());
            }
        }

        public Request(Intake intake, String reporter, IntakeDetail hints, VideoAlarm alarm, Submission submission,
                       SignedWorker worker) {
            this(intake, reporter, hints, alarm, submission, worker, null);
        }

        public Request(Intake intake, String reporter, IntakeDetail hints, VideoAlarm alarm, Submission submission) {
            this(intake, reporter, hints, alarm, submission, null);
        }

        public Request(Intake intake, String reporter, IntakeDetail hints, VideoAlarm alarm) {
            this(intake, reporter, hints, alarm, null, null);
        }
    }

    /// A grid worker known by their personal token: their account's id and name (the trail's actor).
    public record SignedWorker(String accountId, String name) {
    }

    /// What became of a request: its ticket, whether it was already there, how it was placed (null:
    /// not placed), whether it was folded into an earlier alarm's ticket and how many repeats that
    /// has, and the open tickets it may repeat.
    public record Accepted(Ticket ticket, boolean alreadyThere, Locating locatedBy, boolean folded, int repeats,
                           List<DuplicateSuggestion> duplicates) {
        public boolean located() {
            return ticket.intake().gridCode() != null;
        }
    }

    private final TicketService tickets;
    private final TicketRepository repository;
    private final IntakeRepository intakes;
    private final GridIndex grids;
    private final Gazetteer gazetteer;
    private final Map<String, Region> gridsByCode;
    private final Map<String, Camera> cameras;
    private final Taxonomy taxonomy;
    private final Unit districtCentre;
    private final Map<String, Unit> centreOfGrid;
    private final OpenRequests open;
    private final Map<String, Object> foldLocks = new ConcurrentHashMap<>();
    /// sends of the same repeat key wait for each other here (one stripe per key's hash), so that on
    /// one gateway a burst of repeats makes one ticket without a refused transaction each; the store's
    /// key decides between gateways
    private final Object[] sendLocks = new Object[64];
    private final Organisation organisation;
    private final GridPlaces places;
    private final String jurisdictionId;

    /// `jurisdictionId`: the district's id as Open311 clients name it (docs/api.md), or null when the
    /// store names none.
    public IntakeService(TicketService tickets, TicketRepository repository, IntakeRepository intakes, List<Region> regions,
                         List<Camera> cameras, Taxonomy taxonomy, Organisation organisation, String jurisdictionId, Clock clock) {
        this.tickets = tickets;
        this.repository = repository;
        this.intakes = intakes;
        List<Region> gridRegions = regions.stream().filter(r -> r.level() == RegionLevel.GRID).toList();
        this.grids = new GridIndex(gridRegions);
        this.gazetteer = new Gazetteer(regions, grids);
        this.gridsByCode = gridRegions.stream().collect(Collectors.toUnmodifiableMap(Region::code, r -> r));
        this.cameras = cameras.stream().collect(Collectors.toUnmodifiableMap(Camera::code, c -> c, (a, b) -> a));
        this.taxonomy = taxonomy;
        this.districtCentre = organisation.units().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE).findFirst()
                .orElseThrow(() -> new IllegalStateException("the store has no district centre: load a district first"));
        this.centreOfGrid = GridCentres.of(regions, organisation);
        this.organisation = organisation;
        this.places = new GridPlaces(regions);
        this.jurisdictionId = jurisdictionId;
        for (int i = 0; i < sendLocks.length; i++) {
            sendLocks[i] = new Object();
        }
        Map<String, Item> items = taxonomy.itemsByCode();
        this.open = new OpenRequests(intakes, repository, code -> items.containsKey(code) ? items.get(code).categoryCode() : null,
                clock);
    }

    /// The store says tickets changed (another desk or gateway committed): the duplicate check
    /// catches up now rather than on the next request.
    public void storeChanged() {
        open.catchUpNow();
    }

    /// Whether the district has a grid of this code.
    public boolean knowsGrid(String code) {
        return gridsByCode.containsKey(code);
    }

    /// Whether the taxonomy has an item of this code.
    public boolean knowsItem(String code) {
        return taxonomy.item(code).isPresent();
    }

    /// The item a kind of alarm (a video alarm's type, a sensor platform's name) names, when the
    /// administrator has mapped it to one the catalogue has.
    public Optional<String> kindItem(String kind) {
        return intakes.alarmItem(kind);
    }

    /// The taxonomy requests are classified by (Open311's services).
    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /// The name of a unit, or its id when unknown.
    public String unitName(String unitId) {
        return organisation.unit(unitId).map(Unit::name).orElse(unitId);
    }

    /// The store's view of requests, for Open311's queries.
    public IntakeRepository requests() {
        return intakes;
    }

    /// Where the district's grids are, as anyone may be told (Open311's reads).
    public GridPlaces places() {
        return places;
    }

    /// The district's id as Open311 clients name it, if the store names one.
    public Optional<String> jurisdictionId() {
        return Optional.ofNullable(jurisdictionId);
    }

    /// The camera of this code, if the district has it.
    public Optional<Camera> camera(String code) {
        return Optional.ofNullable(cameras.get(code));
    }

    /// Accepts a request without hints (see [#accept(Request)]).
    public Accepted accept(Intake intake, String reporter) {
        return accept(new Request(intake, reporter, null, null));
    }

    /// Accepts a request. Re-sent requests return the ticket they made (or were folded into) the first
    /// time. Throws [ReusedIdempotencyKey] when an Open311 client sends its `Idempotency-Key` again
    /// with other content (its new request would otherwise be lost).
    public Accepted accept(Request request) {
        Submission submission = request.submission();
        if (submission == null) {
            return accepted(request);
        }
        synchronized (sendLocks[Math.floorMod(submission.repeatKey().hashCode(), sendLocks.length)]) {
            Optional<Accepted> earlier = submittedBefore(submission);
            return earlier.isPresent() ? earlier.get() : accepted(request);
        }
    }

    private Accepted accepted(Request request) {
        // an alarm is looked up first (it may fold into another ticket); any other request is simply
        // written, and the store's unique channel number finds a re-sent one (one query less for each new one)
        Optional<Accepted> before = request.alarm() != null ? sentBefore(request) : Optional.empty();
        if (before.isPresent()) {
            return before.get();
        }
        Intake intake = request.intake();
        Locating how = placement(intake);
        Intake placed = placed(intake, how);
        VideoAlarm alarm = request.alarm();
        // a video alarm's kind names its item when the administrator has mapped it (griddesk alarms map)
        String itemHint = request.hints().itemHint() != null || alarm == null ? request.hints().itemHint()
                : kindItem(alarm.alarmType()).orElse(null);
        IntakeDetail detail = new IntakeDetail(how, itemHint, request.hints().categoryHint(), request.hints().urgent());
        if (alarm == null) {
            return report(placed, request.reporter(), request.worker(), detail, null, request.submission(), request.taker());
        }
        synchronized (foldLocks.computeIfAbsent(alarm.cameraCode() + "|" + alarm.alarmType(), k -> new Object())) {
            Optional<Accepted> meanwhile = sentBefore(request); // the same alarm sent twice at once
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            Optional<Long> earlier = intakes.openAlarmTicket(alarm.cameraCode(), alarm.alarmType(),
                    alarm.alarmAt().minus(FOLD_WINDOW));
            if (earlier.isPresent()) {
                Optional<Accepted> folded = fold(earlier.get(), request, placed, how);
                if (folded.isPresent()) {
                    return folded.get();
                }
            }
            return report(placed, request.reporter(), request.worker(), detail, alarm, null, null);
        }
    }

    /// The request with the grid `how` finds for it (none when `how` is null).
    private Intake placed(Intake intake, Locating how) {
        String grid = switch (how) {
            case GIVEN -> intake.gridCode();
            case POINT -> grids.locate(intake.place().lon(), intake.place().lat()).map(Region::code).orElseThrow();
            case ADDRESS -> gazetteer.gridOf(intake.place().address()).orElseThrow();
            case null -> null;
        };
        return new Intake(intake.channel(), intake.externalId(), intake.summary(), grid, intake.reportedAt(),
                intake.caller(), intake.place(), intake.photos());
    }

    /// The open tickets a request would be suggested as repeating, placed as [#accept] would place
    /// it, without taking it: what the desk's entry form shows while the dispatcher types. Nothing
    /// is written; the suggestions kept with the ticket are made again when it is taken.
    public List<DuplicateSuggestion> duplicatesOf(Intake intake, IntakeDetail hints) {
        Locating how = placement(intake);
        IntakeDetail detail = hints == null ? IntakeDetail.NONE : hints;
        return open.check().check(traits(placed(intake, how), detail, null));
    }

    /// Folds the ticket `ticketId` into the open ticket `masterId` as `actor`, through the
    /// lifecycle's merge: the rules decide (who may, whether it is still new, whether the master is
    /// still open) and throw [TransitionRefused] otherwise; nothing is written then.
    public void merge(long ticketId, long masterId, Actor actor) {
        tickets.execute(repository.get(ticketId), new org.griddesk.domain.ticket.TicketCommand.Merge(repository.get(masterId)), actor);
    }

    /// The grid a request would be placed in, if any (the same rules as [#accept]).
    public Optional<String> gridOf(Intake intake) {
        return Optional.ofNullable(placed(intake, placement(intake)).gridCode());
    }

    /// Folds the alarm into the open ticket its first alarm made, as the video channel acting for the
    /// centre the alarm's place (`placed`) belongs to. Empty when that ticket was closed since it was
    /// looked up: the alarm then makes a ticket of its own.
    private Optional<Accepted> fold(long ticketId, Request request, Intake placed, Locating how) {
        VideoAlarm alarm = request.alarm();
        Ticket ticket;
        try {
            ticket = tickets.foldAlarm(ticketId, alarm, actor(Channel.VIDEO, request.reporter(), null, receivingCentre(placed))).after();
        } catch (TransitionRefused closed) {
            log.info("alarm {} not folded: ticket #{} is no longer open ({})", alarm.alarmId(), ticketId, closed.getMessage());
            return Optional.empty();
        } catch (RuntimeException failed) {
            // the same alarm sent to another gateway at once: that one kept it (the store's unique alarm id)
            return Optional.of(sentBefore(request).orElseThrow(() -> failed));
        }
        return Optional.of(new Accepted(ticket, false, how, true, intakes.repeats(ticketId), List.of()));
    }

    /// The centre a request goes to: its grid's town or street centre, else the district centre.
    private Unit receivingCentre(Intake intake) {
        return intake.gridCode() == null ? districtCentre : centreOfGrid.getOrDefault(intake.gridCode(), districtCentre);
    }

    private Optional<Accepted> sentBefore(Request request) {
        Intake intake = request.intake();
        if (request.submission() != null) {
            return submittedBefore(request.submission());
        }
        if (request.alarm() != null) {
            return intakes.ticketOfAlarm(request.alarm().alarmId()).map(id -> {
                Ticket ticket = repository.get(id);
                boolean folded = !request.alarm().alarmId().equals(ticket.intake().externalId());
                return new Accepted(ticket, true, locatedBy(id), folded, intakes.repeats(id), List.of());
            });
        }
        if (intake.externalId() == null) {
            return Optional.empty();
        }
        return repository.findByExternal(intake.channel(), intake.externalId())
                .map(t -> new Accepted(t, true, locatedBy(t.id()), false, 0, List.of()));
    }

    /// The ticket an earlier send of the same repeat key made within its window, as accepted again.
    private Optional<Accepted> submittedBefore(Submission submission) {
        return intakes.submitted(submission).map(earlier -> {
            if (!earlier.contentDigest().equals(submission.contentDigest())) {
                throw new ReusedIdempotencyKey();
            }
            Ticket ticket = repository.get(earlier.ticketId());
            return new Accepted(ticket, true, locatedBy(ticket.id()), false, 0, List.of());
        });
    }

    private Locating locatedBy(long ticketId) {
        return intakes.detail(ticketId).map(IntakeDetail::locatedBy).orElse(null);
    }

    /// How the request finds its grid, or null when it cannot.
    private Locating placement(Intake intake) {
        Place place = intake.place();
        if (intake.gridCode() != null && knowsGrid(intake.gridCode())) {
            return Locating.GIVEN;
        }
        if (place != null && place.hasPoint() && grids.locate(place.lon(), place.lat()).isPresent()) {
            return Locating.POINT;
        }
        if (place != null && gazetteer.gridOf(place.address()).isPresent()) {
            return Locating.ADDRESS;
        }
        return null;
    }

    /// The request as the duplicate check compares it.
    private RequestTraits traits(Intake intake, IntakeDetail detail, VideoAlarm alarm) {
        Place place = intake.place();
        Double lon = place != null && place.hasPoint() ? place.lon() : null;
        Double lat = place != null && place.hasPoint() ? place.lat() : null;
        // compared by its blind index, as the open tickets' phones are read
        String phone = intake.caller() == null ? null : repository.phoneIndex(intake.caller().phone());
        RequestTraits traits = open.traits(0, null, intake.reportedAt(), lon, lat, intake.gridCode(), detail.itemHint(), phone,
                alarm == null ? null : alarm.cameraCode(), alarm == null ? null : alarm.alarmType(), intake.summary());
        if (detail.itemHint() == null && detail.categoryHint() != null) {
            traits = withCategory(traits, categoryNamed(detail.categoryHint()));
        }
        return traits;
    }

    private Accepted report(Intake intake, String reporter, SignedWorker worker, IntakeDetail detail, VideoAlarm alarm,
                            Submission submission, Actor taker) {
        RequestTraits traits = traits(intake, detail, alarm);
        List<DuplicateSuggestion> duplicates = open.check().check(traits);
        Ticket made;
        try {
            // a request taken at a desk stays with the taker's centre (首问首办); any other goes to its grid's
            Unit centre = taker != null ? taker.unit() : receivingCentre(intake);
            Actor actor = taker != null ? taker : actor(intake.channel(), reporter, worker, centre);
            made = tickets.report(intake, centre.id(), actor, detail, alarm, duplicates, submission).after();
        } catch (RuntimeException refused) {
            // the same request sent twice at once: the other one made it (the store's unique channel
            // number, or the send's repeat key)
            Optional<Accepted> other = sentBefore(new Request(intake, reporter, detail, alarm, submission, worker, taker));
            if (other.isEmpty()) {
                throw refused;
            }
            return other.get();
        }
        open.added(new RequestTraits(made.id(), made.code(), traits.at(), traits.lon(), traits.lat(), intake.gridCode(),
                traits.itemCode(), traits.categoryCode(), traits.callerPhone(), traits.cameraCode(), traits.alarmType(),
                traits.bigrams()));
        return new Accepted(made, false, detail.locatedBy(), false, 0, duplicates);
    }

    private static RequestTraits withCategory(RequestTraits t, String category) {
        return new RequestTraits(t.id(), t.code(), t.at(), t.lon(), t.lat(), t.gridCode(), t.itemCode(), category,
                t.callerPhone(), t.cameraCode(), t.alarmType(), t.bigrams());
    }

    /// The category whose name the hotline's words contain (`市容环境` in `市容环境-占道经营`), or null.
    private String categoryNamed(String hint) {
        return taxonomy.categories().stream().filter(c -> hint.contains(c.name())).map(Category::code).findFirst().orElse(null);
    }

    /// The channel, or the person on its side who sent the request, as the trail records them: a
    /// grid worker known by their token as their account, acting for the receiving centre.
    private static Actor actor(Channel channel, String reporter, SignedWorker worker, Unit centre) {
        if (worker != null) {
            return new Actor(worker.accountId(), worker.name(), Role.GRID_WORKER, centre);
        }
        return reporter == null ? new Actor("CH-" + channel.name(), channel.zhName(), Role.CHANNEL, centre)
                : new Actor(reporter, channel.zhName() + " " + reporter, Role.CHANNEL, centre);
    }
}
