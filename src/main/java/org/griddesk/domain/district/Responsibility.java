package org.griddesk.domain.district;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.griddesk.domain.org.Organisation;
import org.griddesk.domain.org.Unit;
import org.griddesk.domain.org.UnitLevel;
import org.griddesk.domain.taxonomy.Item;
import org.griddesk.domain.taxonomy.Taxonomy;

/// The responsibility catalogue (职责目录) applied to one ticket: which of the owning centre's teams
/// handles its item, and which district departments a town centre may summon for it (吹哨).
///
/// A centre dispatches only to its own teams (DOMAIN.md §5): a town centre to the town team of the
/// item's street team type, the district centre to the department of its district team type.
public final class Responsibility {
    /// Why a team is suggested, as a message key and its arguments (item name, team type name).
    public record Suggestion(Unit team, Why why, String itemName) {
    }

    public enum Why {
        /// the catalogue names this team's type for the item at the centre's level
        CATALOGUE,
        /// another team of the same centre: the catalogue does not name it for the item
        OTHER_TEAM,
        /// the district department the catalogue names for the item (for a whistle)
        DEPARTMENT
    }

    private final Organisation organisation;
    private final Map<String, Item> items;
    private final Map<String, List<Team>> teamsByCentre = new HashMap<>();
    private final Map<String, Team> teamsById = new HashMap<>();

    public Responsibility(Organisation organisation, Taxonomy taxonomy, List<Team> teams) {
        this.organisation = organisation;
        this.items = taxonomy.itemsByCode();
        for (Team team : teams) {
            teamsByCentre.computeIfAbsent(team.unit().parentId(), k -> new ArrayList<>()).add(team);
            teamsById.put(team.unit().id(), team);
        }
        teamsByCentre.values().forEach(list -> list.sort(Comparator.comparing(t -> t.unit().id())));
    }

    /// The owning centre's teams for an item, the catalogue's team first; every other team of the
    /// centre after it (a dispatcher may know better). No item: the centre's teams, none preferred.
    public List<Suggestion> teamsFor(String centreId, String itemCode) {
        Item item = itemCode == null ? null : items.get(itemCode);
        String type = item == null ? null : catalogueType(centreId, item);
        List<Suggestion> out = new ArrayList<>();
        List<Team> teams = teamsByCentre.getOrDefault(centreId, List.of());
        teams.stream().filter(t -> t.teamTypeCode().equals(type))
                .forEach(t -> out.add(new Suggestion(t.unit(), Why.CATALOGUE, item.name())));
        teams.stream().filter(t -> !t.teamTypeCode().equals(type))
                .forEach(t -> out.add(new Suggestion(t.unit(), Why.OTHER_TEAM, item == null ? "" : item.name())));
        return out;
    }

    /// The team the catalogue names for the item at the centre, if the centre has one.
    public Optional<Unit> suggestedTeam(String centreId, String itemCode) {
        return teamsFor(centreId, itemCode).stream().filter(s -> s.why() == Why.CATALOGUE).map(Suggestion::team).findFirst();
    }

    /// District departments a town centre may summon, the item's department first.
    public List<Suggestion> departmentsFor(String itemCode) {
        Item item = itemCode == null ? null : items.get(itemCode);
        List<Suggestion> out = new ArrayList<>();
        for (Team t : teamsByCentre.getOrDefault(districtCentreId(), List.of())) {
            boolean named = item != null && t.teamTypeCode().equals(item.districtTeamType());
            Suggestion s = new Suggestion(t.unit(), named ? Why.DEPARTMENT : Why.OTHER_TEAM, item == null ? "" : item.name());
            if (named) {
                out.addFirst(s);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /// The teams of a centre (town teams, or the district's departments), in code order.
    public List<Unit> teamsOf(String centreId) {
        return teamsByCentre.getOrDefault(centreId, List.of()).stream().map(Team::unit).toList();
    }

    public Optional<Team> team(String teamId) {
        return Optional.ofNullable(teamsById.get(teamId));
    }

    private String catalogueType(String centreId, Item item) {
        return organisation.unit(centreId).map(c -> c.level() == UnitLevel.STREET ? item.streetTeamType() : item.districtTeamType())
                .orElse(null);
    }

    private String districtCentreId() {
        return organisation.units().stream().filter(u -> u.isCentre() && u.level() == UnitLevel.DISTRICT).map(Unit::id)
                .findFirst().orElse("");
    }
}
