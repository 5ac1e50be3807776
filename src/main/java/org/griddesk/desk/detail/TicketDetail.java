package org.griddesk.desk.detail;

import java.util.List;
import java.util.Map;
import org.griddesk.domain.ticket.DuplicateSuggestion;
import org.griddesk.domain.ticket.IntakeDetail;
import org.griddesk.domain.ticket.RecordedEvent;
import org.griddesk.domain.ticket.Ticket;
import org.griddesk.domain.ticket.TicketTiming;
import org.griddesk.domain.ticket.VideoAlarm;

/// Everything the detail pane shows of one ticket, read together off the FX thread.
///
/// @param itemName     the accepted item's (or the hinted item's) name, or empty
/// @param place        area · community · grid, or empty when not placed
/// @param unitNames    the names of the centres and teams its trail mentions
/// @param callerCalls  how many requests the same phone made in the last 90 days (this one included)
/// @param breachChance the learnt chance that it misses its deadline, or NaN when none is known
public record TicketDetail(Ticket ticket, List<RecordedEvent> trail, IntakeDetail intake, List<DuplicateSuggestion> duplicates,
                           List<VideoAlarm> alarms, List<TicketTiming.StepTiming> timings, String itemName, String place,
                           Map<String, String> unitNames, int callerCalls, double breachChance) {

    /// A detail with no learnt chance.
    public TicketDetail(Ticket ticket, List<RecordedEvent> trail, IntakeDetail intake, List<DuplicateSuggestion> duplicates,
                        List<VideoAlarm> alarms, List<TicketTiming.StepTiming> timings, String itemName, String place,
                        Map<String, String> unitNames, int callerCalls) {
        this(ticket, trail, intake, duplicates, alarms, timings, itemName, place, unitNames, callerCalls, Double.NaN);
    }

    public String unitName(String id) {
        return id == null ? "" : unitNames.getOrDefault(id, id);
    }
}
