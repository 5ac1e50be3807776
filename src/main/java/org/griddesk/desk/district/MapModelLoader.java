package org.griddesk.desk.district;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.calendar.WorkCalendar;
import org.griddesk.domain.ticket.Channel;
import org.griddesk.domain.ticket.DeadlineClass;
import org.griddesk.domain.ticket.NextDeadline;
import org.griddesk.domain.ticket.TimingPolicies;
import org.griddesk.domain.ticket.TimingPolicy;
import org.griddesk.map.GridFacts;
import org.griddesk.map.MapModel;
import org.griddesk.map.TicketMarker;
import org.griddesk.store.district.DistrictRepository;
import org.griddesk.store.district.GridSummary;
import org.griddesk.store.ticket.TicketRepository;

/// Reads the district and what each grid holds from the store and builds the map's model. Runs on
/// a background thread (a few hundred milliseconds for 1574 grids).
public final class MapModelLoader {
    private MapModelLoader() {
    }

    /// The map of the stored district, or empty when the store holds none yet.
    public static Optional<MapModel> load(DistrictRepository district, TicketRepository tickets, Instant now) {
        return load(district, tickets, now, TimingPolicies.DEFAULT);
    }

    /// The same, each ticket timed by the policy of its report time.
    public static Optional<MapModel> load(DistrictRepository district, TicketRepository tickets, Instant now, TimingPolicies policies) {
        return district.districtMap().map(map -> MapModel.of(map, facts(district, tickets, now), district.cameras(),
                markers(tickets, now, policies)));
    }

    /// Fresh facts and markers for a model already built (tickets changed, visits recorded).
    public static MapModel refresh(MapModel model, DistrictRepository district, TicketRepository tickets, Instant now,
                                   TimingPolicies policies) {
        return model.withTickets(facts(district, tickets, now), markers(tickets, now, policies));
    }

    private static List<TicketMarker> markers(TicketRepository tickets, Instant now, TimingPolicies policies) {
        List<TicketMarker> markers = new ArrayList<>();
        for (TicketRepository.OpenTicket t : tickets.openTickets()) {
            markers.add(new TicketMarker(t.id(), t.code(), t.gridCode(), Channel.valueOf(t.channel()),
                    urgency(t, now, policies.at(t.reportedAt()))));
        }
        return markers;
    }

    /// Overdue or at risk by the deadline it races now ([NextDeadline]); otherwise urgent or not by
    /// its deadline class.
    static TicketMarker.Urgency urgency(TicketRepository.OpenTicket t, Instant now, TimingPolicy policy) {
        NextDeadline next = NextDeadline.of(t.state(), t.reportedAt(), t.acceptedAt(), t.dueAt(), now, policy);
        if (next.overdue()) {
            return TicketMarker.Urgency.OVERDUE;
        }
        if (next.atRisk()) {
            return TicketMarker.Urgency.AT_RISK;
        }
        return DeadlineClass.URGENT.name().equals(t.deadlineClass()) ? TicketMarker.Urgency.URGENT : TicketMarker.Urgency.NORMAL;
    }

    private static Map<String, GridFacts> facts(DistrictRepository district, TicketRepository tickets, Instant now) {
        Map<String, GridSummary> summaries = district.gridSummaries(YearMonth.from(WorkCalendar.localDate(now)));
        Map<String, TicketRepository.GridLoad> load = tickets.openLoadByGrid(now);
        Map<String, GridFacts> facts = new HashMap<>();
        summaries.forEach((code, s) -> {
            TicketRepository.GridLoad l = load.getOrDefault(code, new TicketRepository.GridLoad(0, 0));
            facts.put(code, new GridFacts(s.workerName(), s.households(), s.residents(), s.cameras(), s.visits().due(), s.visits().made(),
                    l.open(), l.overdue()));
        });
        return facts;
    }
}
