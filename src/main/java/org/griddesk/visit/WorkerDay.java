package org.griddesk.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.griddesk.patrol.PatrolTrack;
import org.griddesk.store.visit.WorkerDayRecords.DayCheck;
import org.griddesk.store.visit.WorkerDayRecords.DayReport;
import org.griddesk.store.visit.WorkerDayRecords.DayVisit;

/// A grid worker's day as the desk shows it from the grid card: what they have to do now, the
/// visits, checks and reports of the day, and their patrol.
///
/// @param workerName  the grid's full-time worker ("" when the post is empty)
/// @param maskedPhone their phone, masked
/// @param tasks       what is open now (visits owed, reports to verify, handled tickets to check)
/// @param households  the masked names of the grid's must-visit households, by id
/// @param tracks      the day's patrol tracks in the grid, in time order
public record WorkerDay(String gridCode, LocalDate day, String workerName, String maskedPhone, WorkerDuties.Tasks tasks,
                        Map<String, String> households, List<DayVisit> visits, List<DayCheck> checks, List<DayReport> reports,
                        List<PatrolTrack> tracks, Patrol patrol) {
    public WorkerDay {
        households = Map.copyOf(households);
        visits = List.copyOf(visits);
        checks = List.copyOf(checks);
        reports = List.copyOf(reports);
        tracks = List.copyOf(tracks);
    }

    /// The day's patrol at a glance: points, distance walked, first and last point (null without
    /// any), and the share of the grid's 100 m cells it passed through.
    public record Patrol(int points, double metres, Instant first, Instant last, double coverage) {
        public static final Patrol NONE = new Patrol(0, 0, null, null, 0);
    }

    /// The masked name of a household of the grid (its id when the grid does not know it).
    public String household(String id) {
        return households.getOrDefault(id, id);
    }
}
