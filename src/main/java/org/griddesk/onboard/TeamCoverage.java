package org.griddesk.onboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.griddesk.domain.district.Team;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;

/// Which centres lack a team of a type the catalogue sends tickets to: each town centre needs a team
/// of every street team type its items name, the district centre a department of every district
/// team type. A ticket of such an item cannot be dispatched there until the team exists, so
/// `district import` says so after importing (a district moving in adds its teams in several goes;
/// it is a warning, not a refusal).
public final class TeamCoverage {
    private TeamCoverage() {
    }

    /// A centre and the team types (their codes, in the catalogue's order) it has no team of.
    public record Gap(Unit centre, List<String> missingTypes) {
    }

    /// The gaps, town centres first by id, then the district centre.
    public static List<Gap> gaps(Organisation organisation, Collection<Team> teams, Taxonomy taxonomy) {
        Set<String> street = new LinkedHashSet<>();
        Set<String> district = new LinkedHashSet<>();
        for (Item item : taxonomy.items()) {
            street.add(item.streetTeamType());
            district.add(item.districtTeamType());
        }
        Map<String, Set<String>> present = new LinkedHashMap<>();
        for (Team team : teams) {
            present.computeIfAbsent(team.unit().parentId(), k -> new LinkedHashSet<>()).add(team.teamTypeCode());
        }
        List<Gap> gaps = new ArrayList<>();
        List<Unit> centres = organisation.units().stream().filter(Unit::isCentre)
                .filter(u -> u.level() == UnitLevel.STREET || u.level() == UnitLevel.DISTRICT)
                .sorted((a, b) -> a.level() == b.level() ? a.id().compareTo(b.id()) : a.level() == UnitLevel.STREET ? -1 : 1)
                .toList();
        for (Unit centre : centres) {
            Set<String> has = present.getOrDefault(centre.id(), Set.of());
            List<String> missing = (centre.level() == UnitLevel.STREET ? street : district).stream()
                    .filter(type -> type != null && !type.isBlank() && !has.contains(type)).toList();
            if (!missing.isEmpty()) {
                gaps.add(new Gap(centre, missing));
            }
        }
        return gaps;
    }
}
