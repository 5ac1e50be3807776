package org.griddesk.domain.visit;

import java.time.LocalDate;

/// A stretch of days, both ends included, in which one visit is due.
public record VisitPeriod(LocalDate first, LocalDate last) {
    public VisitPeriod {
        if (first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a period runs from its first day to its last: " + first + ".." + last);
        }
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(first) && !day.isAfter(last);
    }
}
