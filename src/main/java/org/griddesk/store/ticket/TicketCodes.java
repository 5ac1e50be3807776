package org.griddesk.store.ticket;

import static org.griddesk.store.jooq.Tables.TICKET_CODE_COUNTER;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.griddesk.domain.ticket.TicketCode;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

/// Hands out ticket codes `YYMM-NNNN`, numbered per month, from blocks of [#BLOCK] numbers reserved
/// in the month's counter row by a short transaction of their own. Tickets are then written without
/// touching the counter, so they commit side by side instead of one after another behind its lock.
///
/// The price: two desks or gateways number from different blocks, so codes are unique and grow
/// within each of them but not strictly in arrival order across them, and the unused numbers of a
/// block, and of the following one reserved ahead, are skipped when its desk or gateway stops (at
/// most 2 × [#BLOCK] − 1 each time), as is the number of a ticket whose transaction fails.
final class TicketCodes {
    static final int BLOCK = 20;

    private final DSLContext dsl;
    private String month;
    private int next;
    private int last;
    /// the month's following block, reserved in the background once half of this one is used, so
    /// a ticket rarely waits for a reservation (which needs a connection of its own)
    private CompletableFuture<Integer> following;

    TicketCodes(DSLContext dsl) {
        this.dsl = dsl;
    }

    /// The next code for a ticket reported at `now`.
    synchronized String next(Instant now) {
        String current = TicketCode.month(now);
        if (!current.equals(month)) {
            month = current;
            following = null;
            startBlock(reserve(current));
        } else if (next > last) {
            startBlock(followingOrNow(current));
        }
        if (following == null && last - next < BLOCK / 2) {
            String forMonth = month;
            following = CompletableFuture.supplyAsync(() -> reserve(forMonth),
                    task -> Thread.ofVirtual().name("griddesk:ticket-codes").start(task));
        }
        return TicketCode.of(month, next++);
    }

    /// The block reserved ahead, or, when there is none or its reservation failed (the store was
    /// away then), one reserved now: a failed reservation is never kept as the answer.
    private int followingOrNow(String month) {
        var reserved = following;
        following = null;
        if (reserved != null) {
            try {
                return reserved.join();
            } catch (CompletionException | CancellationException e) {
                // reserved in vain while the store was away: reserve again below
            }
        }
        return reserve(month);
    }

    private void startBlock(int end) {
        last = end;
        next = end - BLOCK + 1;
    }

    /// Reserves the month's next block; returns its last number.
    private int reserve(String month) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Integer end = bump(tx, month);
            if (end == null) {
                try {
                    tx.insertInto(TICKET_CODE_COUNTER).set(TICKET_CODE_COUNTER.CODE_MONTH, month)
                            .set(TICKET_CODE_COUNTER.LAST_NUMBER, 0).onConflictDoNothing().execute();
                } catch (IntegrityConstraintViolationException otherMadeIt) {
                    // H2 emulates ON CONFLICT with a MERGE that two first reservations of a month can both
                    // try: the other one made the row (H2 undoes only the failed statement)
                }
                end = bump(tx, month);
            }
            return end;
        });
    }

    private static Integer bump(DSLContext tx, String month) {
        var row = tx.update(TICKET_CODE_COUNTER)
                .set(TICKET_CODE_COUNTER.LAST_NUMBER, TICKET_CODE_COUNTER.LAST_NUMBER.plus(BLOCK))
                .where(TICKET_CODE_COUNTER.CODE_MONTH.eq(month))
                .returningResult(TICKET_CODE_COUNTER.LAST_NUMBER)
                .fetchOne();
        return row == null ? null : row.value1();
    }
}
