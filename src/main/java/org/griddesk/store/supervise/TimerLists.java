package org.griddesk.store.supervise;

import java.time.Instant;
import java.util.List;
import org.griddesk.domain.ticket.Whistle;

/// The timers a supervisor watches for a centre: the whistles waiting for check-in and those that
/// checked in late this shift; the tickets whose citizen was not contacted in time; the callbacks not
/// made in time. Each list riskiest (most late, soonest due) first.
public record TimerLists(List<WhistleLine> whistles, List<OverdueLine> overdueContact, List<OverdueLine> overdueCallbacks) {
    public static final TimerLists NONE = new TimerLists(List.of(), List.of(), List.of());

    /// One summoned team on a ticket: its check-in due (a countdown while open) or its late check-in.
    public record WhistleLine(TicketLine ticket, Whistle whistle) {
        /// late at `now`: not checked in by its due time, or checked in after it
        public boolean lateAt(Instant now) {
            return whistle.isLateAt(now);
        }
    }

    /// A ticket past one of its limits: `dueAt` is when the step was due.
    public record OverdueLine(TicketLine ticket, Instant dueAt) {
    }

    /// the whistles late at `now` (open past their due, or checked in late)
    public List<WhistleLine> lateAt(Instant now) {
        return whistles.stream().filter(w -> w.lateAt(now)).toList();
    }
}
