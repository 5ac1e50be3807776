package org.griddesk.domain.ticket;

/// A new version of the district's map could not place an open ticket again by itself, and asks a
/// person of its owning centre to decide (复核定位): place it, hand it over, or confirm where it is.
///
/// @param reason        why the map could not decide
/// @param suggestedGrid the grid its point lies in on the new map, or null when none does
public record PlaceReview(Reason reason, String suggestedGrid) {
    public PlaceReview {
        if (reason == null) {
            throw new IllegalArgumentException("a place review needs its reason");
        }
    }

    /// Why the new map left the ticket to a person.
    public enum Reason {
        /// its grid is gone and it has no point to place it by
        GRID_RETIRED,
        /// its grid is gone and its point lies outside every grid of the new map
        OUTSIDE,
        /// its point now lies in a grid of another town, and its centre has accepted it (首问首办:
        /// it is handed over, not moved)
        OTHER_TOWN
    }
}
