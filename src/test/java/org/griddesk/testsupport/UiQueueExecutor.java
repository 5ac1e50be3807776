package org.griddesk.testsupport;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.griddesk.ui.TaskExecutor;

/// A [TaskExecutor] for view-model tests whose "UI thread" is the test's own thread: background
/// work runs on the thread that submits it; what must run on the UI thread runs at once when asked
/// from the test's thread, and otherwise (the change feed's thread, the live map's) waits in a queue
/// until the test [#drain]s it. So every property changes on one thread, as in the desk.
public final class UiQueueExecutor implements TaskExecutor {
    private final Thread ui = Thread.currentThread();
    private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            runOnUi(() -> onFailure.accept(e));
            return CompletableFuture.failedFuture(e);
        }
        runOnUi(() -> onSuccess.accept(result));
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void runOnUi(Runnable uiWork) {
        if (Thread.currentThread() == ui) {
            uiWork.run();
        } else {
            waiting.add(uiWork);
        }
    }

    /// Runs, on the test's thread, what other threads handed to the UI thread so far.
    public void drain() {
        for (Runnable next = waiting.poll(); next != null; next = waiting.poll()) {
            next.run();
        }
    }

    @Override
    public void close() {
        waiting.clear();
    }
}
