package org.griddesk.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// The one way GridDesk runs work off the FX thread.
///
/// `work` runs on a background thread (database, network, files); `onSuccess` or `onFailure`
/// then runs on the UI thread. View models take a `TaskExecutor` so that their tests can use
/// [CurrentThreadTaskExecutor] and run without a UI.
public interface TaskExecutor extends AutoCloseable {

    <T> CompletableFuture<T> submit(Callable<T> work, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure);

    /// Runs a piece of UI work on the UI thread (immediately when already there).
    void runOnUi(Runnable uiWork);

    /// Runs `uiWork` on the UI thread once `delay` has passed, holding no worker meanwhile (a timer
    /// hands it over; nothing sleeps on the pool the store's reads share).
    default void runOnUiAfter(Duration delay, Runnable uiWork) {
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS).execute(() -> runOnUi(uiWork));
    }

    @Override
    void close();
}
