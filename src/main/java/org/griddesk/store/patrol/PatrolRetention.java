package org.griddesk.store.patrol;

import java.time.Clock;
import java.time.LocalDate;
import org.griddesk.patrol.PatrolLimits;
import org.jooq.DSLContext;

/// Keeps patrols for the retention period ([PatrolLimits#retention], 90 days unless configured):
/// the batches of Beijing days before it are deleted by the daily purge.
public final class PatrolRetention {
    private final PatrolRepository repository;
    private final Clock clock;
    private final PatrolLimits limits;

    public PatrolRetention(DSLContext dsl, Clock clock, PatrolLimits limits) {
        this.repository = new PatrolRepository(dsl);
        this.clock = clock;
        this.limits = limits;
    }

    /// The first day kept today: `retention` days back from today in Beijing.
    public LocalDate firstDayKept() {
        return clock.instant().atZone(PatrolIngest.DAY_ZONE).toLocalDate().minusDays(limits.retention().toDays());
    }

    /// Deletes the batches of days before [#firstDayKept]; how many.
    public int purge() {
        return repository.deleteBefore(firstDayKept());
    }

    public PatrolLimits limits() {
        return limits;
    }
}
