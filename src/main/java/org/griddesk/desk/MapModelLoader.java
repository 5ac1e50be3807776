package org.griddesk.desk;

import java.time.Duration;
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
import org.griddesk.domain.ticket.TicketState;
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
        return district.districtMap().map(map -> MapModel.of(map, facts(district, tickets, now), district.cameras(),
                markers(tickets, now)));
    }

    /// Fresh facts and markers for a model already built (tickets changed, visits recorded).
    public static MapModel refresh(MapModel model, DistrictRepository district, TicketRepository tickets, Instant now) {
        return model.withTickets(facts(district, tickets, now), markers(tickets, now));
    }

    private static List<TicketMarker> markers(TicketRepository tickets, Instant now) {
        List<TicketMarker> markers = new ArrayList<>();
        for (TicketRepository.OpenTicket t : tickets.openTickets()) {
            markers.add(new TicketMarker(t.id(), t.code(), t.gridCode(), Channel.valueOf(t.channel()), urgency(t, now)));
        }
        return markers;
    }

    /// Overdue past the deadline of the step it is in (accepting, or handling), at risk in the last
    /// share of that step's time that [TimingPolicy] names; otherwise urgent or not by its deadline
    /// class (a handled ticket waiting for verification or callback is no longer racing its deadline).
    static TicketMarker.Urgency urgency(TicketRepository.OpenTicket t, Instant now) {
        TimingPolicy policy = TimingPolicy.DEFAULT;
        Instant start = null;
        Instant due = null;
        if (t.state() == TicketState.REPORTED) {
            start = t.reportedAt();
            due = t.reportedAt().plus(policy.acceptWithin());
        } else if (t.state().isBeingHandled() && t.dueAt() != null) {
            start = t.acceptedAt() != null ? t.acceptedAt() : t.reportedAt();
            due = t.dueAt();
        }
        if (due != null && now.isAfter(due)) {
            return TicketMarker.Urgency.OVERDUE;
        }
        if (due != null && Duration.between(now, due).toMillis() < Duration.between(start, due).toMillis() * policy.atRiskShare()) {
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
            facts.put(code, new GridFacts(s.workerName(), s.households(), s.residents(), s.cameras(), s.visitCoverage(),
                    l.open(), l.overdue()));
        });
        return facts;
    }
}
