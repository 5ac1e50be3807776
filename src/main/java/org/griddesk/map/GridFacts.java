package org.griddesk.map;

/// What the map knows of one grid, for its colours, its tooltip and its card.
///
/// @param workerName     the full-time grid worker (shown in full to the centre's staff)
/// @param households     households living in the grid
/// @param residents      residents living in the grid
/// @param cameras        cameras placed in the grid
/// @param visitsDue      this month's must-visits by the frequencies in force (household-periods: a
///                       weekly household counts once per week)
/// @param visitsMade     of those, made so far
/// @param openTickets    tickets of the grid not yet closed
/// @param overdueTickets open tickets past their deadline
public record GridFacts(String workerName, int households, int residents, int cameras, int visitsDue, int visitsMade,
                        int openTickets, int overdueTickets) {
    /// A grid the store has nothing on.
    public static final GridFacts NONE = new GridFacts("", 0, 0, 0, 0, 0, 0, 0);

    /// Share of this month's must-visits made (1 when none are due).
    public double visitCoverage() {
        return visitsDue == 0 ? 1.0 : (double) visitsMade / visitsDue;
    }
}
