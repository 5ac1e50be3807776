package org.griddesk.desk.place;

/// Where a person said a request is: a community or grid found by name, or a point picked on the
/// map (with the grid it lies in, or none when it lies outside every grid).
///
/// @param place the place found, or the grid under the picked point (null when the point is in no grid)
/// @param lon   the point picked on the map (with `lat`), or null when the place was found by name
public record PickedPlace(NamedPlace place, Double lon, Double lat) {
    public static PickedPlace named(NamedPlace place) {
        return new PickedPlace(place, null, null);
    }

    public boolean pickedOnMap() {
        return lon != null;
    }

    /// The grid a request there is placed in, or null.
    public String gridCode() {
        return place == null ? null : place.gridCode();
    }
}
