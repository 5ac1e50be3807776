package org.griddesk.learn;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/// An open, dispatched ticket at one moment, as the breach-risk model sees it.
///
/// @param fractionLeft   the share of the time from dispatch to the deadline still left (0–1)
/// @param hoursLeft      hours until the deadline
/// @param teamLoad       how many tickets the team has in hand now
/// @param holidayAhead   a holiday falls before the deadline
/// @param urges          how often it has been urged so far
/// @param returns        how often it has been sent back or failed verification so far
public record BreachSnapshot(String itemCode, String teamId, String unitId, String channel, double fractionLeft,
                             double hoursLeft, int teamLoad, DayOfWeek day, int hour, boolean holidayAhead, int urges,
                             int returns) {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /// The snapshot of `c` at `at` (between its dispatch and its deadline).
    public static BreachSnapshot of(BreachCase c, Instant at, int teamLoad, boolean holidayAhead) {
        double whole = Math.max(1, Duration.between(c.dispatchedAt(), c.dueAt()).toMinutes());
        double left = Duration.between(at, c.dueAt()).toMinutes();
        ZonedDateTime local = at.atZone(ZONE);
        return new BreachSnapshot(c.itemCode(), c.teamId(), c.unitId(), c.channel().name(), Math.max(0, Math.min(1, left / whole)),
                Math.max(0, left / 60), teamLoad, local.getDayOfWeek(), local.getHour(), holidayAhead,
                (int) c.urgedAt().stream().filter(u -> u.isBefore(at)).count(),
                (int) c.returnedAt().stream().filter(r -> r.isBefore(at)).count());
    }
}
