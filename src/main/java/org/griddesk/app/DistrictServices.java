package org.griddesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.griddesk.store.Database;
import org.griddesk.store.district.DistrictChanges;
import org.griddesk.store.mapversion.OpenTicketPlacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Services built from one read of the district (a gateway's intake and team feedback), kept while
/// the district stays as it was and built again when its change record moves on ([DistrictChanges]):
/// a new map, new teams or workers reach a running gateway within [#LOOK_EVERY], no restart.
///
/// Requests never wait for a rebuild once something is built: the first request to see the change
/// builds the new services while the others go on with the old ones. Requests taken with the old map
/// in those moments are placed again by the new one a little later ([OpenTicketPlacer#reportedSince]).
final class DistrictServices<S> {
    private static final Logger log = LoggerFactory.getLogger(DistrictServices.class);
    /// how often the change record is looked at (one indexed `max` on a request, at most this often)
    static final Duration LOOK_EVERY = Duration.ofSeconds(1);
    /// how long after the swap the requests taken with the old map are placed again: long enough for
    /// those under way to have committed
    static final Duration SETTLE = Duration.ofSeconds(3);
    /// how far before the swap those requests are looked for
    private static final Duration BEFORE_SWAP = Duration.ofSeconds(10);

    private record Built<S>(S services, long change) {
    }

    private final Database db;
    private final Clock clock;
    private final Supplier<Optional<S>> build;
    private final ReentrantLock building = new ReentrantLock();
    private volatile Built<S> built;
    private volatile long lookedAt = System.nanoTime();

    DistrictServices(Database db, Clock clock, Supplier<Optional<S>> build) {
        this.db = db;
        this.clock = clock;
        this.build = build;
    }

    /// The services on the district as it now stands; empty while the store has no district.
    Optional<S> get() {
        Built<S> now = built;
        if (now == null) {
            building.lock(); // nothing to serve with yet: wait for the first build
            try {
                if (built == null) {
                    long change = latest();
                    build.get().ifPresent(s -> built = new Built<>(s, change));
                }
                now = built;
            } finally {
                building.unlock();
            }
            return now == null ? Optional.empty() : Optional.of(now.services());
        }
        long tick = System.nanoTime();
        if (tick - lookedAt >= LOOK_EVERY.toNanos() && building.tryLock()) {
            try {
                lookedAt = tick;
                long change = latest();
                if (change > built.change()) {
                    rebuild(change, new DistrictChanges(db.dsl(), clock).mapChangedAfter(built.change()));
                }
            } catch (RuntimeException e) {
                log.warn("the district's change record could not be read; serving with the district as read before: {}",
                        e.getMessage());
            } finally {
                building.unlock();
            }
        }
        return Optional.of(built.services());
    }

    private void rebuild(long change, boolean newMap) {
        Instant swap = clock.instant();
        Optional<S> fresh = build.get();
        if (fresh.isEmpty()) {
            return;
        }
        built = new Built<>(fresh.get(), change);
        log.info("the district changed (change {}): the gateway serves with it from now on", change);
        if (!newMap) {
            return;
        }
        Thread.ofVirtual().name("griddesk:place-again").start(() -> {
            try {
                Thread.sleep(SETTLE);
                new OpenTicketPlacer(db.dsl(), clock).reportedSince(swap.minus(BEFORE_SWAP), change);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("requests taken just before the new district were not placed again: {}", e.getMessage());
            }
        });
    }

    private long latest() {
        return new DistrictChanges(db.dsl(), clock).latest();
    }
}
