package org.griddesk.domain.ticket;

import java.time.Duration;

/// The "four first-times" (四个第一时间) as numbers: defaults from DOMAIN.md §6, changed in the
/// configuration file (`timing.*`). Finishing is the deadline class's (urgent, general, statutory),
/// which the source fixes; the others are defaults.
///
/// @param acceptWithin        accept within this of the report (30 min)
/// @param contactWithin       contact the citizen within this of acceptance (2 h)
/// @param callbackWorkingDays call back within this many working days after verification (1)
/// @param atRiskShare         a running step is at risk when less than this share of its time is left
public record TimingPolicy(Duration acceptWithin, Duration contactWithin, int callbackWorkingDays, double atRiskShare) {
    public static final TimingPolicy DEFAULT = new TimingPolicy(Duration.ofMinutes(30), Duration.ofHours(2), 1, 0.2);

    /// the limits a setting may take (beyond them a typing mistake is more likely than a rule)
    public static final int MAX_ACCEPT_MINUTES = 24 * 60;
    public static final int MAX_CONTACT_MINUTES = 7 * 24 * 60;
    public static final int MAX_CALLBACK_WORKING_DAYS = 30;
    public static final int MAX_AT_RISK_PERCENT = 90;

    public TimingPolicy {
        if (acceptWithin == null || acceptWithin.isNegative() || acceptWithin.isZero()
                || acceptWithin.toMinutes() > MAX_ACCEPT_MINUTES) {
            throw new IllegalArgumentException("accept within 1 to " + MAX_ACCEPT_MINUTES + " minutes");
        }
        if (contactWithin == null || contactWithin.isNegative() || contactWithin.isZero()
                || contactWithin.toMinutes() > MAX_CONTACT_MINUTES) {
            throw new IllegalArgumentException("contact within 1 to " + MAX_CONTACT_MINUTES + " minutes");
        }
        if (callbackWorkingDays < 1 || callbackWorkingDays > MAX_CALLBACK_WORKING_DAYS) {
            throw new IllegalArgumentException("call back within 1 to " + MAX_CALLBACK_WORKING_DAYS + " working days");
        }
        if (!(atRiskShare > 0) || atRiskShare > MAX_AT_RISK_PERCENT / 100.0) {
            throw new IllegalArgumentException("at risk from 1 to " + MAX_AT_RISK_PERCENT + " % of the time left");
        }
    }

    /// the at-risk share as the whole percent a setting names
    public int atRiskPercent() {
        return (int) Math.round(atRiskShare * 100);
    }
}
