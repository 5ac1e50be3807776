package org.griddesk.desk;

import java.time.Clock;
import org.griddesk.map.MapModel;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.ticket.TicketRepository;

/// The map's facts and markers, kept current from the change feed: each batch of changes reads the
/// open tickets (and the grids' facts, visits included) again and gives the new model, on the
/// feed's thread. A batch arriving while one is being applied waits and is read together with
/// whatever else came meanwhile, so a burst of commits costs one refresh, not one each.
public final class LiveMap {
    private final DistrictRepository district;
    private final TicketRepository tickets;
    private final Clock clock;
    private MapModel model;

    public LiveMap(DistrictRepository district, TicketRepository tickets, MapModel model, Clock clock) {
        this.district = district;
        this.tickets = tickets;
        this.model = model;
        this.clock = clock;
    }

    /// The model read again after changes. Off the FX thread.
    public synchronized MapModel refreshed() {
        model = MapModelLoader.refresh(model, district, tickets, clock.instant());
        return model;
    }
}
