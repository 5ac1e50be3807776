package org.griddesk.store.patrol;

import static org.griddesk.store.jooq.Tables.PATROL_BATCH;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.TrackCodec;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/// Patrol batches as stored: one row per batch, its points in one blob ([TrackCodec]).
public final class PatrolRepository {
    /// A batch to store, its points kept and in time order.
    record NewBatch(String accountId, String key, String contentDigest, String gridCode, LocalDate day,
                    List<PatrolPoint> points, Instant receivedAt) {
    }

    /// A stored batch as a resend is compared with it.
    record StoredBatch(long id, String contentDigest, int points, String gridCode) {
    }

    /// One batch's piece of a worker's track.
    public record Piece(String accountId, String gridCode, Instant firstAt, byte[] points) {
    }

    private final DSLContext dsl;

    public PatrolRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<StoredBatch> batch(DSLContext tx, String accountId, String key) {
        return tx.select(PATROL_BATCH.ID, PATROL_BATCH.CONTENT_DIGEST, PATROL_BATCH.POINT_COUNT, PATROL_BATCH.GRID_CODE)
                .from(PATROL_BATCH).where(PATROL_BATCH.ACCOUNT_ID.eq(accountId), PATROL_BATCH.BATCH_KEY.eq(key))
                .fetchOptional(r -> new StoredBatch(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    long insert(DSLContext tx, NewBatch b) {
        Instant first = b.points().getFirst().at();
        return tx.insertInto(PATROL_BATCH).set(PATROL_BATCH.ACCOUNT_ID, b.accountId()).set(PATROL_BATCH.BATCH_KEY, b.key())
                .set(PATROL_BATCH.CONTENT_DIGEST, b.contentDigest()).set(PATROL_BATCH.GRID_CODE, b.gridCode())
                .set(PATROL_BATCH.PATROL_DAY, b.day()).set(PATROL_BATCH.FIRST_AT, utc(first))
                .set(PATROL_BATCH.LAST_AT, utc(b.points().getLast().at())).set(PATROL_BATCH.POINT_COUNT, b.points().size())
                .set(PATROL_BATCH.POINTS, TrackCodec.encode(first, b.points())).set(PATROL_BATCH.RECEIVED_AT, utc(b.receivedAt()))
                .returning(PATROL_BATCH.ID).fetchOne().getId();
    }

    /// The pieces of a day in the grids (all grids when `grids` is null), by worker and time, their
    /// points as stored ([TrackCodec]).
    public List<Piece> pieces(LocalDate day, Collection<String> grids) {
        Condition where = PATROL_BATCH.PATROL_DAY.eq(day);
        if (grids != null) {
            where = where.and(PATROL_BATCH.GRID_CODE.in(grids));
        }
        return dsl.select(PATROL_BATCH.ACCOUNT_ID, PATROL_BATCH.GRID_CODE, PATROL_BATCH.FIRST_AT, PATROL_BATCH.POINTS)
                .from(PATROL_BATCH).where(where).orderBy(PATROL_BATCH.ACCOUNT_ID, PATROL_BATCH.FIRST_AT, PATROL_BATCH.ID)
                .fetch(r -> new Piece(r.value1(), r.value2(), r.value3().toInstant(), r.value4()));
    }

    /// The grids with a patrol on a day.
    public List<String> patrolledGrids(LocalDate day) {
        return dsl.selectDistinct(PATROL_BATCH.GRID_CODE).from(PATROL_BATCH).where(PATROL_BATCH.PATROL_DAY.eq(day))
                .fetch(PATROL_BATCH.GRID_CODE);
    }

    /// How many batches and points are stored (the whole store).
    public long[] totals() {
        var r = dsl.select(DSL.count(), DSL.coalesce(DSL.sum(PATROL_BATCH.POINT_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(PATROL_BATCH).fetchOne();
        return new long[] {r.value1(), r.value2().longValue()};
    }

    /// Deletes the batches of days before `firstKept`; how many.
    int deleteBefore(LocalDate firstKept) {
        return dsl.deleteFrom(PATROL_BATCH).where(PATROL_BATCH.PATROL_DAY.lt(firstKept)).execute();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
