package org.griddesk.security;

import java.time.Duration;
import java.time.Instant;

/// How long the audit log keeps its records: at least 180 days (GB/T 22239 level 3 asks for six
/// months), longer when configured, never shorter. The database guards hold the same floor.
public record AuditRetention(int days) {
    public static final int FLOOR_DAYS = 180;
    /// the system property naming the days to keep (`-Dgriddesk.audit.retentionDays=365`)
    public static final String PROPERTY = "griddesk.audit.retentionDays";

    public AuditRetention {
        if (days < FLOOR_DAYS) {
            throw new IllegalArgumentException("the audit log is kept at least " + FLOOR_DAYS + " days, not " + days);
        }
    }

    public static AuditRetention floor() {
        return new AuditRetention(FLOOR_DAYS);
    }

    /// From a configured value (null or blank: the floor); a value below the floor or not a number is refused.
    public static AuditRetention parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return floor();
        }
        try {
            return new AuditRetention(Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("audit retention must be a number of days (at least " + FLOOR_DAYS + "): " + configured);
        }
    }

    /// From the system property [#PROPERTY], else the floor.
    public static AuditRetention fromSystemProperty() {
        return parse(System.getProperty(PROPERTY));
    }

    /// Records at or after this instant are kept; older ones may be purged.
    public Instant cutoff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
