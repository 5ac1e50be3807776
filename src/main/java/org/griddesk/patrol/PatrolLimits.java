package org.griddesk.patrol;

import java.time.Duration;

/// What a batch may hold: at most `maxPoints` points (a 30 s batch holds a handful; a phone's backlog
/// goes as several batches in time order), none later than `futureSlack` after the server's clock
/// (phones' clocks drift) and none older than `maxAge` (a phone offline for a day still sends its
/// whole day); the store keeps batches for `retention`.
public record PatrolLimits(int maxPoints, Duration futureSlack, Duration maxAge, Duration retention) {
    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final PatrolLimits DEFAULT = new PatrolLimits(120, Duration.ofMinutes(2), Duration.ofDays(3),
            Duration.ofDays(DEFAULT_RETENTION_DAYS));

    /// the system property naming the days patrols are kept (`-Dgriddesk.patrol.retentionDays=180`)
    public static final String RETENTION_PROPERTY = "griddesk.patrol.retentionDays";

    public PatrolLimits {
        if (maxPoints < 1 || futureSlack.isNegative() || maxAge.isNegative() || maxAge.compareTo(retention) > 0) {
            throw new IllegalArgumentException("patrol limits: at least one point, no negative times, a maximum age within the retention");
        }
    }

    /// The same limits with another retention, in days (at least the maximum age of a point).
    public PatrolLimits withRetentionDays(int days) {
        return new PatrolLimits(maxPoints, futureSlack, maxAge, Duration.ofDays(days));
    }

    /// The defaults with the retention of [#RETENTION_PROPERTY] when set; a value that is not a
    /// number of days at least the maximum age of a point is refused.
    public static PatrolLimits configured() {
        String days = System.getProperty(RETENTION_PROPERTY);
        if (days == null || days.isBlank()) {
            return DEFAULT;
        }
        try {
            return DEFAULT.withRetentionDays(Integer.parseInt(days.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(RETENTION_PROPERTY + " is a number of days, at least "
                    + DEFAULT.maxAge().toDays() + ": " + days, e);
        }
    }
}
