package org.griddesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/// Runs work and its callbacks on the calling thread: for tests and command-line tools.
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                           Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception | Error e) {
            onFailure.accept(e);
            return CompletableFuture.failedFuture(e);
        }
        onSuccess.accept(result);
        return CompletableFuture.completedFuture(result);
    }

    @Override
    public void runOnUi(Runnable uiWork) {
        uiWork.run();
    }

    @Override
    public void close() {
        // nothing runs in the background
    }
}
