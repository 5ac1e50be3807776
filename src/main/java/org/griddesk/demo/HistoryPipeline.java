package org.griddesk.demo;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.griddesk.store.ticket.TicketHistoryWriter;
import org.griddesk.store.ticket.TicketHistoryWriter.History;
import org.griddesk.store.ticket.TicketHistoryWriter.Rows;

/// Runs the history generator on its own thread while the writer stores what it has made, so
/// that the lifecycle engine and the database work at the same time. The generator's thread also
/// turns each history into the values of its rows: the writer's thread is the slower of the two.
final class HistoryPipeline {
    private static final Object END = new Object();
    private static final int QUEUE = 4096;

    private record Failure(Throwable cause) {
    }

    private HistoryPipeline() {
    }

    /// Generates the planned histories and writes them; returns the number of tickets written.
    static long run(DemoHistoryGenerator generator, HistoryPlan plan, TicketHistoryWriter writer,
                    Consumer<History> beforeCommit) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        Thread producer = Thread.ofPlatform().name("griddesk:demo-history").daemon().start(() -> {
            try {
                generator.generate(plan.days(), plan.until(), h -> put(queue, writer.rows(h)));
                put(queue, END);
            } catch (CancellationException stopped) {
                // the writer gave up; nobody is listening
            } catch (RuntimeException | Error e) {
                putQuietly(queue, new Failure(e));
            }
        });
        try {
            return writer.writeRows(new Taking(queue), beforeCommit);
        } finally {
            producer.interrupt();
        }
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("history writer stopped");
        }
    }

    private static void putQuietly(BlockingQueue<Object> queue, Object item) {
        try {
            queue.offer(item, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /// The writer's view of the queue: histories until the end mark; a generator failure rethrown.
    private static final class Taking implements Iterator<Rows> {
        private final BlockingQueue<Object> queue;
        private Object next;

        Taking(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted while writing the demo history");
                }
            }
            if (next instanceof Failure(Throwable cause)) {
                throw new IllegalStateException("the demo history generator failed", cause);
            }
            return next != END;
        }

        @Override
        public Rows next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Rows h = (Rows) next;
            next = null;
            return h;
        }
    }
}
