package org.griddesk.store.feed;

import static org.griddesk.store.jooq.Tables.DISTRICT_CHANGE;
import static org.griddesk.store.jooq.Tables.HOUSEHOLD_VISIT;
import static org.griddesk.store.jooq.Tables.TICKET_EVENT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.griddesk.domain.district.DistrictChangeKind;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Reads what was committed since it last looked, each change exactly once: the trail's events,
/// the household visits and the changes to the district's base data (`district_change`), by their sequence numbers, asking again for numbers skipped on the way up
/// (see [TrailCursor]). No thread of its own: [ChangeFeed] runs one for desks, the gateway asks it
/// when it wants to know. Not thread-safe by itself; [#next] is synchronized.
public final class TrailReader {
    private static final Logger log = LoggerFactory.getLogger(TrailReader.class);
    /// rows per query, and at most this many pages in one [#next]
    static final int PAGE = 5000;
    private static final int PAGES = 8;
    /// at start, the numbers below the newest one looked at for transactions still running
    static final int START_WINDOW = 2000;
    /// gap ranges asked for in one query
    private static final int RANGES_PER_QUERY = 50;
    /// how long a missing number is waited for when the store cannot say more (H2)
    static final Duration H2_GAP_WAIT = Duration.ofSeconds(30);
    /// ... and on PostgreSQL, a net under the exact horizon
    static final Duration POSTGRES_GAP_WAIT = Duration.ofMinutes(10);

    private final TransactionHorizon horizon;
    private final Clock clock;
    private final Followed<Change> events;
    private final Followed<Long> visits;
    private final Followed<Change> district;
    private boolean more;

    private TrailReader(DSLContext dsl, TransactionHorizon horizon, Clock clock) {
        this.horizon = horizon;
        this.clock = clock;
        Duration wait = horizon.known() ? POSTGRES_GAP_WAIT : H2_GAP_WAIT;
        this.events = new Followed<>(dsl, TICKET_EVENT, TICKET_EVENT.SEQ,
                List.of(TICKET_EVENT.SEQ, TICKET_EVENT.TICKET_ID, TICKET_EVENT.EVENT_TYPE),
                r -> new Change(r.get(TICKET_EVENT.SEQ), r.get(TICKET_EVENT.TICKET_ID), r.get(TICKET_EVENT.EVENT_TYPE)),
                Change::seq, wait);
        this.visits = new Followed<>(dsl, HOUSEHOLD_VISIT, HOUSEHOLD_VISIT.ID, List.of(HOUSEHOLD_VISIT.ID),
                r -> r.get(HOUSEHOLD_VISIT.ID), id -> id, wait);
        this.district = new Followed<>(dsl, DISTRICT_CHANGE, DISTRICT_CHANGE.SEQ, List.of(DISTRICT_CHANGE.SEQ, DISTRICT_CHANGE.CHANGE_KIND),
                r -> new Change(r.get(DISTRICT_CHANGE.SEQ), 0, r.get(DISTRICT_CHANGE.CHANGE_KIND)), Change::seq, wait);
    }

    /// A reader positioned at the newest committed change: everything committed from now on, and
    /// whatever was still being written when it started, will come out of [#next].
    public static TrailReader fromNow(DSLContext dsl, Clock clock) {
        TrailReader reader = new TrailReader(dsl, TransactionHorizon.of(dsl), clock);
        reader.skipAhead();
        return reader;
    }

    /// Moves to the newest committed change without reading the changes in between, and stands
    /// there as [#fromNow] would start. True when anything newer was committed since the last look.
    /// For a listener that reads whole while a bulk load writes (a first start's history): the
    /// changes skipped are never given out.
    public synchronized boolean skipAhead() {
        Instant now = clock.instant();
        boolean moved = events.skipAhead(now) | visits.skipAhead(now) | district.skipAhead(now);
        more = false;
        assignHorizon();
        return moved;
    }

    /// The changes committed since the last call that this reader has not given out before.
    /// Throws what the store throws when it is away; the position is kept, so the next call after
    /// it returns catches up.
    public synchronized ChangeBatch next() {
        List<Change> changes = new ArrayList<>();
        List<Long> visited = new ArrayList<>();
        List<Change> districtChanges = new ArrayList<>();
        try {
            long oldest = horizon.known() ? horizon.oldestRunning() : Long.MIN_VALUE;
            Instant now = clock.instant();
            events.fillGaps(now, changes);
            visits.fillGaps(now, visited);
            district.fillGaps(now, districtChanges);
            events.expire(oldest, now);
            visits.expire(oldest, now);
            district.expire(oldest, now);
            more = events.readOn(now, changes) | visits.readOn(now, visited) | district.readOn(now, districtChanges);
            assignHorizon();
        } catch (RuntimeException e) {
            if (changes.isEmpty() && visited.isEmpty() && districtChanges.isEmpty()) {
                throw e;
            }
            // what was taken before the store went away is given now, never dropped
            log.debug("read cut short, giving what was read: {}", e.getMessage());
            more = true;
        }
        return new ChangeBatch(changes, visited.size(), false, kinds(districtChanges));
    }

