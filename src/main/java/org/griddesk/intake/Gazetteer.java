package org.griddesk.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.geo.RegionLevel;
import org.locationtech.jts.geom.Point;

/// Places an address that came without a point, by the community and village names of the district
/// (`津沽苑社区`, or the short `津沽苑`; `小站营村` or `小站营`), with a town's name to tell apart
/// two communities of the same name, and `第N网格` for the exact grid. A community alone places the
/// request in the grid at the community's centre: near enough to dispatch, flagged for a person to
/// confirm. An address naming no community, or two equally, is not placed.
final class Gazetteer {
    private static final Pattern GRID_NUMBER = Pattern.compile("第\\s*(\\d{1,3})\\s*网格");
    private static final String[] SUFFIXES = {"社区", "村"};

    private record Name(String text, Region community) {
    }

    private final List<Name> names = new ArrayList<>();
    private final Map<String, Region> areas;
    private final Map<String, Region> gridsByName;
    private final Map<String, String> centreGrid;

    Gazetteer(List<Region> regions, GridIndex grids) {
        this.areas = regions.stream().filter(r -> r.level() == RegionLevel.AREA)
                .collect(Collectors.toMap(Region::code, Function.identity()));
        this.gridsByName = regions.stream().filter(r -> r.level() == RegionLevel.GRID)
                .collect(Collectors.toMap(Region::name, Function.identity(), (a, b) -> a));
        this.centreGrid = new HashMap<>();
        for (Region community : regions) {
            if (community.level() != RegionLevel.COMMUNITY) {
                continue;
            }
            names.add(new Name(community.name(), community));
            for (String suffix : SUFFIXES) {
                if (community.name().endsWith(suffix) && community.name().length() - suffix.length() >= 2) {
                    names.add(new Name(community.name().substring(0, community.name().length() - suffix.length()), community));
                }
            }
            Point centre = community.shape().getInteriorPoint();
            grids.locate(centre.getX(), centre.getY()).ifPresent(g -> centreGrid.put(community.code(), g.code()));
        }
        names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
    }

    /// The grid the address names, when it names one community unambiguously.
    Optional<String> gridOf(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = address.replaceAll("\\s+", "");
        List<Region> found = new ArrayList<>();
        int longest = 0;
        for (Name name : names) {
            if (name.text().length() < longest) {
                break;
            }
            if (text.contains(name.text()) && !found.contains(name.community())) {
                found.add(name.community());
                longest = name.text().length();
            }
        }
        if (found.size() > 1) {
            found.removeIf(c -> !areas.containsKey(c.parentCode()) || !text.contains(areas.get(c.parentCode()).name()));
        }
        if (found.size() != 1) {
            return Optional.empty();
        }
        Region community = found.getFirst();
        Matcher number = GRID_NUMBER.matcher(text);
        if (number.find()) {
            Region grid = gridsByName.get(community.name() + "第" + Integer.parseInt(number.group(1)) + "网格");
            if (grid != null) {
                return Optional.of(grid.code());
            }
        }
        return Optional.ofNullable(centreGrid.get(community.code()));
    }
}
