package org.griddesk.desk.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.griddesk.desk.queue.QueueItem;
import org.griddesk.domain.ShiftSchedule;
import org.griddesk.store.supervise.TimerLists;

/// Decides what the desk notifies and when, from what it reads (no toolkit, no store, no clock of
/// its own: every call says what time it is).
///
/// - **What**: a ticket in the user's scope that is new and urgent, or whose risk rose to at risk or
///   overdue; a whistle of the user's centre that became late (not checked in by its due time, or
///   checked in after it). What was there at the first read after a sign-in is the desk's state,
///   not news: it is not notified.
/// - **When**: alerts are gathered for [#GATHER] after the first one and said in one notification
///   (a burst is one notification), and no more often than every [#QUIET_FOR].
/// - **Muted** for the shift: nothing is said (nor kept for later) until the next shift begins,
///   when it unmutes by itself.
///
/// Thread-safe: the desk calls it from its notifications thread.
public final class AlertRules {
    /// how long a burst is gathered before it is said
    public static final Duration GATHER = Duration.ofSeconds(2);
    /// the least time between two notifications
    public static final Duration QUIET_FOR = Duration.ofSeconds(10);

    private final ShiftSchedule shifts;
    private final Map<Long, QueueItem.Risk> risks = new HashMap<>();
    private final Set<String> late = new HashSet<>();
    private boolean rowsPrimed;
    private boolean whistlesPrimed;
    private final List<Alert> pending = new ArrayList<>();
    private Instant firstPending;
    private Instant lastSaid;
    private Instant mutedUntil;

    public AlertRules(ShiftSchedule shifts) {
        this.shifts = shifts;
    }

    /// Someone else sits at the desk (or nobody): what is there now is not news to them.
    public synchronized void reset() {
        risks.clear();
        late.clear();
        rowsPrimed = false;
        whistlesPrimed = false;
        pending.clear();
        firstPending = null;
    }

    /// The open queue as read at `now` (the whole of it); `scope` picks the user's tickets.
    public synchronized void rows(List<QueueItem> rows, Predicate<QueueItem> scope, Instant now) {
        Map<Long, QueueItem.Risk> next = new HashMap<>();
        for (QueueItem row : rows) {
            if (!scope.test(row)) {
                continue;
            }
            next.put(row.id(), row.risk());
            if (!rowsPrimed) {
                continue;
            }
            QueueItem.Risk before = risks.get(row.id());
            if (before == null && row.urgent() && row.risk() != QueueItem.Risk.OVERDUE) {
                add(new Alert(Alert.Kind.URGENT, row.id(), row.code()), now);
            } else if (row.risk() == QueueItem.Risk.OVERDUE && before != QueueItem.Risk.OVERDUE) {
                add(new Alert(Alert.Kind.OVERDUE, row.id(), row.code()), now);
            } else if (row.risk() == QueueItem.Risk.AT_RISK && before != QueueItem.Risk.AT_RISK && before != QueueItem.Risk.OVERDUE) {
                add(new Alert(Alert.Kind.AT_RISK, row.id(), row.code()), now);
            }
        }
        risks.clear();
        risks.putAll(next);
        rowsPrimed = true;
    }

    /// The centre's whistles as last read, looked at `now` (an open one turns late as time passes).
    public synchronized void whistles(List<TimerLists.WhistleLine> lines, Instant now) {
        for (TimerLists.WhistleLine w : lines) {
            if (!w.lateAt(now)) {
                continue;
            }
            String key = w.ticket().id() + "/" + w.whistle().teamId() + "/" + w.whistle().summonedAt();
            if (late.add(key) && whistlesPrimed) {
                add(new Alert(Alert.Kind.LATE_CHECK_IN, w.ticket().id(), w.ticket().code()), now);
            }
        }
        whistlesPrimed = true;
    }

    /// The notification due at `now`, if one is: all alerts gathered since the last.
    public synchronized Optional<AlertDigest> poll(Instant now) {
        if (mutedAt(now)) {
            return Optional.empty();
        }
        if (pending.isEmpty() || now.isBefore(firstPending.plus(GATHER))
                || lastSaid != null && now.isBefore(lastSaid.plus(QUIET_FOR))) {
            return Optional.empty();
        }
        AlertDigest digest = new AlertDigest(pending);
        pending.clear();
        firstPending = null;
        lastSaid = now;
        return Optional.of(digest);
    }

    /// Mutes until the next shift begins; what was gathered is dropped.
    public synchronized void muteForShift(Instant now) {
        mutedUntil = shifts.nextChangeAfter(now);
        pending.clear();
        firstPending = null;
    }

    public synchronized void unmute() {
        mutedUntil = null;
    }

    /// muted at `now` (a mute ends by itself when the next shift begins)
    public synchronized boolean mutedAt(Instant now) {
        if (mutedUntil != null && !now.isBefore(mutedUntil)) {
            mutedUntil = null;
        }
        return mutedUntil != null;
    }

    private void add(Alert alert, Instant now) {
        if (mutedAt(now)) {
            return;
        }
        if (pending.isEmpty()) {
            firstPending = now;
        }
        pending.add(alert);
    }
}
