package org.griddesk.store.security;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The audit log's daily purge of records past the retention, for a desk or gateway to start: one
/// daemon thread, the first run shortly after start, then once a period. A failed run is logged and
/// tried again at the next; closing stops it.
public final class AuditPurgeSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditPurgeSchedule.class);
    private final ScheduledExecutorService timer;

    private AuditPurgeSchedule(AuditLog audit, Clock clock, Duration firstRun, Duration period) {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "griddesk-audit-purge");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> purge(audit, clock), firstRun.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /// Once a day, the first time ten minutes after start (not in the middle of a desk's start-up).
    public static AuditPurgeSchedule daily(AuditLog audit, Clock clock) {
        return every(audit, clock, Duration.ofMinutes(10), Duration.ofDays(1));
    }

    public static AuditPurgeSchedule every(AuditLog audit, Clock clock, Duration firstRun, Duration period) {
        return new AuditPurgeSchedule(audit, clock, firstRun, period);
    }

    private static void purge(AuditLog audit, Clock clock) {
        try {
            int deleted = audit.purgeExpired(clock.instant());
            log.info("audit purge: {} records older than {} days deleted", deleted, audit.retention().days());
        } catch (RuntimeException e) {
            log.warn("audit purge failed; tried again at the next run", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
