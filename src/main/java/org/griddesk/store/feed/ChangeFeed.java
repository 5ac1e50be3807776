package org.griddesk.store.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.griddesk.store.Database;
import org.griddesk.store.DatabaseKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// A desk's or a gateway's feed of committed changes, on a thread of its own: it reads the trail
/// ([TrailReader]) when woken — at once by another desk's commit on PostgreSQL (`LISTEN` on its own
/// connection, [ChangeNotifications]), by this desk's own actions ([#wake]) — and every [Pace#poll]
/// as a net (on H2 the poll is all there is). Each batch goes to the listener on the feed's thread,
/// never empty, never with a change given before; wakes that arrive while a read is under way or
/// waiting make one more read, not one each (coalesced). While the store is away the reads fail
/// quietly and the position stays: the first read after it returns catches up.
public final class ChangeFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    /// How often to look without being woken, and whether to be woken by the store.
    public record Pace(Duration poll, boolean listen) {
        /// PostgreSQL: woken by notifications, with a 2 s poll as a net; H2: a 250 ms poll.
        public static Pace of(DatabaseKind kind) {
            return kind == DatabaseKind.POSTGRESQL ? new Pace(Duration.ofSeconds(2), true) : new Pace(Duration.ofMillis(250), false);
        }
    }

    /// how often a skipping feed looks
    static final Duration SKIP_AHEAD_EVERY = Duration.ofSeconds(1);

    private final TrailReader reader;
    private final Consumer<ChangeBatch> listener;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("griddesk:feed").daemon().factory());
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final ChangeNotifications notifications;
    private volatile Instant lastRead;
    private volatile BooleanSupplier skipping = () -> false;
    private Instant lastSkip; // the feed's thread only
    private volatile boolean failing;

    private ChangeFeed(Database db, Pace pace, Clock clock, Consumer<ChangeBatch> listener) {
        this.listener = listener;
        this.clock = clock;
        this.reader = TrailReader.fromNow(db.dsl(), clock);
        this.lastRead = clock.instant();
        this.notifications = pace.listen() ? ChangeNotifications.start(db.settings(), this::wake) : null;
        thread.scheduleWithFixedDelay(this::read, pace.poll().toMillis(), pace.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /// Starts following the store from its newest change. Call off the UI thread (it reads the
    /// store's position); `listener` hears every batch on the feed's thread.
    public static ChangeFeed start(Database db, Pace pace, Clock clock, Consumer<ChangeBatch> listener) {
        return new ChangeFeed(db, pace, clock, listener);
    }

    /// Reads at once, on the feed's thread (this desk just wrote, or the store said something changed).
    public void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    read();
                });
            } catch (RejectedExecutionException e) {
                log.debug("closed: not woken");
            }
        }
    }

    /// While `skipping` says so, the feed does not read the changes one by one: at most once per
    /// [#SKIP_AHEAD_EVERY] it moves to the newest and, when anything was committed, tells the listener
    /// so ([ChangeBatch#skippedAhead]). For a desk whose first start writes two years of history
    /// (680,000 events nobody looks at one by one) and reads its queue and map whole meanwhile; once
    /// `skipping` says no more, the feed reads on from where it stands, as one started then would.
    public void skipAheadWhile(BooleanSupplier skipping) {
        this.skipping = skipping;
    }

    private void read() {
        try {
            if (skipping.getAsBoolean()) {
                skipAhead();
                return;
            }
            ChangeBatch batch;
            do {
                batch = reader.next();
                answered();
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } while (reader.more());
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("change feed cannot read the store (will catch up when it returns): {}", e.getMessage());
            }
        }
    }

    private void skipAhead() {
        Instant now = clock.instant();
        if (lastSkip != null && now.isBefore(lastSkip.plus(SKIP_AHEAD_EVERY))) {
            return;
        }
        boolean moved = reader.skipAhead();
        lastSkip = now;
        answered();
        if (moved) {
            deliver(ChangeBatch.skippedAhead());
        }
    }

    private void answered() {
        lastRead = clock.instant();
        if (failing) {
            failing = false;
            log.info("change feed reading again from event {}", reader.position());
        }
    }

    private void deliver(ChangeBatch batch) {
        try {
            listener.accept(batch);
        } catch (RuntimeException e) {
            log.error("a change feed listener failed on {} changes", batch.changes().size(), e);
        }
    }

    /// When the store last answered a read: what the desk shows beside data it may no longer trust.
    public Instant lastRead() {
        return lastRead;
    }

    /// The highest event number read.
    public long position() {
        return reader.position();
    }

    /// The event numbers skipped on the way up and still waited for (transactions not yet committed).
    public List<Long> waitingFor() {
        return reader.waitingFor();
    }

    @Override
    public void close() {
        if (notifications != null) {
            notifications.close();
        }
        // never interrupt a read under way: an embedded H2 store closes itself when a thread is
        // interrupted in its file I/O
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.shutdown();
    }
}
