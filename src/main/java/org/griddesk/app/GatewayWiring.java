package org.griddesk.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.IntakeService;
import org.griddesk.intake.TeamFeedback;
import org.griddesk.security.Workstation;
import org.griddesk.store.Database;
import org.griddesk.store.SystemProperty;
import org.griddesk.store.SystemPropertyRepository;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.feed.ChangeNotifications;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.security.WorkerTokenService;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TeamUploads;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;
import org.griddesk.store.visit.FieldRecords;
import org.griddesk.store.visit.VisitRepository;
import org.griddesk.visit.VisitPlans;
import org.griddesk.visit.WorkerDuties;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/// The gateway's view of a store: channel and team keys, the taxonomy (Open311's service list), and
/// the intake and team feedback services once the store holds a district, built on first use and
/// built again when the district changes under the running gateway ([DistrictServices]).
public final class GatewayWiring {
    private GatewayWiring() {
    }

    /// What serves the channels and the teams' systems, built together from one read of the district.
    record Services(IntakeService intake, TeamFeedback feedback, WorkerDuties duties, PatrolIngest patrols) {
    }

    /// the system property that turns the grid workers' checks on site into the verification step
    /// (`true`, the default, or `false`: the centre verifies, the checks are advice)
    static final String SITE_CHECK_VERIFIES = "visits.siteCheckVerifies";

    public static Gateway.Intakes intakes(Database db, Clock clock) {
        ChannelKeyRepository keys = new ChannelKeyRepository(db.dsl(), clock);
        DistrictServices<Services> current = new DistrictServices<>(db, clock, () -> build(db, clock));
        Supplier<Optional<Services>> services = current::get;
        return new Gateway.Intakes(KeyCache.of(keys::channelOf), KeyCache.of(keys::teamOf), () -> services.get().map(Services::intake),
                () -> services.get().map(Services::feedback), () -> {
                    // read each time (238 items, a few milliseconds): an imported catalogue shows at once
                    var taxonomy = new DistrictRepository(db.dsl()).taxonomy();
                    return taxonomy.items().isEmpty() ? Optional.empty() : Optional.of(taxonomy);
                }, workers(db, clock), () -> services.get().map(Services::duties), () -> services.get().map(Services::patrols));
    }

    /// Who a grid worker's personal token names (read each time: a revoked token stops at once).
    private static BiFunction<String, String, Optional<IntakeService.SignedWorker>> workers(Database db, Clock clock) {
        WorkerTokenService tokens = new WorkerTokenService(db.dsl(), clock, AuditSinks.of(db));
        return (token, address) -> tokens.worker(token, new Workstation(null, address))
                .map(w -> new IntakeService.SignedWorker(w.accountId(), w.displayName()));
    }

    /// Wakes the gateway's duplicate check as soon as anyone commits (PostgreSQL `LISTEN`; null on
    /// H2, where the check catches up on requests). Close it with the gateway.
    public static ChangeNotifications follow(Database db, Gateway.Intakes intakes) {
        return ChangeNotifications.start(db.settings(),
                () -> intakes.service().get().ifPresent(IntakeService::storeChanged));
    }

    static Optional<Services> build(Database db, Clock clock) {
        DistrictRepository district = new DistrictRepository(db.dsl());
        if (!district.hasDistrict()) {
            return Optional.empty();
        }
        var organisation = district.organisation();
        SystemPropertyRepository properties = new SystemPropertyRepository(db.dsl(), clock);
        boolean siteCheckVerifies = properties.find(SITE_CHECK_VERIFIES).map(p -> !p.value().strip().equalsIgnoreCase("false")).orElse(true);
        var lifecycle = new TicketLifecycle(new CalendarRepository(db.dsl(), clock).workCalendar(), organisation,
                LifecycleRules.DEFAULT.withSiteCheckVerifies(siteCheckVerifies));
        List<Region> regions = new ArrayList<>();
        for (RegionLevel level : List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
            regions.addAll(district.regions(level));
        }
        TicketService tickets = new TicketService(db.dsl(), lifecycle, clock);
        Optional<String> jurisdiction = new SystemPropertyRepository(db.dsl(), clock).find(SystemProperty.DISTRICT_CODE)
                .map(SystemProperty::value);
        TicketRepository repository = new TicketRepository(db.dsl());
        return Optional.of(new Services(
                new IntakeService(tickets, repository, new IntakeRepository(db.dsl()), regions, district.cameras(),
                        district.taxonomy(), organisation, jurisdiction.orElse(null), clock),
                new TeamFeedback(tickets, repository, organisation, new IntakeRepository(db.dsl()), new TeamUploads(db.dsl()), clock),
                duties(db, clock, district, tickets, repository, organisation, siteCheckVerifies),
                PatrolWiring.ingest(db, clock, regions.stream().filter(r -> r.level() == RegionLevel.GRID).toList())));
    }

    private static WorkerDuties duties(Database db, Clock clock, DistrictRepository district, TicketService tickets,
                                       TicketRepository repository, org.griddesk.domain.org.Organisation organisation, boolean siteCheckVerifies) {
        VisitRepository visits = new VisitRepository(db.dsl());
        var outline = district.districtMap().map(map -> PreparedGeometryFactory.prepare(map.outline()));
        return new WorkerDuties(new VisitPlans(visits, clock), visits,
                new FieldRecords(db.dsl()), district, tickets, repository, new IntakeRepository(db.dsl()), organisation, () -> outline,
                siteCheckVerifies, clock);
    }
}
