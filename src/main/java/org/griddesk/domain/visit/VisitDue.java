package org.griddesk.domain.visit;

import java.time.Instant;
import java.time.LocalDate;
import org.griddesk.domain.district.VisitHousehold.Category;

/// A visit a grid worker owes a household: the routine one of its frequency's period, or one a major
/// event called for. `dueBy` is the end of the period (or the event's 24 hours); an overdue one
/// (`overdue`) was due by then and is still not made.
///
/// @param eventId the major event's id, for [Reason#MAJOR_EVENT]; 0 otherwise
public record VisitDue(String householdId, String gridCode, String communityCode, String areaCode, Category category,
                       VisitFrequency frequency, Reason reason, long eventId, LocalDate lastVisit, Instant dueBy, boolean overdue) {

    /// Why the visit is owed.
    public enum Reason {
        /// once in each week, month or quarter, by the household's group
        ROUTINE,
        /// within 24 hours of a major event declared for its area
        MAJOR_EVENT
    }
}
