package org.griddesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;

/// The open tickets the duplicate check compares against, kept in memory and caught up from the
/// event trail: every change since the last catch-up reloads the tickets it touched (a closed,
/// merged or rejected one drops out). Catches up at most once per [#CATCH_UP_EVERY], so a burst
/// of requests costs one small query, and sees what other desks and gateways changed too.
final class OpenRequests {
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(1);
    private static final int BATCH = 5000;
    /// tickets read back per query (an IN list of at most this many ids)
    private static final int CHUNK = 500;

    private final IntakeRepository intakes;
    private final TicketRepository tickets;
    private final Function<String, String> categoryOfItem;
    private final Clock clock;
    private final DuplicateCheck check = new DuplicateCheck();
    private final java.util.concurrent.locks.ReentrantLock catchingUp = new java.util.concurrent.locks.ReentrantLock();
    private volatile long lastSeq;
    private volatile Instant lastCatchUp = Instant.MIN;

    OpenRequests(IntakeRepository intakes, TicketRepository tickets, Function<String, String> categoryOfItem, Clock clock) {
        this.intakes = intakes;
        this.tickets = tickets;
        this.categoryOfItem = categoryOfItem;
        this.clock = clock;
        this.lastSeq = tickets.lastEventSeq();
        check.replaceAll(intakes.openRequests().stream().map(this::traits).toList());
        this.lastCatchUp = clock.instant();
    }

    /// The check, caught up with the store when the last catch-up is older than [#CATCH_UP_EVERY].
    /// One request catches up; the others meanwhile use the check as it is (at most a second behind)
    /// rather than wait for it.
    DuplicateCheck check() {
        Instant now = clock.instant();
        if (Duration.between(lastCatchUp, now).compareTo(CATCH_UP_EVERY) >= 0 && catchingUp.tryLock()) {
            try {
                if (Duration.between(lastCatchUp, now).compareTo(CATCH_UP_EVERY) >= 0) {
                    catchUp();
                    lastCatchUp = now;
                }
            } finally {
                catchingUp.unlock();
            }
        }
        return check;
    }

    private void catchUp() {
        TicketRepository.Changes changes;
        do {
            changes = tickets.changedAfter(lastSeq, BATCH);
            // what this gateway reported itself is in the check already: only other changes are read
            Set<Long> known = new HashSet<>(changes.onlyReported());
            known.removeIf(id -> !check.contains(id));
            List<Long> changed = changes.ticketIds().stream().filter(id -> !known.contains(id)).toList();
            for (int from = 0; from < changed.size(); from += CHUNK) {
                List<Long> chunk = changed.subList(from, Math.min(changed.size(), from + CHUNK));
                Set<Long> gone = new HashSet<>(chunk);
                for (IntakeRepository.OpenRequest open : intakes.openRequests(chunk)) {
                    check.put(traits(open));
                    gone.remove(open.id());
                }
                gone.forEach(check::remove);
            }
            lastSeq = changes.lastSeq();
        } while (changes.more());
    }

    /// Adds a ticket just made, so the next request is compared with it at once.
    void added(RequestTraits ticket) {
        check.put(ticket);
    }

    RequestTraits traits(IntakeRepository.OpenRequest r) {
        return traits(r.id(), r.code(), r.reportedAt(), r.lon(), r.lat(), r.gridCode(), r.itemCode(), r.callerPhone(),
                r.cameraCode(), r.alarmType(), r.summary());
    }

    RequestTraits traits(long id, String code, Instant at, Double lon, Double lat, String grid, String item, String phone,
                         String camera, String alarmType, String text) {
        return new RequestTraits(id, code, at, lon, lat, grid, item, item == null ? null : categoryOfItem.apply(item), phone,
                camera, alarmType, Bigrams.of(text));
    }
}
