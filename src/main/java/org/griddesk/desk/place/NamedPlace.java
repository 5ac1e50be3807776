package org.griddesk.desk.place;

import org.griddesk.geo.RegionLevel;

/// A community or a grid of the district as a person finds it by name at the desk, with the grid a
/// request there is placed in (a community's: the grid at its centre) and a point inside it.
///
/// @param within the names of the regions it lies in (`咸水沽镇`, or `咸水沽镇 金桥社区` for a grid)
public record NamedPlace(String code, String name, RegionLevel level, String within, String gridCode, double lon, double lat) {
    /// `咸水沽镇 金桥社区`: the name after what it lies in.
    public String label() {
        return within.isEmpty() ? name : within + " " + name;
    }
}
