package org.griddesk.store.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/// Where a reader of a sequence-numbered table is, and which numbers it has not seen yet.
///
/// Sequence numbers are drawn when a row is inserted, not when its transaction commits: a row
/// numbered 41 may become visible after 42. So the cursor remembers every number below the highest
/// it has seen that it has not seen itself (a *gap*) and the reader asks for those again. A gap
/// closes when its row shows up (delivered then, once) or when it is certain no row will: every
/// transaction that was running when the gap was noticed has ended ([#expire], with the horizon the
/// store gives, see [Horizon]), or, on a store that cannot say, after [#maxAge]. A number is handed
/// out by [#take] at most once.
final class TrailCursor {
    /// a transaction that held a number for longer than this is no longer waited for
    private final Duration maxAge;
    private long high;
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();

    /// When a gap was noticed, and the first transaction id that had not begun then (or
    /// [Long#MAX_VALUE] while not known).
    private record Gap(Instant noticed, long horizon) {
    }

    TrailCursor(long high, Duration maxAge) {
        this.high = high;
        this.maxAge = maxAge;
    }

    /// Starts a cursor that has seen nothing at `high`: numbers up to it count as seen.
    void startAt(long high) {
        if (this.high != 0 || !gaps.isEmpty()) {
            throw new IllegalStateException("the cursor has moved already");
        }
        this.high = high;
    }

    /// Forgets everything and starts again at `high`, as a new cursor would: for a reader that skips
    /// ahead without reading what lies between.
    void restartAt(long high) {
        gaps.clear();
        this.high = high;
    }

    /// The highest number seen.
    long high() {
        return high;
    }

    /// The numbers below [#high] not seen yet.
    List<Long> gaps() {
        return List.copyOf(gaps.keySet());
    }

    /// The gaps as closed ranges `[from, to]`, lowest first, for asking the store about them.
    List<long[]> gapRanges() {
        List<long[]> ranges = new ArrayList<>();
        long[] current = null;
        for (long seq : gaps.keySet()) {
            if (current != null && seq == current[1] + 1) {
                current[1] = seq;
            } else {
                current = new long[] {seq, seq};
                ranges.add(current);
            }
        }
        return ranges;
    }

    /// Whether `seq` is new to this cursor; it is then remembered as seen. Numbers skipped on the way
    /// up become gaps noticed `now`.
    boolean take(long seq, Instant now) {
        if (gaps.remove(seq) != null) {
            return true;
        }
        if (seq <= high) {
            return false; // seen before: never delivered twice
        }
        for (long missing = high + 1; missing < seq; missing++) {
            gaps.put(missing, new Gap(now, Long.MAX_VALUE));
        }
        high = seq;
        return true;
    }

    /// Marks every number in `(from, to]` that is not `present` as a gap noticed `now`: used once
    /// when a reader starts at `to`, for rows whose transactions were still running then.
    void missingBelow(long from, Iterable<Long> present, Instant now) {
        Set<Long> seen = new HashSet<>();
        present.forEach(seen::add);
        for (long seq = Math.max(from, 0) + 1; seq <= high; seq++) {
            if (!seen.contains(seq)) {
                gaps.putIfAbsent(seq, new Gap(now, Long.MAX_VALUE));
            }
        }
    }

    /// Gives the gaps that do not know their horizon yet this one: the next transaction id at a
    /// moment after they were noticed. Every transaction that could hold one of them began before.
    void horizon(long nextTransaction) {
        for (Map.Entry<Long, Gap> e : gaps.entrySet()) {
            if (e.getValue().horizon() == Long.MAX_VALUE) {
                e.setValue(new Gap(e.getValue().noticed(), nextTransaction));
            }
        }
    }

    /// Whether some gap still waits for its horizon.
    boolean needsHorizon() {
        return gaps.values().stream().anyMatch(g -> g.horizon() == Long.MAX_VALUE);
    }

    /// Closes the gaps no row will fill any more and returns their numbers: those whose every
    /// possible transaction has ended (`oldestRunning` is the oldest transaction id still running,
    /// read *before* the gaps were last asked for) and those older than [#maxAge].
    List<Long> expire(long oldestRunning, Instant now) {
        List<Long> closed = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Gap>> it = gaps.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Gap> e = it.next();
            Gap gap = e.getValue();
            boolean allEnded = gap.horizon() != Long.MAX_VALUE && oldestRunning >= gap.horizon();
            if (allEnded || Duration.between(gap.noticed(), now).compareTo(maxAge) >= 0) {
                closed.add(e.getKey());
                it.remove();
            }
        }
        return closed;
    }
}
