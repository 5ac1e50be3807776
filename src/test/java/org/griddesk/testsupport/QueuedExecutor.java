package org.griddesk.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.griddesk.ui.TaskExecutor;

/// A [TaskExecutor] for tests of the desk's session and of view models: holds submitted work until
/// asked and runs it on the test's thread, in the order given (or the newest first, to see an older
/// answer arrive last); `close` runs what is left, like `ExecutorService.shutdown`.
public final class QueuedExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                           Consumer<? super Throwable> onFailure) {
        CompletableFuture<T> future = new CompletableFuture<>();
        queue.add(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                onFailure.accept(e);
                future.completeExceptionally(e);
                return;
            }
            onSuccess.accept(result);
            future.complete(result);
        });
        return future;
    }

    public void runNext() {
        queue.removeFirst().run();
    }

    /// Runs the work submitted last.
    public void runLast() {
        queue.removeLast().run();
    }

    /// Runs work, and the work it queues, until none is left.
    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    public int queued() {
        return queue.size();
    }

    @Override
    public void runOnUi(Runnable uiWork) {
        uiWork.run();
    }

    @Override
    public void close() {
        runAll();
    }
}
