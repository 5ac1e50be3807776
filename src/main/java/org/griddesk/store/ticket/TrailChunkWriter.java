package org.griddesk.store.ticket;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.griddesk.store.Database;
import org.griddesk.store.RowInsert;

/// The second half of [TicketHistoryWriter]: appends the trails of tickets that are committed
/// already, on a connection and a thread of its own, one chunk behind the tickets.
///
/// A trail's rows refer to their ticket, so they can only go in once the ticket's transaction has
/// committed; the two halves therefore take turns chunk by chunk rather than sharing one
/// transaction, and the database works on both tables at once. Each chunk's trails are one
/// transaction, so a ticket has its whole trail or none of it.
final class TrailChunkWriter implements AutoCloseable {
    private static final List<Object[]> END = new ArrayList<>();
    /// chunks waiting for this writer; the ticket half waits when it is this far ahead
    private static final int AHEAD = 2;

    private final BlockingQueue<List<Object[]>> chunks = new ArrayBlockingQueue<>(AHEAD);
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final Thread thread;
    private boolean ended;

    /// Starts the thread, which takes a connection of `db`'s pool until [#finish()] or [#close()].
    TrailChunkWriter(Database db, RowInsert insert, int batch) {
        thread = Thread.ofPlatform().name("griddesk:history-trails").daemon().start(() -> {
            try {
                db.loadingDsl().connection(c -> write(c, insert, batch));
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
                chunks.clear(); // the ticket half may be waiting for room
            }
        });
    }

    /// Hands over the trail rows of tickets that have just committed. Waits while the writer is
    /// [#AHEAD] chunks behind; throws what stopped it if it failed.
    void append(List<Object[]> events) {
        try {
            while (!chunks.offer(events, 50, TimeUnit.MILLISECONDS)) {
                rethrowIfFailed();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while writing ticket trails");
        }
        rethrowIfFailed();
    }

    /// Waits until every chunk handed over is committed; throws what stopped the writer if it failed.
    void finish() {
        end();
        joinWriter();
        rethrowIfFailed();
    }

    /// Lets the writer commit the chunks already handed over (their tickets are committed) and waits
    /// for it, also when the ticket half failed or was interrupted. Never throws: the ticket half's
    /// own failure is the one to report.
    @Override
    public void close() {
        boolean interrupted = Thread.interrupted();
        try {
            end();
        } catch (RuntimeException writerFailed) {
            // it has stopped already
        }
        joinWriter();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void end() {
        if (!ended) {
            ended = true;
            append(END);
        }
    }

    private void joinWriter() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Connection c, RowInsert insert, int batchSize) throws SQLException, InterruptedException {
        c.setAutoCommit(false);
        try (RowInsert.Batch batch = insert.prepare(c)) {
            for (List<Object[]> chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                for (int from = 0; from < chunk.size(); from += batchSize) {
                    batch.addAll(chunk.subList(from, Math.min(chunk.size(), from + batchSize)));
                    batch.send();
                }
                c.commit();
            }
        } catch (SQLException | InterruptedException | RuntimeException | Error e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void rethrowIfFailed() {
        if (done.isCompletedExceptionally()) {
            try {
                done.join();
            } catch (CompletionException e) {
                throw unwrap(e);
            }
        }
    }

    private static RuntimeException unwrap(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("writing ticket trails failed: " + cause.getMessage(), cause);
    }
}
