package org.griddesk.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.griddesk.domain.ticket.TicketEvent;
import org.griddesk.store.feed.Change;
import org.griddesk.store.feed.ChangeBatch;
import org.griddesk.store.feed.TrailReader;
import org.griddesk.store.ticket.IntakeRepository;
import org.griddesk.store.ticket.TicketRepository;

/// The open tickets the duplicate check compares against, kept in memory and caught up from the
/// change feed ([TrailReader]): every change since the last catch-up reloads the tickets it touched
/// (a closed, merged or rejected one drops out), each change once, late commits included; when it
/// is more than one read of the feed behind, it reads the open tickets whole instead. Catches
/// up when the store says something changed ([#catchUpNow], from `LISTEN` on PostgreSQL) and
/// otherwise at most once per [#CATCH_UP_EVERY] on requests, so a burst of requests costs one
/// small query, and sees what other desks and gateways changed too.
final class OpenRequests {
    static final Duration CATCH_UP_EVERY = Duration.ofSeconds(1);
    /// tickets read back per query (an IN list of at most this many ids)
    private static final int CHUNK = 500;

    private final IntakeRepository intakes;
    private final TicketRepository tickets;
    private final Function<String, String> categoryOfItem;
    private final Clock clock;
    private final DuplicateCheck check = new DuplicateCheck();
    private final ReentrantLock catchingUp = new ReentrantLock();
    private final TrailReader changes;
    private volatile Instant lastCatchUp = Instant.MIN;

    OpenRequests(IntakeRepository intakes, TicketRepository tickets, Function<String, String> categoryOfItem, Clock clock) {
        this.intakes = intakes;
        this.tickets = tickets;
        this.categoryOfItem = categoryOfItem;
        this.clock = clock;
        this.changes = tickets.follow(clock); // first: what changes while the check loads comes out of it next
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

    /// Catches up at once (the store said something changed); a catch-up already under way is enough.
    void catchUpNow() {
        if (catchingUp.tryLock()) {
            try {
                catchUp();
                lastCatchUp = clock.instant();
            } finally {
                catchingUp.unlock();
            }
        }
    }

    private void catchUp() {
        ChangeBatch batch = changes.next();
        if (changes.more()) {
            // far behind (a first start wrote two years of history since this gateway began, or it
            // had no requests for long): the open tickets whole are fewer than the tickets all
            // those changes touched. The reader stands at the newest change first, so what commits
            // while they load comes out of it next, as when the check was first loaded.
            changes.skipAhead();
            check.replaceAll(intakes.openRequests().stream().map(this::traits).toList());
        } else {
            apply(batch);
        }
    }

    /// Reloads the tickets the changes touched: those still open replace what the check knew, the
    /// others drop out.
    private void apply(ChangeBatch batch) {
        // what this gateway reported itself is in the check already: only other changes are read
        Map<Long, Boolean> onlyReported = new HashMap<>();
        for (Change c : batch.changes()) {
            onlyReported.merge(c.ticketId(), REPORTED.equals(c.eventType()), Boolean::logicalAnd);
        }
        List<Long> changed = onlyReported.entrySet().stream()
                .filter(e -> !(e.getValue() && check.contains(e.getKey()))).map(Map.Entry::getKey).toList();
        for (int from = 0; from < changed.size(); from += CHUNK) {
            List<Long> chunk = changed.subList(from, Math.min(changed.size(), from + CHUNK));
            Set<Long> gone = new HashSet<>(chunk);
            for (IntakeRepository.OpenRequest open : intakes.openRequests(chunk)) {
                check.put(traits(open));
                gone.remove(open.id());
            }
            gone.forEach(check::remove);
        }
    }

    private static final String REPORTED = TicketEvent.Reported.class.getSimpleName();

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
