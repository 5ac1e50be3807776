package org.griddesk.domain.digest;

import java.time.Instant;
import java.util.List;

/// Possibly a mass incident (群体性事件苗头): many distinct callers on one subject at one place within
/// a short time. `tickets` are the window's requests, oldest first.
public record MassIncident(Level level, String subject, String subjectName, String place, String placeName, Instant from,
                           Instant to, int callers, List<TicketRef> tickets, List<String> ownerUnits) {
    public MassIncident {
        tickets = List.copyOf(tickets);
        ownerUnits = List.copyOf(ownerUnits);
    }

    /// What "one subject and place" means, most specific first.
    public enum Level {
        /// one item in one grid
        ITEM_GRID,
        /// one item in one community
        ITEM_COMMUNITY,
        /// one category in one community
        CATEGORY_COMMUNITY
    }

    /// Same subject and place at the same level: the same incident seen again (it may have grown).
    public boolean sameAs(MassIncident other) {
        return level == other.level && subject.equals(other.subject) && place.equals(other.place);
    }
}
