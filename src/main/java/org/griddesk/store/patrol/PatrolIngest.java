package org.griddesk.store.patrol;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.griddesk.patrol.BatchCheck;
import org.griddesk.patrol.PatrolPoint;
import org.griddesk.patrol.TrackCodec;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/// Takes a grid worker's patrol batch: checks it ([BatchCheck]) and stores the points kept in one
/// transaction, once per worker and `Idempotency-Key`. A resend of the same points is answered as
/// already received and stores nothing; the same key with other points is refused, storing nothing.
public final class PatrolIngest {
    /// Beijing time: a patrol's day is the worker's day
    public static final ZoneId DAY_ZONE = ZoneId.of("Asia/Shanghai");

    /// What became of a batch.
    public sealed interface Taken {
    }

    /// Refused as a whole (empty, too large): nothing stored.
    public record Refused(String code, String zh, String en) implements Taken {
    }

    /// The key was used before by this worker for other points: nothing stored.
    public record KeyReused() implements Taken {
    }

    /// Every point was set aside: nothing stored (a resend is checked again).
    public record NothingKept(List<BatchCheck.SetAside> setAside) implements Taken {
    }

    /// Stored now (or before, `alreadyReceived`): the batch's id, the points stored, those set aside
    /// (named the first time only) and the grid the batch counts for.
    public record Stored(long batch, int points, List<BatchCheck.SetAside> setAside, String grid, boolean alreadyReceived)
            implements Taken {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final BatchCheck check;
    private final PatrolRepository repository;

    public PatrolIngest(DSLContext dsl, Clock clock, BatchCheck check) {
        this.dsl = dsl;
        this.clock = clock;
        this.check = check;
        this.repository = new PatrolRepository(dsl);
    }

    public BatchCheck check() {
        return check;
    }

    /// The worker's (`accountId`) batch sent under `key`, its points as sent.
    public Taken take(String accountId, String key, List<PatrolPoint> points) {
        var refusal = check.refusal(points.size());
        if (refusal.isPresent()) {
            return new Refused(refusal.get().code(), refusal.get().zh(), refusal.get().en());
        }
        String digest = TrackCodec.digest(points);
        var before = repository.batch(dsl, accountId, key);
        if (before.isPresent()) {
            return repeat(before.get(), digest);
        }
        Instant now = clock.instant();
        BatchCheck.Checked checked = check.check(points, now);
        if (checked.empty()) {
            return new NothingKept(checked.setAside());
        }
        var batch = new PatrolRepository.NewBatch(accountId, key, digest, checked.mainGrid(),
                checked.kept().getFirst().at().atZone(DAY_ZONE).toLocalDate(), checked.kept(), now);
        try {
            long id = dsl.transactionResult(tx -> repository.insert(tx.dsl(), batch));
            return new Stored(id, checked.kept().size(), checked.setAside(), checked.mainGrid(), false);
        } catch (DataAccessException e) {
            // the same batch sent twice at once: the other send stored it; answer as its repeat
            return repository.batch(dsl, accountId, key).map(stored -> repeat(stored, digest)).orElseThrow(() -> e);
        }
    }

    private Taken repeat(PatrolRepository.StoredBatch stored, String digest) {
        return stored.contentDigest().equals(digest) ? new Stored(stored.id(), stored.points(), List.of(), stored.gridCode(), true)
                : new KeyReused();
    }
}
