package org.griddesk.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.griddesk.geo.GridIndex;
import org.griddesk.geo.Region;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.patrol.PatrolLimits;
import org.griddesk.store.Database;
import org.griddesk.store.patrol.PatrolIngest;
import org.griddesk.store.patrol.PatrolRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Patrols wired to a store: the gateway's ingest on the district's grids, and the daily purge past
/// the retention that a gateway server or an embedded desk runs (like the audit log's).
final class PatrolWiring {
    private static final Logger log = LoggerFactory.getLogger(PatrolWiring.class);

    private PatrolWiring() {
    }

    static PatrolIngest ingest(Database db, Clock clock, List<Region> grids) {
        GridIndex index = new GridIndex(grids);
        return new PatrolIngest(db.dsl(), clock,
                new BatchCheck(PatrolLimits.configured(), (lon, lat) -> index.locate(lon, lat).map(Region::code)));
    }

    /// Purges once a day, the first time a quarter of an hour after start; close it with the store.
    /// The running purge; closing stops it.
    interface Purge extends AutoCloseable {
        @Override
        void close();
    }

    static Purge dailyPurge(Database db, Clock clock) {
        PatrolRetention retention = new PatrolRetention(db.dsl(), clock, PatrolLimits.configured());
        ScheduledExecutorService timer = BackgroundTimer.named("patrol-purge");
        timer.scheduleAtFixedRate(() -> {
            try {
                int deleted = retention.purge();
                log.info("patrol purge: {} batches of days before {} deleted", deleted, retention.firstDayKept());
            } catch (RuntimeException e) {
                log.warn("patrol purge failed; tried again at the next run", e);
            }
        }, Duration.ofMinutes(15).toMillis(), Duration.ofDays(1).toMillis(), TimeUnit.MILLISECONDS);
        return () -> timer.shutdownNow();
    }
}
