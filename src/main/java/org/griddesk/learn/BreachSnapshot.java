package org.griddesk.learn;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/// An open, dispatched ticket at one moment, as the breach-risk model sees it.
///
/// @param fractionLeft   the share of the time from its start (acceptance) to the deadline still
///                       left (0–1): what the desk's 20 % rule looks at
/// @param hoursLeft      hours until the deadline
/// @param teamLoad       how many tickets the team has in hand now
/// @param holidayAhead   a holiday falls before the deadline
/// @param urges          how often it has been urged so far
/// @param returns        how often it has been sent back or failed verification so far
public record BreachSnapshot(String itemCode, String teamId, String unitId, String channel, double fractionLeft,
                             double hoursLeft, int teamLoad, DayOfWeek day, int hour, boolean holidayAhead, int urges,
                             int returns) {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /// The snapshot of `c` at `at` (between its dispatch and its deadline), with the urges and
    /// returns it had by then.
    public static BreachSnapshot of(BreachCase c, Instant at, int teamLoad, boolean holidayAhead) {
        return at(c.itemCode(), c.teamId(), c.unitId(), c.channel().name(), c.startedAt(), c.dueAt(at), at, teamLoad, holidayAhead,
                (int) c.urgedAt().stream().filter(u -> u.isBefore(at)).count(),
                (int) c.returnedAt().stream().filter(r -> r.isBefore(at)).count());
    }

    /// The snapshot of an open ticket at `at`: its time started at `startedAt` and ends at `dueAt`.
    public static BreachSnapshot at(String itemCode, String teamId, String unitId, String channel, Instant startedAt,
                                    Instant dueAt, Instant at, int teamLoad, boolean holidayAhead, int urges, int returns) {
        double whole = Math.max(1, Duration.between(startedAt, dueAt).toMinutes());
        double left = Duration.between(at, dueAt).toMinutes();
        ZonedDateTime local = at.atZone(ZONE);
        return new BreachSnapshot(itemCode, teamId, unitId, channel, Math.max(0, Math.min(1, left / whole)), Math.max(0, left / 60),
                teamLoad, local.getDayOfWeek(), local.getHour(), holidayAhead, urges, returns);
    }
}
