package org.griddesk.desk.board;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.store.supervise.TimerLists;

/// What the team board shows the user at the desk: the teams of their centre with each team's
/// open and overdue tickets, and — for a town centre — the district's departments it may summon.
/// A handler's desk shows no teams.
///
/// @param own            the centre's teams (drop to dispatch)
/// @param whistleTargets the district's departments (drop to whistle), for a town centre
/// @param loads          open and overdue tickets per team id, from the queue's rows
public record TeamBoardModel(List<Unit> own, List<Unit> whistleTargets, Map<String, TeamBoard.Load> loads) {
    public static TeamBoardModel of(DeskUser user, Organisation organisation, Responsibility responsibility, List<QueueItem> rows) {
        String centre = user.centreId();
        boolean town = organisation.unit(centre).map(u -> u.level() == UnitLevel.STREET).orElse(false);
        Map<String, TeamBoard.Load> loads = new HashMap<>();
        for (QueueItem i : rows) {
            String team = i.work().assignedTeamId();
            if (team != null) {
                TeamBoard.Load l = loads.getOrDefault(team, TeamBoard.Load.NONE);
                loads.put(team, new TeamBoard.Load(l.open() + 1, l.overdue() + (i.risk() == QueueItem.Risk.OVERDUE ? 1 : 0)));
            }
        }
        String district = organisation.unit(centre).map(u -> u.level() == UnitLevel.DISTRICT ? u.id() : u.parentId()).orElse(centre);
        boolean atCentre = user.unit().isCentre();
        return new TeamBoardModel(atCentre ? responsibility.teamsOf(centre) : List.of(),
                town && atCentre ? responsibility.teamsOf(district) : List.of(), Map.copyOf(loads));
    }

    /// Each summoned department's check-ins on the whistles read: the soonest due of the open ones,
    /// and how many are late at `now` (open past due, or checked in late this shift).
    public static Map<String, TeamBoard.CheckIns> checkIns(List<TimerLists.WhistleLine> whistles, Instant now) {
        Map<String, TeamBoard.CheckIns> byTeam = new HashMap<>();
        for (TimerLists.WhistleLine w : whistles) {
            TeamBoard.CheckIns c = byTeam.getOrDefault(w.whistle().teamId(), new TeamBoard.CheckIns(null, 0));
            Instant due = w.whistle().isOpen() && !w.lateAt(now) ? w.whistle().checkInDue() : null;
            Instant next = c.nextDue() == null ? due : due == null || c.nextDue().isBefore(due) ? c.nextDue() : due;
            byTeam.put(w.whistle().teamId(), new TeamBoard.CheckIns(next, c.late() + (w.lateAt(now) ? 1 : 0)));
        }
        return byTeam;
    }
}
