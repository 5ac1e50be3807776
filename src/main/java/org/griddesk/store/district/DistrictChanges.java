package org.griddesk.store.district;

import static org.griddesk.store.jooq.Tables.DISTRICT_CHANGE;

import java.time.Clock;
import java.util.Optional;
import org.griddesk.domain.district.DistrictChangeKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// The record of changes to the district's base data (`district_change`): whoever changes the grids,
/// the organisation, workers, cameras, the taxonomy, the calendar or channel keys appends one row in
/// the same transaction as the change ([#record]); desks follow the rows through their change feed
/// and gateways through [#latest], and read the district anew, without a restart.
public final class DistrictChanges {
    private static final int MAX_SUMMARY = 1000;
    private static final int MAX_ACTOR = 100;

    private final DSLContext dsl;
    private final Clock clock;

    /// `dsl`: the transaction's context when recording a change made in it.
    public DistrictChanges(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /// Appends the record of a change and returns its number. Call it inside the change's transaction:
    /// a change rolled back leaves no record, and a record is never seen before its change.
    public long record(DistrictChangeKind kind, String actor, String summary) {
        return dsl.insertInto(DISTRICT_CHANGE)
                .set(DISTRICT_CHANGE.CHANGE_KIND, kind.name())
                .set(DISTRICT_CHANGE.CHANGED_AT, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .set(DISTRICT_CHANGE.ACTOR, cut(actor == null || actor.isBlank() ? "?" : actor, MAX_ACTOR))
                .set(DISTRICT_CHANGE.SUMMARY, cut(summary == null ? "" : summary, MAX_SUMMARY))
                .returningResult(DISTRICT_CHANGE.SEQ).fetchOne(DISTRICT_CHANGE.SEQ);
    }

    /// The number of the newest change committed, or 0 when none: what a gateway compares with the
    /// one its district was read at.
    public long latest() {
        return Optional.ofNullable(dsl.select(DSL.max(DISTRICT_CHANGE.SEQ)).from(DISTRICT_CHANGE).fetchOne(0, Long.class))
                .orElse(0L);
    }

    /// Whether a new map was recorded after change `seq`.
    public boolean mapChangedAfter(long seq) {
        return dsl.fetchExists(DISTRICT_CHANGE, DISTRICT_CHANGE.SEQ.gt(seq),
                DISTRICT_CHANGE.CHANGE_KIND.eq(DistrictChangeKind.MAP.name()));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
