package org.griddesk.store.mapversion;

import static org.griddesk.store.jooq.Tables.TICKET;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.griddesk.domain.org.Actor;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Role;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitKind;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.ticket.PlaceReview;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketCommand;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.domain.ticket.TicketState;
import org.griddesk.domain.ticket.TransitionRefused;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.geo.GridCentres;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.StaleTicketException;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Places open tickets again on the map as it stands now, by their points: a ticket whose point lies
/// in another grid is placed there (one waiting to be accepted follows its grid's centre, as the
/// intake would route it); what the map cannot decide is left to the owning centre as a
/// [PlaceReview] (its grid retired and no point, a point in no grid, a point in another town after
/// acceptance). Each step is a trail event by the map's actor (`地图更新`), so desks see it at once.
///
/// Run after a new map is written, over the tickets of the grids it moved ([#afterNewMap]), and by a
/// gateway that took requests with the old map in the moments before it read the new one
/// ([#reportedSince]). Closed tickets are never touched: history keeps the grid codes it had.
public final class OpenTicketPlacer {
    private static final Logger log = LoggerFactory.getLogger(OpenTicketPlacer.class);
    private static final List<String> ENDED = List.of(TicketState.CLOSED.name(), TicketState.MERGED.name(),
            TicketState.REJECTED.name());

    /// What one pass did.
    public record Placed(int moved, int asked, int unchanged) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public OpenTicketPlacer(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// The open tickets on the grids a new map moved, and those not placed yet that have a point.
    public Placed afterNewMap(Set<String> movedGrids, long changeSeq) {
        return place(TICKET.GRID_CODE.in(movedGrids).or(TICKET.GRID_CODE.isNull().and(TICKET.LON.isNotNull())), changeSeq);
    }

    /// The open tickets reported since `since` (a gateway's catch-up after it read the new map).
    public Placed reportedSince(Instant since, long changeSeq) {
        return place(TICKET.REPORTED_AT.ge(since.atOffset(ZoneOffset.UTC)), changeSeq);
    }

    private Placed place(Condition which, long changeSeq) {
        DistrictRepository district = new DistrictRepository(dsl);
        Organisation organisation = district.organisation();
        List<Region> regions = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
            regions.addAll(district.regions(level));
        }
        List<Region> grids = regions.stream().filter(r -> r.level() == RegionLevel.GRID).toList();
        Set<String> live = new HashSet<>();
        grids.forEach(g -> live.add(g.code()));
        Map<String, Unit> centres = GridCentres.of(regions, organisation);
        Unit districtCentre = organisation.units().stream()
                .filter(u -> u.level() == UnitLevel.DISTRICT && u.kind() == UnitKind.CENTRE).findFirst().orElseThrow();
        Map<Long, Long> tickets = dsl.select(TICKET.ID, TICKET.VERSION).from(TICKET).where(TICKET.STATE.notIn(ENDED), which)
                .orderBy(TICKET.ID).fetchMap(TICKET.ID, TICKET.VERSION);
        if (tickets.isEmpty()) {
            return new Placed(0, 0, 0);
        }
        var lifecycle = new TicketLifecycle(new CalendarRepository(dsl, clock).workCalendar(), organisation, LifecycleRules.DEFAULT);
        TicketService service = new TicketService(dsl, lifecycle, clock);
        TicketRepository repository = new TicketRepository(dsl);
        Actor actor = new Actor("MAP-" + changeSeq, "地图更新", Role.SYSTEM_ADMIN, districtCentre);
        GridIndex index = new GridIndex(grids);
        int moved = 0;
        int asked = 0;
        int unchanged = 0;
        for (long id : tickets.keySet()) {
            try {
                switch (placeOne(repository.get(id), index, live, centres, districtCentre, service, actor, organisation)) {
                    case MOVED -> moved++;
                    case ASKED -> asked++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (StaleTicketException e) {
                // a person changed it meanwhile: once more as it is now
                placeOne(repository.get(id), index, live, centres, districtCentre, service, actor, organisation);
            }
        }
        log.info("open tickets on the new map (change {}): {} placed again, {} left for review, {} unchanged",
                changeSeq, moved, asked, unchanged);
        return new Placed(moved, asked, unchanged);
    }

    private enum Step { MOVED, ASKED, UNCHANGED }

    private static Step placeOne(Ticket t, GridIndex index, Set<String> live, Map<String, Unit> centres, Unit districtCentre,
                                 TicketService service, Actor actor, Organisation organisation) {
        if (t.state().isTerminal()) {
            return Step.UNCHANGED;
        }
        String grid = t.intake().gridCode();
        var place = t.intake().place();
        Optional<Region> target = place == null || place.lon() == null ? Optional.empty() : index.locate(place.lon(), place.lat());
        if (target.isEmpty()) {
            if (grid == null || live.contains(grid)) {
                return Step.UNCHANGED;
            }
            return ask(t, place == null || place.lon() == null ? PlaceReview.Reason.GRID_RETIRED : PlaceReview.Reason.OUTSIDE,
                    null, service, actor);
        }
        String code = target.get().code();
        Unit centre = centres.getOrDefault(code, districtCentre);
        Unit owner = organisation.unit(t.ownerUnitId()).orElse(districtCentre);
        boolean follows = t.state() == TicketState.REPORTED && !owner.id().equals(centre.id());
        if (code.equals(grid) && !follows) {
            if (t.state() != TicketState.REPORTED && !organisation.isSameOrAbove(owner, centre)) {
                return ask(t, PlaceReview.Reason.OTHER_TOWN, code, service, actor); // its community moved to another town
            }
            return Step.UNCHANGED;
        }
        try {
            service.execute(t, new TicketCommand.Regrid(code, centre.id()), actor);
            return Step.MOVED;
        } catch (TransitionRefused refused) {
            // accepted by a centre whose area the point has left (首问首办): the centre decides
            return ask(t, PlaceReview.Reason.OTHER_TOWN, code, service, actor);
        }
    }

    private static Step ask(Ticket t, PlaceReview.Reason reason, String suggested, TicketService service, Actor actor) {
        PlaceReview waiting = t.placeReview();
        if (waiting != null && waiting.reason() == reason && Objects.equals(waiting.suggestedGrid(), suggested)) {
            return Step.UNCHANGED; // asked already
        }
        service.execute(t, new TicketCommand.AskPlaceReview(reason, suggested), actor);
        return Step.ASKED;
    }
}
