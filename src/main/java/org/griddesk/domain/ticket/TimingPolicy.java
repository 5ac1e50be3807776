package org.griddesk.domain.ticket;

import java.time.Duration;

/// The "four first-times" (四个第一时间) as numbers: defaults from DOMAIN.md §6, an administrator's
/// setting later.
///
/// @param acceptWithin        accept within this of the report (30 min)
/// @param contactWithin       contact the citizen within this of acceptance (2 h)
/// @param callbackWorkingDays call back within this many working days after verification (1)
/// @param atRiskShare         a running step is at risk when less than this share of its time is left
public record TimingPolicy(Duration acceptWithin, Duration contactWithin, int callbackWorkingDays, double atRiskShare) {
    public static final TimingPolicy DEFAULT = new TimingPolicy(Duration.ofMinutes(30), Duration.ofHours(2), 1, 0.2);
}
