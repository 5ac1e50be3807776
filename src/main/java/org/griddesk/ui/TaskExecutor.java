package org.griddesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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

    @Override
    void close();
}
