package org.griddesk.app;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.griddesk.domain.ticket.LifecycleRules;
import org.griddesk.domain.ticket.TicketLifecycle;
import org.griddesk.geo.RegionLevel;
import org.griddesk.intake.Gateway;
import org.griddesk.intake.IntakeService;
import org.griddesk.store.Database;
import org.griddesk.store.calendar.CalendarRepository;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.security.ChannelKeyRepository;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;
import org.griddesk.store.ticket.TicketService;

/// The gateway's view of a store: channel keys, the taxonomy (Open311's service list), and the
/// intake service once the store holds a district (built on first use, then kept: the grids and the
/// organisation do not change under a running gateway).
final class GatewayWiring {
    private GatewayWiring() {
    }

    static Gateway.Intakes intakes(Database db, Clock clock) {
        ChannelKeyRepository keys = new ChannelKeyRepository(db.dsl(), clock);
        AtomicReference<IntakeService> built = new AtomicReference<>();
        return new Gateway.Intakes(keys::channelOf, () -> {
            IntakeService service = built.get();
            if (service == null) {
                DistrictRepository district = new DistrictRepository(db.dsl());
                if (!district.hasDistrict()) {
                    return Optional.empty();
                }
                var organisation = district.organisation();
                var lifecycle = new TicketLifecycle(new CalendarRepository(db.dsl(), clock).workCalendar(), organisation,
                        LifecycleRules.DEFAULT);
                java.util.List<org.griddesk.geo.Region> regions = new java.util.ArrayList<>();
                for (RegionLevel level : java.util.List.of(RegionLevel.AREA, RegionLevel.COMMUNITY, RegionLevel.GRID)) {
                    regions.addAll(district.regions(level));
                }
                service = new IntakeService(new TicketService(db.dsl(), lifecycle, clock), new TicketRepository(db.dsl()),
                        new IntakeRepository(db.dsl()), regions, district.cameras(), district.taxonomy(), organisation, clock);
                built.compareAndSet(null, service);
            }
            return Optional.of(built.get());
        }, () -> {
            // read each time (238 items, a few milliseconds): an imported catalogue shows at once
            var taxonomy = new DistrictRepository(db.dsl()).taxonomy();
            return taxonomy.items().isEmpty() ? Optional.empty() : Optional.of(taxonomy);
        });
    }
}
