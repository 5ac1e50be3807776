package org.griddesk.store.supervise;

/// When a ticket is a hard case for the consultation (会商研判). Defaults, not law: the source says
/// only "hard, repeated and overdue tickets" (DOMAIN.md §7), so these are settings.
///
/// @param windowDays        the look-back window in calendar days: repeats are counted among the
///                          requests reported in it, and closed tickets count when closed in it
/// @param repeatRequests    this many requests or more from one place (same grid and address, or same
///                          community and item) or from one caller (same phone index) make a case
/// @param overdueWorkingDays an open ticket still in hand more than this many working days past its
///                          due day is a case
/// @param reopenedOrDissatisfied this many reopenings, or this many dissatisfied callbacks, make a case
public record HardCaseRules(int windowDays, int repeatRequests, int overdueWorkingDays, int reopenedOrDissatisfied) {
    /// 30 days, 3 requests, more than 5 working days late, twice reopened or dissatisfied
    public static final HardCaseRules DEFAULT = new HardCaseRules(30, 3, 5, 2);

    public HardCaseRules {
        if (windowDays < 1 || repeatRequests < 2 || overdueWorkingDays < 1 || reopenedOrDissatisfied < 1) {
            throw new IllegalArgumentException("hard-case rules: window ≥ 1 day, repeats ≥ 2, overdue ≥ 1 working day, "
                    + "reopenings ≥ 1");
        }
    }
}
