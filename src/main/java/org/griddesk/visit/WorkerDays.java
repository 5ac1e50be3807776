package org.griddesk.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.domain.district.GridWorker;
import org.griddesk.domain.district.VisitHousehold;
import org.griddesk.domain.org.Permission;
import org.griddesk.domain.visit.VisitRefused;
import org.griddesk.geo.Region;
import org.griddesk.patrol.PatrolCoverage;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.security.Session;
import org.griddesk.store.Database;
import org.griddesk.store.PersonalDataService;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.patrol.DayPatrols;
import org.griddesk.store.patrol.PatrolRepository;
import org.griddesk.store.security.LiveSessions;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.visit.FieldRecords;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.store.visit.WorkerDayRecords;
import org.griddesk.store.visit.WorkerDayRecords.Photo;

/// A grid worker's day for the desk (the grid card's 网格员当日工作): who may see it is decided here.
/// The centre's dispatchers and supervisors see the workers of their area, the district's people
/// every worker; households are shown masked. A refusal is a [VisitRefused]; nothing is read.
public final class WorkerDays {
    private static final double METRES_PER_DEGREE = 111_320;

    private final Database db;
    private final VisitPlans plans;
    private final FieldRecords fieldRecords;
    private final WorkerDayRecords records;
    private final DistrictRepository district;
    private final TicketRepository tickets;
    private final DayPatrols patrols;
    private final PersonalDataService personal;
    private final Clock clock;

    public WorkerDays(Database db, PersonalDataService personal, Clock clock) {
        this.db = db;
        this.plans = new VisitPlans(new VisitRepository(db.dsl()), clock);
        this.fieldRecords = new FieldRecords(db.dsl());
        this.records = new WorkerDayRecords(db.dsl());
        this.district = new DistrictRepository(db.dsl());
        this.tickets = new TicketRepository(db.dsl());
        this.patrols = new DayPatrols(new PatrolRepository(db.dsl()));
        this.personal = personal;
        this.clock = clock;
    }

    /// Whether this person may open workers' days at all (the grid card shows the way in only then).
    public static boolean mayRead(Session session) {
        return session != null && (session.may(Permission.QUEUE_READ) || session.may(Permission.DISTRICT_READ));
    }

    /// The day of the worker of `gridCode`: the tasks open now, and the visits, checks, reports and
    /// patrol of `day` (Beijing time).
    public WorkerDay day(Session session, String gridCode, LocalDate day) {
        require(session, gridCode);
        Region grid = district.region(gridCode).orElseThrow(() -> new VisitRefused("visits.refused.noGrid", gridCode));
        GridWorker worker = district.gridWorker(gridCode).orElse(null);
        Map<String, String> households = new LinkedHashMap<>();
        for (VisitHousehold h : district.visitHouseholds(gridCode)) {
            households.put(h.id(), h.maskedName());
        }
        List<PatrolTrack> tracks = patrols.tracks(day, List.of(gridCode));
        return new WorkerDay(gridCode, day, worker == null ? "" : worker.name(), worker == null ? "" : worker.maskedPhone(),
                WorkerDuties.tasksOf(gridCode, plans, fieldRecords, tickets), households, records.visits(gridCode, day),
                records.checks(gridCode, day), records.reports(gridCode, day), tracks, patrol(grid, tracks));
    }

    /// The photos of a visit or a check of the grid, for the same people as [#day].
    public List<Photo> photos(Session session, String gridCode, boolean ofVisit, long id) {
        require(session, gridCode);
        return records.photos(ofVisit, id);
    }

    private void require(Session session, String gridCode) {
        if (!LiveSessions.active(db.dsl(), session, clock.instant())) {
            throw new VisitRefused("visits.refused.sessionEnded");
        }
        if (!mayRead(session)) {
            throw new VisitRefused("visits.refused.dayPermission");
        }
        if (!personal.coversGrid(session, gridCode)) {
            throw new VisitRefused("visits.refused.dayScope", gridCode);
        }
    }

    static WorkerDay.Patrol patrol(Region grid, List<PatrolTrack> tracks) {
        List<PatrolPoint> points = tracks.stream().flatMap(t -> t.points().stream()).toList();
        if (points.isEmpty()) {
            return WorkerDay.Patrol.NONE;
        }
        double metres = 0;
        for (PatrolTrack track : tracks) {
            for (int i = 1; i < track.points().size(); i++) {
                metres += metres(track.points().get(i - 1), track.points().get(i));
            }
        }
        var first = points.stream().map(PatrolPoint::at).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var last = points.stream().map(PatrolPoint::at).max(java.util.Comparator.naturalOrder()).orElseThrow();
        return new WorkerDay.Patrol(points.size(), metres, first, last, new PatrolCoverage(List.of(grid)).of(grid.code(), tracks));
    }

    /// Metres between two points, on the flat (a patrol's steps are metres apart).
    private static double metres(PatrolPoint a, PatrolPoint b) {
        double dx = (b.lon() - a.lon()) * Math.cos(Math.toRadians((a.lat() + b.lat()) / 2)) * METRES_PER_DEGREE;
        double dy = (b.lat() - a.lat()) * METRES_PER_DEGREE;
        return Math.hypot(dx, dy);
    }
}
