package org.griddesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Background threads for I/O; results return to the FX thread with `Platform.runLater`.
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger log = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers;

    public FxTaskExecutor(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "griddesk-io-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /// Work handed over after [#close] (a window's last listeners while the desk closes) is dropped:
    /// the returned future fails, and neither callback runs.
    @Override
    public <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                           Consumer<? super Throwable> onFailure) {
        CompletableFuture<T> future;
        try {
            future = CompletableFuture.supplyAsync(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, workers);
        } catch (RejectedExecutionException closing) {
            log.debug("work dropped: the desk is closing");
            return CompletableFuture.failedFuture(closing);
        }
        future.whenComplete((result, failure) -> runOnUi(() -> {
            if (failure == null) {
                onSuccess.accept(result);
            } else {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.debug("background task failed", cause);
                onFailure.accept(cause);
            }
        }));
        return future;
    }

    /// After [#close] (the desk is closing) a delayed piece of work is dropped: what it would start
    /// has nothing left to run on.
    @Override
    public void runOnUiAfter(java.time.Duration delay, Runnable uiWork) {
        TaskExecutor.super.runOnUiAfter(delay, () -> {
            if (!workers.isShutdown()) {
                uiWork.run();
            }
        });
    }

    @Override
    public void runOnUi(Runnable uiWork) {
        if (Platform.isFxApplicationThread()) {
            uiWork.run();
        } else {
            Platform.runLater(uiWork);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