    private static EnumSet<DistrictChangeKind> kinds(List<Change> changes) {
        EnumSet<DistrictChangeKind> kinds = EnumSet.noneOf(DistrictChangeKind.class);
        for (Change c : changes) {
            try {
                kinds.add(DistrictChangeKind.valueOf(c.eventType()));
            } catch (IllegalArgumentException newer) {
                kinds.add(DistrictChangeKind.ORGANISATION); // a kind a newer build wrote: read the district anew all the same
            }
        }
        return kinds;
    }

    /// Whether the last [#next] stopped with more to read.
    public synchronized boolean more() {
        return more;
    }

    /// The highest event number read.
    public synchronized long position() {
        return events.cursor.high();
    }

    /// The event numbers still waited for.
    public synchronized List<Long> waitingFor() {
        return events.cursor.gaps();
    }

    private void assignHorizon() {
        if (horizon.known() && (events.cursor.needsHorizon() || visits.cursor.needsHorizon() || district.cursor.needsHorizon())) {
            long next = horizon.nextTransaction();
            events.cursor.horizon(next);
            visits.cursor.horizon(next);
            district.cursor.horizon(next);
        }
    }

    /// One table followed by its sequence column.
    private static final class Followed<R> {
        private final DSLContext dsl;
        private final Table<?> table;
        private final Field<Long> seq;
        private final List<Field<?>> fields;
        private final Function<Record, R> row;
        private final ToLongFunction<R> seqOf;
        private final TrailCursor cursor;

        Followed(DSLContext dsl, Table<?> table, Field<Long> seq, List<Field<?>> fields, Function<Record, R> row,
                 ToLongFunction<R> seqOf, Duration wait) {
            this.dsl = dsl;
            this.table = table;
            this.seq = seq;
            this.fields = fields;
            this.row = row;
            this.seqOf = seqOf;
            this.cursor = new TrailCursor(0, wait);
        }

        /// Stands at the newest row, with the numbers missing just below it as gaps (their
        /// transactions may still be running); false when there is nothing newer than the cursor.
        /// Asks the store first: when it is away, the cursor stays as it was.
        boolean skipAhead(Instant now) {
            Long newest = dsl.select(DSL.max(seq)).from(table).fetchOne(0, Long.class);
            long high = newest == null ? 0 : newest;
            if (high <= cursor.high()) {
                return false;
            }
            long from = Math.max(0, high - START_WINDOW);
            List<Long> present = dsl.select(seq).from(table).where(seq.gt(from), seq.le(high)).fetch(seq);
            cursor.restartAt(high); // what lies below the window was committed long ago
            cursor.missingBelow(from, present, now);
            return true;
        }

        void fillGaps(Instant now, List<R> found) {
            List<long[]> ranges = cursor.gapRanges();
            for (int i = 0; i < ranges.size(); i += RANGES_PER_QUERY) {
                Condition any = DSL.noCondition();
                for (long[] r : ranges.subList(i, Math.min(ranges.size(), i + RANGES_PER_QUERY))) {
                    any = any.or(seq.between(r[0], r[1]));
                }
                for (R r : dsl.select(fields).from(table).where(any).orderBy(seq).fetch(row::apply)) {
                    if (cursor.take(seqOf.applyAsLong(r), now)) {
                        found.add(r);
                    }
                }
            }
        }

        void expire(long oldestRunning, Instant now) {
            List<Long> closed = cursor.expire(oldestRunning, now);
            if (!closed.isEmpty()) {
                log.debug("{}: numbers {} will not come (rolled back)", table.getName(), closed.size() > 10
                        ? closed.subList(0, 10) + "…" : closed);
            }
        }

        /// Reads on past the highest number; true when it stopped with more to read.
        boolean readOn(Instant now, List<R> into) {
            for (int page = 0; page < PAGES; page++) {
                List<R> rows = dsl.select(fields).from(table).where(seq.gt(cursor.high())).orderBy(seq).limit(PAGE)
                        .fetch(row::apply);
                for (R r : rows) {
                    if (cursor.take(seqOf.applyAsLong(r), now)) {
                        into.add(r);
                    }
                }
                if (rows.size() < PAGE) {
                    return false;
                }
            }
            return true;
        }
    }
}
