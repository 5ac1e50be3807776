package org.griddesk.domain.ticket;

/// Counts that supervision and assessment read (DOMAIN.md §7).
public record Tally(int urged, int returned, int reworked, int reopened) {
    static final Tally ZERO = new Tally(0, 0, 0, 0);

    Tally urge() {
        return new Tally(urged + 1, returned, reworked, reopened);
    }

    Tally returnToCentre() {
        return new Tally(urged, returned + 1, reworked, reopened);
    }

    Tally rework() {
        return new Tally(urged, returned, reworked + 1, reopened);
    }

    Tally reopen() {
        return new Tally(urged, returned, reworked, reopened + 1);
    }
}
