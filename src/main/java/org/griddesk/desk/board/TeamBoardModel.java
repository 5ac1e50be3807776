package org.griddesk.desk.board;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.dispatch.DeskUser;
import org.griddesk.domain.district.Responsibility;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;

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
}
